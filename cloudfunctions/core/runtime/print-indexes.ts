// `npm run db:indexes`: prints the database collections and indexes a CloudBase environment needs,
// generated from the declarations in app/collections.ts (docs/DEPLOY.md §4). `--json` prints only the
// `UpdateTable` bodies of the tcb API, for a script that creates them.
import { COLLECTIONS } from '../app/collections';
import { describeIndexes, indexConfig } from '../adapters/cloudbase-indexes';

const json = JSON.stringify(indexConfig(COLLECTIONS), null, 2);
if (process.argv.includes('--json')) {
  console.log(json);
} else {
  console.log(`# ${COLLECTIONS.length} collections, each with permission 仅管理端可读写 (the mini-program never reads the database).`);
  console.log('# Create each one (数据库 → 添加集合), then its indexes (索引管理 → 添加索引): fields in this order, ↑ 升序, ↓ 降序.');
  console.log('# A unique index must be created as 唯一 and sparse (稀疏): documents without the field never collide.\n');
  console.log(describeIndexes(COLLECTIONS));
  console.log('\n# The same indexes as UpdateTable request bodies (tcb API 2018-06-08; add "EnvId"), also printed by --json:');
  console.log(json);
}
