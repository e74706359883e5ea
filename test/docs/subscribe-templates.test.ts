/** docs/SUBSCRIBE-TEMPLATES.md is the message table, rendered; DEPLOY.md points to it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderSubscribeTemplates } from '../../scripts/docs/subscribe-templates';
import { MESSAGE_TEMPLATES, TEMPLATE_KEYS } from '../../cloudfunctions/core/app/messages/templates';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

test('docs/SUBSCRIBE-TEMPLATES.md matches the table (npm run docs:templates rewrites it)', () => {
  expect(read('docs/SUBSCRIBE-TEMPLATES.md')).toBe(renderSubscribeTemplates());
});

test('the docs name every kind and every WeChat field of the table, and no old key', () => {
  const doc = read('docs/SUBSCRIBE-TEMPLATES.md');
  for (const key of TEMPLATE_KEYS) {
    expect(doc).toContain(`\`${key}\``);
    for (const f of Object.values(MESSAGE_TEMPLATES[key].fields)) expect(doc).toContain(`\`${f.wx}\``);
  }
  expect(doc).not.toContain('waitlist_promoted');
});

test('DEPLOY.md links to the template table and uses no key outside it', () => {
  const deploy = read('docs/DEPLOY.md');
  expect(deploy).toContain('SUBSCRIBE-TEMPLATES.md');
  expect(deploy).not.toContain('waitlist_promoted');
});
