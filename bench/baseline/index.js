// The conventional baseline of the cold-start figure: a CloudBase function written the usual way —
// plain CommonJS, not bundled, `require('wx-server-sdk')` from node_modules, `cloud.init()` at load —
// answering one call (the caller's own record, like account.whoami) on the same embedded database
// through better-sqlite3. Measured exactly like the bundles (bench/cold/invoke.cjs, fresh process).
const cloud = require('wx-server-sdk');
const Database = require('better-sqlite3');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

let db = null;

module.exports.main = async (event) => {
  const { OPENID } = cloud.getWXContext();
  if (!event || event.action !== 'whoami') return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '未知操作' } };
  if (!db) db = new Database(process.env.BENCH_DB);
  const row = db.prepare("SELECT data FROM users WHERE json_extract(data, '$.openid') = ?").get(OPENID);
  const u = row ? JSON.parse(row.data) : null;
  const user = u && {
    userId: u._id,
    name: u.name,
    phone: u.phone,
    status: u.status,
    roles: u.roles,
    communityId: u.communityId,
    compoundId: u.compoundId,
    building: u.building,
    room: u.room,
    firmId: u.firmId || null,
    isPartyMember: u.isPartyMember,
  };
  return { ok: true, data: { openid: OPENID, user } };
};
