// Bench part: a database file with the demo seed (the cold-start runs answer their call on it).
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';

async function main(): Promise<void> {
  const filename = process.argv[2];
  const deps = createLocalDeps({ filename });
  await seedDemo(deps);
  await deps.store.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
