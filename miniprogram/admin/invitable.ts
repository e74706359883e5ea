// The choices of the invite and revoke pages. Which roles a person may hand out, their names and
// the level of their scope come with whoami (`invitable`, RULES.md §9: the level above grants); the
// server decides again on account.invite. This only turns them and the structure into options. The
// admin's structure lists the city's streets only: a community or compound is picked in a street
// (街道 → 社区/小区, admin.structure with the street), and a firm among the first 50 by name or
// those whose name starts with what is typed (admin.firms).
import type { StructureView } from '../../typings/admin';
import type { ApiResult, ScopeLevel as ServerScopeLevel, SelfView } from '../../typings/api';
import * as admin from './service';

export type ScopeLevel = Exclude<ServerScopeLevel, 'city'>;

/** What the place of a level is called on the page (the structure's own words, not a server label). */
export const SCOPE_LABELS: Record<ScopeLevel, string> = { street: '街道', community: '社区', compound: '小区', firm: '物业企业' };

export interface Option {
  label: string;
  value: string;
}

/** The roles this whoami user may invite, as the server listed them. */
export function invitableRoles(user: SelfView | null): Option[] {
  return (user?.invitable ?? []).map((r) => ({ label: r.label, value: r.role }));
}

/** The scopes of a level within what the caller reaches (their structure); none at the city's level nor for firms (firmOptions). */
export function scopeOptions(level: ServerScopeLevel, view: StructureView): Option[] {
  if (level === 'city') return [];
  const manyStreets = view.streets.length > 1;
  const communities = view.streets.flatMap((s) => s.communities.map((c) => ({ c, prefix: manyStreets ? `${s.name} · ` : '' })));
  if (level === 'street') return view.streets.map((s) => ({ label: s.name, value: s.streetId }));
  if (level === 'community') return communities.map(({ c, prefix }) => ({ label: `${prefix}${c.name}`, value: c.communityId }));
  if (level === 'compound')
    return communities.flatMap(({ c }) => c.compounds.map((k) => ({ label: `${c.name} · ${k.name}`, value: k.compoundId })));
  return [];
}

/** Whether a place of `level` is picked in a street first: the admin's structure names no communities. */
export function streetFirst(level: ServerScopeLevel | '', view: StructureView | null): boolean {
  return !!view?.isAdmin && (level === 'community' || level === 'compound');
}

/** The streets of a structure as options. */
export const streetOptionsOf = (view: StructureView | null): Option[] =>
  (view?.streets ?? []).map((s) => ({ label: s.name, value: s.streetId }));

/** How many firms a picker offers at once. */
const FIRMS_OFFERED = 50;

/** The firms to offer: the first 50 by name, or those whose name starts with `q`. */
export async function firmOptions(q: string): Promise<ApiResult<Option[]>> {
  const res = await admin.firms(q.trim() ? { q: q.trim(), limit: FIRMS_OFFERED } : { limit: FIRMS_OFFERED });
  if (!res.ok) return res;
  return { ok: true, data: res.data.items.map((f) => ({ label: f.name, value: f.firmId })) };
}
