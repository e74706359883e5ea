import { ballotMarks, formatReceipt, linkInput, receiptInput } from '../domain/owners-ballot';
import { ownerIdentity, parseArea, totalsOf, type Choice } from '../domain/owners-count';
import {
  BALLOTS,
  linkId,
  MOTION_RESULTS,
  MOTIONS,
  OWNER_LINKS,
  OWNER_REGISTERS,
  OWNER_UNITS,
  type BallotDoc,
  type MotionDoc,
  type RegisterDoc,
  type ResultDoc,
  type UnitDoc,
} from '../app/owners/model';
import { ownerKeyFor, receiptHmac, sha256 } from '../app/owners/crypto';
import { resultOf } from '../domain/owners-result';
import { DEMO, DEMO_MOTIONS } from './demo-ids';
import type { SeedContext } from './seed-context';

const DAY = 24 * 3600 * 1000;

/** 江津花园's owners' register: [building, room, area, owner, phone, developer?, linked demo openid?]. */
const UNITS: Array<[string, string, string, string, string, boolean, string?]> = [
  ['5栋', '502', '118.36', '张志强', '13907160004', false, 'demo-oc'],
  ['6栋', '602', '96.50', '陈玉珍', '13907160006', false, 'demo-resident'],
  ['7栋', '701', '89.72', '赵志远', '13907160007', false, 'demo-volunteer'],
  // 陈玉珍 owns a second unit: one person, both areas.
  ['6栋', '603', '45.10', '陈玉珍', '13907160006', false],
  ['1栋', '101', '102.40', '钱文华', '13871600101', false],
  ['1栋', '102', '102.40', '孙美玲', '13871600102', false],
  ['2栋', '202', '88.00', '周国华', '13871600202', false],
  ['3栋', '301', '120.15', '吴桂兰', '13871600301', false],
  ['4栋', '401', '76.80', '郑建军', '13871600401', false],
  ['8栋', '801', '99.99', '孙立新', '13907160008', false],
  // The developer's unsold units: one person together.
  ['9栋', '901', '132.00', '荆州江津置业有限公司', '0716-8211000', true],
  ['9栋', '902', '132.00', '荆州江津置业有限公司', '0716-8211000', true],
];

/** Owners who already voted in the demo motion (so its turnout bars show something). */
const VOTED: Array<[string, Choice]> = [
  ['1栋\u0000101', 'agree'],
  ['3栋\u0000301', 'agree'],
  ['4栋\u0000401', 'object'],
];

/**
 * The owners' register of the first compound with demo-oc, demo-resident and demo-volunteer
 * linked as owners, and a motion open for voting there (API.md §4).
 */
