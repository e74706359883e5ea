// `npm start`: the local gateway on the embedded database (API.md §3).
import fs from 'node:fs';
import path from 'node:path';
import { templatesFromEnv } from '../adapters/wechat-subscribe-notifier';
import { messageDays } from '../domain/messages';
import { DEMO_ACCOUNTS } from '../seed/demo-ids';
import { isEmpty, seedDemo } from '../seed/demo';
import { startGateway } from './gateway';
import { createLocalDeps } from './local-deps';

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? './.data');
  fs.mkdirSync(dataDir, { recursive: true });
  const filename = path.join(dataDir, 'community.db');
  const deps = createLocalDeps({
    filename,
    userIdSalt: process.env.USER_ID_SALT,
    blockedWords: process.env.CONTENT_WORDS?.split(','),
    messageDays: messageDays(process.env.MESSAGE_DAYS),
    templateIds: templatesFromEnv(process.env.SUBSCRIBE_TEMPLATES),
    dataDir,
  });
  const seed = process.env.SEED ?? 'demo';
  if (seed !== 'none' && (await isEmpty(deps))) {
    await seedDemo(deps);
    console.log(`seeded demo data into ${filename}`);
  }
  const gateway = await startGateway({
    deps,
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 3000),
    tickMs: Number(process.env.TICK_MS ?? 60_000),
    dataDir,
  });
  console.log(`红色物业 local gateway listening on ${gateway.url}  (database: ${filename})`);
  console.log('demo accounts (send as header x-openid):');
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.openid.padEnd(16)} ${a.who}`);
  console.log(
    `try: curl -s -H 'x-openid: demo-admin' -H 'content-type: application/json' -d '{"action":"whoami"}' ${gateway.url}/functions/account`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight calls and closing the database…`);
    gateway.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
