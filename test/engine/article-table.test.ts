/**
 * The persisted article table gives back exactly the articles it was given: every field,
 * persons with their roles, and the rare per-article extras.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeArticles, encodeArticles } from '../../server/src/index/articleTable';
import type { CorpusSnapshot } from '../../server/src/index/traceCorpus';
import { runSteps } from '../../server/src/steps';

type Row = CorpusSnapshot['articles'][number];
const article = (over: Partial<Row['article']>): Row['article'] => ({
  id: '/c/a.md', path: '/c/a.md', line: 3, title: 'Harbor fees', outlet: 'Harbor Gazette', date: '2024-05-01', url: null, updated: null,
  bodyStart: 40, hash: 'f00d', navigable: true, span: null, ...over,
});

test('articles come back from the table field for field, names shared', () => {
  const rows: Row[] = [
    { article: article({}), persons: [{ name: 'Ada Lindqvist', roles: ['Mayor', 'harbor chair'] }, { name: 'Ines Alvarado', roles: [] }], changes: [], problems: [], lineStarts: [0, 12, 40] },
    { article: article({ id: '/c/archive.jsonl#a7', path: '/c/archive.jsonl', line: 6, title: null, outlet: null, date: null, url: 'https://example.org/x', updated: true, bodyStart: 0, navigable: false, span: { offset: 9000, length: 812 } }),
      persons: [{ name: 'Ada Lindqvist', roles: ['Mayor'] }], changes: [{ person: 'Ada Lindqvist', start: 10, end: 60, sentence: 'A U-turn by Ada Lindqvist.' }], problems: [{ offset: 5, message: 'unclosed quotation mark' }], lineStarts: null },
    { article: article({ id: 'elsewhere#1', path: '/c/b.md', updated: '2024-06-01' }), persons: [], changes: [], problems: [], lineStarts: null },
  ];
  const table = JSON.parse(JSON.stringify(runSteps(encodeArticles(rows))!));
  const back = decodeArticles(table);
  assert.deepEqual(back, rows);
  assert.equal(table.names.filter((n: string) => n === 'Ada Lindqvist').length, 1, 'a name is stored once');
  assert.equal(back[0].persons[0].name, back[1].persons[0].name);
});
