/** "Same person as …" writes one alias into the people file, and nothing else changes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { aliasEdit, yamlName } from '../../server/src/fix/peopleAlias';
import type { OffsetEdit } from '../../server/src/fix/quickFixes';

const apply = (text: string, e: OffsetEdit | null) => (e ? text.slice(0, e.start) + e.newText + text.slice(e.end) : text);
const aliasesOf = (text: string, name: string) => (parse(text) as { name: string; aliases?: string[] }[]).find((p) => p.name === name)?.aliases;

const FILE = `# People the articles cannot join.
- name: Ana Ruiz
  aliases: [Annie Ruiz, Mayor Ruiz]   # nicknames
  roles: [Mayor of Portville]
- name: Omar Feldt
  aliases:
    - O. Feldt
- name: Dana Whitcombe # no aliases yet
  roles: [Harbor master]
`;

test('an alias joins a flow list, a block list, or a new aliases line; every other character stays', () => {
  const flow = apply(FILE, aliasEdit(FILE, 'Ana Ruiz', 'Anita Ruiz'));
  assert.deepEqual(aliasesOf(flow, 'Ana Ruiz'), ['Annie Ruiz', 'Mayor Ruiz', 'Anita Ruiz']);
  assert.equal(flow.replace(', Anita Ruiz', ''), FILE, 'only the alias was inserted');
  const block = apply(FILE, aliasEdit(FILE, 'Omar Feldt', 'Omar Feld'));
  assert.deepEqual(aliasesOf(block, 'Omar Feldt'), ['O. Feldt', 'Omar Feld']);
  assert.equal(block.replace('\n    - Omar Feld', ''), FILE);
  const none = apply(FILE, aliasEdit(FILE, 'dana whitcombe', 'Captain Dana'));
  assert.deepEqual(aliasesOf(none, 'Dana Whitcombe'), ['Captain Dana']);
  assert.equal(none.replace('\n  aliases: [Captain Dana]', ''), FILE);
  assert.match(none, /- name: Dana Whitcombe\n {2}aliases: \[Captain Dana\] # no aliases yet/);
});

test('a person not in the file gets an entry at its end; an empty or missing file gets its first; an alias it has is no edit', () => {
  const added = apply(FILE, aliasEdit(FILE, 'Lena Park', 'L. Park'));
  assert.ok(added.startsWith(FILE));
  assert.deepEqual(aliasesOf(added, 'Lena Park'), ['L. Park']);
  assert.deepEqual(aliasesOf(apply('', aliasEdit('', 'Lena Park', 'L. Park')), 'Lena Park'), ['L. Park']);
  const noNewline = FILE.trimEnd();
  assert.deepEqual(aliasesOf(apply(noNewline, aliasEdit(noNewline, 'Lena Park', 'L. Park')), 'Lena Park'), ['L. Park']);
  assert.equal(aliasEdit(FILE, 'Ana Ruiz', 'annie ruiz'), null);
  assert.equal(aliasEdit('people: [broken', 'Ana Ruiz', 'A'), null, 'a file that does not parse is left alone');
  assert.equal(aliasEdit('just a string\n', 'Ana Ruiz', 'A'), null);
});

test('names are written as YAML that reads back as the same text: quoted when needed, no control characters', () => {
  assert.equal(yamlName('Ana Ruiz'), 'Ana Ruiz');
  assert.equal(yamlName('Yes'), '"Yes"');
  assert.equal(yamlName('Ruiz: the mayor [D]'), '"Ruiz: the mayor [D]"');
  const hostile = 'Ana\u202E Ruiz\n- name: Evil';
  const out = apply(FILE, aliasEdit(FILE, 'Omar Feldt', hostile));
  assert.deepEqual(aliasesOf(out, 'Omar Feldt'), ['O. Feldt', 'Ana Ruiz - name: Evil']);
  assert.equal((parse(out) as unknown[]).length, 3, 'no entry was forged');
});
