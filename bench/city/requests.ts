/**
 * Five years of resident requests with their timelines, built as the demo seed builds them: filed
 * with `newRequestDoc` and moved through the request state machine (`applyCommand`, `nextDoc`) by
 * the people who would have moved it. Old requests were handled and rated (or closed by the
 * system); recent ones stop where the clock stands.
 *
 * A million replays would take minutes, so each distinct path (filing, lead party, closing, public
 * or not, steps taken) is replayed once, for placeholder people and places at a reference time,
 * and every request is that document with its own ids, names and times put in. The builders only
 * copy those values and add durations to times, so the result is the document the replay would
 * give (test/bench/city.test.ts compares the two).
 */
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import type { CompoundDoc } from '../../cloudfunctions/core/app/community/community';
import { newId } from '../../cloudfunctions/core/app/ids';
import { SYSTEM_ACTOR } from '../../cloudfunctions/core/app/requests/access';
import { newRequestDoc, nextDoc, REQUESTS, type RequestDoc } from '../../cloudfunctions/core/app/requests/request';
import { maskPhone } from '../../cloudfunctions/core/domain/phone';
import type { RequestCategory } from '../../cloudfunctions/core/domain/request-categories';
import { applyCommand, type Actor, type Command } from '../../cloudfunctions/core/domain/request-state';
import type { Party } from '../../cloudfunctions/core/domain/roles';
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules-config';
import type { BulkWriter } from './bulk';
import type { City, Person } from './places';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const CITY_YEARS = 5;

const FILINGS: Array<{ category: RequestCategory; title: string; description: string }> = [
  { category: 'facilities', title: '楼道声控灯不亮', description: '单元楼道声控灯坏了好几天，晚上老人上下楼看不见，请尽快维修。' },
  { category: 'environment', title: '垃圾清运不及时', description: '垃圾站最近每天下午才清运，上午垃圾堆到路边，气味很大。' },
  { category: 'facilities', title: '电梯运行异响', description: '电梯运行时有明显异响，停靠不平，请安排检修。' },
  { category: 'environment', title: '绿化带长期无人修剪', description: '小区中心绿化带杂草丛生，蚊虫很多，请安排修剪。' },
];

/** The rating of each rated request: mostly satisfied. */
const SCORES = [5, 5, 4, 4, 4, 3, 5, 2, 4, 5];

/** One request's path: what was filed, who leads, how it closes; `steps` is how far it got. */
export interface RequestPath {
  filing: number;
  lead: Party;
  /** A score for a rated request, or null: closed by the system after the rating window. */
  score: number | null;
  isPublic: boolean;
  steps: number;
}

/** The people and place of one request. */
export interface RequestCast {
  id: string;
  filedAt: Date;
  compound: CompoundDoc;
  submitter: Person;
  rc: Person;
  /** The lead party's member: the firm's property staff, or the residents' committee's. */
  lead: Person;
}

/** Hours after filing of each step: accept, start, resolve, and the close (rating or system). */
export function stepHours(path: Pick<RequestPath, 'score'>): number[] {
  return [2, 6, 30, path.score === null ? 30 + DEFAULT_RULES.autoCloseDays * 24 : 54];
}

/** Replays a request's path through the product's builders and state machine. */
export function replayRequest(path: RequestPath, cast: RequestCast): RequestDoc {
  const { compound: c, submitter } = cast;
  const sub: UserDoc = {
    _id: submitter.userId,
    openid: submitter.openid,
    name: submitter.name,
    phone: submitter.phone,
    communityId: c.communityId,
    compoundId: c._id,
    building: submitter.building,
    room: submitter.room,
    status: 'active',
    roles: ['resident'],
    isPartyMember: submitter.isPartyMember,
    createdAt: cast.filedAt.toISOString(),
    updatedAt: cast.filedAt.toISOString(),
  };
  const f = FILINGS[path.filing];
  let doc = newRequestDoc(cast.id, cast.filedAt.toISOString(), sub, c, { ...f, photos: [], isPublic: path.isPublic }, DEFAULT_RULES);
  const person = (p: Person, parts: Partial<Actor>): Actor => ({
    userId: p.userId,
    name: p.name,
    isSubmitter: p.userId === doc.submitterId,
    isRcStaff: false,
    isPartyOrg: false,
    parties: [],
    ...parts,
  });
  const rc = () => person(cast.rc, { isRcStaff: true, parties: ['residents_committee'] });
  const lead = () => (path.lead === 'property' ? person(cast.lead, { parties: ['property'] }) : rc());
  const commands: Array<[() => Actor, Command]> = [
    [rc, { action: 'accept', leadParty: path.lead, coHandlers: [], major: false, note: null }],
    [lead, { action: 'start', note: '已安排人员处理。', photos: [] }],
    [lead, { action: 'resolve', note: '已处理完毕，请查看。', photos: [] }],
    path.score === null
      ? [() => SYSTEM_ACTOR, { action: 'autoClose' }]
      : [() => person(submitter, {}), { action: 'rate', score: path.score, solved: true, comment: null }],
  ];
  const hours = stepHours(path);
  for (let i = 0; i < path.steps; i++) {
    const at = new Date(cast.filedAt.getTime() + hours[i] * HOUR);
    const [who, command] = commands[i];
    const t = applyCommand(doc, command, who(), at);
    if (!t.ok) throw new Error(`city request ${doc._id}: ${command.action} refused (${t.reason})`);
    doc = nextDoc(doc, t, at);
  }
  return doc;
}

