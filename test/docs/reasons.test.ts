import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_REASONS } from '../../cloudfunctions/core/app/account/reasons';
import { ADMIN_REASONS } from '../../cloudfunctions/core/app/admin/reasons';
import { COMMUNITY_REASONS } from '../../cloudfunctions/core/app/community/reasons';
import { OUTREACH_REASONS } from '../../cloudfunctions/core/app/outreach/reasons';
import { RATINGS_REASONS } from '../../cloudfunctions/core/app/ratings/reasons';
import { OWNERS_REASONS } from '../../cloudfunctions/core/app/owners/reasons';
import { COMMON_REASONS } from '../../cloudfunctions/core/app/reasons';
import { REQUESTS_REASONS } from '../../cloudfunctions/core/app/requests/reasons';
import { VOLUNTEER_REASONS } from '../../cloudfunctions/core/app/volunteer/reasons';

const api = readFileSync(join(__dirname, '../../docs/API.md'), 'utf8');
const reasonsSection = api.slice(api.indexOf('## Reasons'), api.indexOf('\n## ', api.indexOf('## Reasons') + 1));

/** The reasons API.md's table lists for a function (its own, without the common ones). */
function documented(fn: string): string[] {
  const row = reasonsSection.split('\n').find((line) => line.startsWith(`| \`${fn}\` |`));
  if (!row) throw new Error(`API.md has no reasons row for ${fn}`);
  const cell = row.split('|')[3];
  return [...cell.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]);
}

const own = (all: readonly string[]) => all.filter((r) => !(COMMON_REASONS as readonly string[]).includes(r));

test.each([
  ['account', ACCOUNT_REASONS],
  ['admin', ADMIN_REASONS],
  ['community', COMMUNITY_REASONS],
  ['volunteer', VOLUNTEER_REASONS],
  ['requests', REQUESTS_REASONS],
  ['ratings', RATINGS_REASONS],
  ['owners', OWNERS_REASONS],
  ['outreach', OUTREACH_REASONS],
] as const)('API.md lists exactly the reasons the %s function can answer', (fn, reasons) => {
  expect(new Set(documented(fn))).toEqual(new Set(own(reasons)));
});

test('API.md names the common reasons every function may answer', () => {
  for (const r of COMMON_REASONS) expect(reasonsSection).toContain(`\`${r}\``);
});
