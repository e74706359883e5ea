// The choices of the invite and revoke pages. Which roles a person may hand out, their names and
// the level of their scope come with whoami (`invitable`, RULES.md §9: the level above grants); the
// server decides again on account.invite. This only turns them and the structure into options.
import type { StructureView } from '../../typings/admin';
import type { ScopeLevel as ServerScopeLevel, SelfView } from '../../typings/api';

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

/** The scopes of a level within what the caller reaches (their structure); none at the city's level. */
export function scopeOptions(level: ServerScopeLevel, view: StructureView): Option[] {
  if (level === 'city') return [];
  const manyStreets = view.streets.length > 1;
  const communities = view.streets.flatMap((s) => s.communities.map((c) => ({ c, prefix: manyStreets ? `${s.name} · ` : '' })));
  if (level === 'street') return view.streets.map((s) => ({ label: s.name, value: s.streetId }));
  if (level === 'community') return communities.map(({ c, prefix }) => ({ label: `${prefix}${c.name}`, value: c.communityId }));
  if (level === 'compound')
    return communities.flatMap(({ c }) => c.compounds.map((k) => ({ label: `${c.name} · ${k.name}`, value: k.compoundId })));
  return view.firms.map((f) => ({ label: f.name, value: f.firmId }));
}