const REF = Date.parse('2000-01-03T00:00:00.000Z');
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;
const SLOTS = ['ID', 'CM', 'ST', 'CP', 'CPN', 'F', 'FN', 'SUB', 'SN', 'SB', 'SR', 'SP', 'RC', 'RCN', 'LD', 'LDN'] as const;
type Slot = (typeof SLOTS)[number];
const mark = (s: Slot) => `@@${s}@@`;
const placeholder = (s: Slot): Person => ({
  userId: mark(s),
  openid: mark(s),
  name: mark(`${s}N` as Slot),
  phone: '',
  building: '',
  room: '',
  isPartyMember: false,
});

/** A replayed path as JSON pieces: literal text, then a slot (a value or a time offset from filing). */
type Piece = string | { slot: Slot } | { offset: number };

interface Template {
  pieces: Piece[];
  status: string;
  /** When it was rated, from filing (null: not rated). */
  ratedOffset: number | null;
}

function compile(path: RequestPath): Template {
  const compound: CompoundDoc = {
    _id: mark('CP'),
    communityId: mark('CM'),
    streetId: mark('ST'),
    name: mark('CPN'),
    firmId: mark('F'),
    firmName: mark('FN'),
  };
  const submitter: Person = { ...placeholder('SUB'), name: mark('SN'), building: mark('SB'), room: mark('SR'), phone: '13800000000' };
  const doc = replayRequest(path, {
    id: mark('ID'),
    filedAt: new Date(REF),
    compound,
    submitter,
    rc: placeholder('RC'),
    lead: placeholder('LD'),
  });
  const json = JSON.stringify(doc).replace(JSON.stringify(maskPhone(submitter.phone)), `"${mark('SP')}"`);
  const pieces: Piece[] = [];
  const re = new RegExp(`@@(${SLOTS.join('|')})@@|${ISO.source}`, 'g');
  let last = 0;
  for (const m of json.matchAll(re)) {
    pieces.push(json.slice(last, m.index));
    pieces.push(m[1] ? { slot: m[1] as Slot } : { offset: Date.parse(m[0]) - REF });
    last = (m.index ?? 0) + m[0].length;
  }
  pieces.push(json.slice(last));
  return { pieces, status: doc.status, ratedOffset: doc.ratedAt ? Date.parse(doc.ratedAt) - REF : null };
}

/** Satisfaction inputs of the rating periods: per compound and half-year, rated and rated ≥ 4. */
export type SatisfactionTally = Map<string, { rated: number; satisfied: number }>;

/** The path of the k-th request filed `age` ms before now. */
export function pathOf(k: number, filedMs: number, nowMs: number): RequestPath {
  const score = k % 8 === 7 ? null : SCORES[k % SCORES.length];
  const hours = stepHours({ score });
  let steps = 0;
  while (steps < hours.length && filedMs + hours[steps] * HOUR <= nowMs) steps++;
  return { filing: k % FILINGS.length, lead: k % 10 < 7 ? 'property' : 'residents_committee', score, isPublic: k % 3 === 0, steps };
}

export function writeRequests(
  w: BulkWriter,
  city: City,
  total: number,
  now: Date,
  periodOf: (iso: string) => string,
  random: () => number,
): { satisfaction: SatisfactionTally; states: Record<string, number> } {
  const satisfaction: SatisfactionTally = new Map();
  const states: Record<string, number> = {};
  const templates = new Map<string, Template>();
  const span = CITY_YEARS * 365 * DAY;
  const esc = (s: string) => JSON.stringify(s).slice(1, -1);
  for (let k = 0; k < total; k++) {
    const place = city.places[k % city.places.length];
    const c = place.compound;
    const submitter = place.residents[Math.floor(random() * place.residents.length)];
    const staff = city.staff.get(c.communityId) as { rc: Person };
    const filedMs = now.getTime() - Math.floor(random() * span);
    const path = pathOf(k, filedMs, now.getTime());
    const key = `${path.filing}|${path.lead}|${path.score}|${path.isPublic}|${path.steps}`;
    let t = templates.get(key);
    if (!t) templates.set(key, (t = compile(path)));
    const lead = path.lead === 'property' ? (city.firmStaff.get(c.firmId) as Person) : staff.rc;
    const values: Record<Slot, string> = {
      ID: newId('rq', new Date(filedMs)),
      CM: c.communityId,
      // Every city compound names its street (places.ts), as the request then does.
      ST: c.streetId ?? '',
      CP: c._id,
      CPN: esc(c.name),
      F: c.firmId,
      FN: esc(c.firmName),
      SUB: submitter.userId,
      SN: esc(submitter.name),
      SB: esc(submitter.building),
      SR: esc(submitter.room),
      SP: maskPhone(submitter.phone),
      RC: staff.rc.userId,
      RCN: esc(staff.rc.name),
      LD: lead.userId,
      LDN: esc(lead.name),
    };
    let json = '';
    for (const p of t.pieces) json += typeof p === 'string' ? p : 'slot' in p ? values[p.slot] : new Date(filedMs + p.offset).toISOString();
    w.insertJson(REQUESTS, values.ID, json);
    states[t.status] = (states[t.status] ?? 0) + 1;
    if (t.ratedOffset !== null && path.score !== null) {
      const tallyKey = `${c._id}|${periodOf(new Date(filedMs + t.ratedOffset).toISOString())}`;
      const s = satisfaction.get(tallyKey) ?? { rated: 0, satisfied: 0 };
      s.rated += 1;
      if (path.score >= 4) s.satisfied += 1;
      satisfaction.set(tallyKey, s);
    }
  }
  return { satisfaction, states };
}