export async function seedOwners(s: SeedContext, salt: string): Promise<void> {
  const at = s.now.toISOString();
  const registerId = 'reg_demo_jiangjin';
  const units: UnitDoc[] = UNITS.map(([building, room, area, ownerName, ownerPhone, developerHeld, openid], i) => ({
    _id: `${registerId}_${i + 2}`,
    registerId,
    compoundId: DEMO.compound1,
    line: i + 2,
    building,
    room,
    area: parseArea(area) as number,
    ownerName,
    ownerPhone,
    developerHeld,
    ownerKey: ownerKeyFor(ownerIdentity({ ownerName, ownerPhone, developerHeld }), salt),
    linked: !!openid || (ownerName === '陈玉珍' && !developerHeld),
  }));
  for (const u of units) await s.ops.insert(OWNER_UNITS, u);
  for (const [i, row] of UNITS.entries()) {
    const openid = row[6];
    if (!openid) continue;
    const userId = s.userId(openid);
    await s.ops.insert(OWNER_LINKS, {
      _id: linkId(DEMO.compound1, userId),
      compoundId: DEMO.compound1,
      userId,
      ownerKey: units[i].ownerKey,
      building: row[0],
      room: row[1],
      linkedBy: 'auto',
      createdAt: at,
    });
  }
  const totals = totalsOf(units);
  const register: RegisterDoc = {
    _id: registerId,
    compoundId: DEMO.compound1,
    communityId: DEMO.communityId,
    totals,
    unlinked: units.filter((u) => !u.linked).length,
    importedBy: s.userId('demo-oc'),
    createdAt: new Date(s.now.getTime() - 30 * DAY).toISOString(),
  };
  await s.ops.insert(OWNER_REGISTERS, register);

  const byUnit = (key: string) => units.find((u) => `${u.building}\u0000${u.room}` === key) as UnitDoc;
  const base = {
    compoundId: DEMO.compound1,
    communityId: DEMO.communityId,
    createdBy: s.userId('demo-oc'),
    registerId,
    totals,
  };
  const day = (n: number) => new Date(s.now.getTime() + n * DAY).toISOString();

  // Open for voting: three paper ballots so far.
  const open: MotionDoc = {
    ...base,
    _id: DEMO_MOTIONS.open,
    matter: 'fund_use',
    title: '使用维修资金更换供水管网',
    text: '小区供水管网老化，多次爆管。拟使用专项维修资金约 38 万元更换 1–9 栋供水主管，施工期约 45 天。请各位业主在表决期内投票。',
    opensAt: day(-1),
    closesAt: day(14),
    status: 'voting',
    createdAt: day(-17),
    announcedAt: day(-16),
    openedAt: day(-1),
    ...fresh(DEMO_MOTIONS.open),
  };
  await castAll(
    s,
    salt,
    open,
    VOTED.map(([key, choice]) => [byUnit(key), choice]),
  );
  await s.ops.insert(MOTIONS, open);

  // Closed with a published result: the covenant, agreed by most owners.
  const closed: MotionDoc = {
    ...base,
    _id: DEMO_MOTIONS.closed,
    matter: 'covenant',
    title: '修订《江津花园管理规约》',
    text: '修订管理规约第十二条（电动车停放与充电）和第十八条（装修管理），修订稿已在各栋单元门张贴。',
    opensAt: day(-40),
    closesAt: day(-30),
    status: 'closed',
    createdAt: day(-60),
    announcedAt: day(-58),
    openedAt: day(-40),
    closedAt: day(-30),
    ...fresh(DEMO_MOTIONS.closed),
  };
  const closedVotes: Array<[UnitDoc, Choice]> = units
    .filter((u) => !u.developerHeld && u.room !== '603')
    .map((u, i) => [u, i % 4 === 3 ? 'object' : i === 5 ? 'abstain' : 'agree']);
  const ballots = await castAll(s, salt, closed, closedVotes);
  const result = resultOf({ motionId: closed._id, matter: closed.matter, totals }, ballots, sha256);
  closed.outcome = result.outcome;
  await s.ops.insert(MOTIONS, closed);
  const published: ResultDoc = { _id: closed._id, motionId: closed._id, ...result, publishedAt: day(-30) };
  await s.ops.insert(MOTION_RESULTS, published);
}

const fresh = (motionId: string) => ({ seq: 0, turnout: { area: 0, number: 0 }, chainHead: sha256(`genesis|${motionId}`) });

/** Casts paper ballots recorded by demo-oc, an hour apart from the opening, chaining them as the server does. */
async function castAll(s: SeedContext, salt: string, motion: MotionDoc, votes: Array<[UnitDoc, Choice]>): Promise<BallotDoc[]> {
  const out: BallotDoc[] = [];
  for (const [unit, choice] of votes) {
    const seq = motion.seq + 1;
    const castAt = new Date(Date.parse(motion.opensAt) + seq * 3600_000).toISOString();
    const receipt = formatReceipt(receiptHmac(salt, receiptInput(motion._id, unit.ownerKey, castAt, ballotMarks({ choice }))));
    const hash = sha256(linkInput(motion.chainHead, { seq, receipt, area: unit.area, choice }));
    const ballot: BallotDoc = {
      _id: `${motion._id}:${unit.ownerKey}`,
      motionId: motion._id,
      ownerKey: unit.ownerKey,
      seq,
      choice,
      area: unit.area,
      units: 1,
      channel: 'paper',
      castBy: s.userId('demo-oc'),
      castAt,
      receipt,
      prevHash: motion.chainHead,
      hash,
      photoFileId: 'local://uploads/demo-paper-ballot.jpg',
    };
    await s.ops.insert(BALLOTS, ballot);
    out.push(ballot);
    motion.seq = seq;
    motion.chainHead = hash;
    motion.turnout = { area: motion.turnout.area + unit.area, number: motion.turnout.number + 1 };
  }
  return out;
}
