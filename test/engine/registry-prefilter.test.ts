/**
 * The people registry skips fuse.js searches that cannot find a surname variant (too few shared
 * letter pairs for the threshold). The skip must never hide a match fuse.js would return.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fuse from 'fuse.js';
import { letterPairs, mayMatch, patternPairs, PeopleRegistry, SURNAME_SEARCH } from '../../server/src/people/registry';
import { rng } from '../../bench/generate';

const LETTERS = 'aeioulnrstkmdvzyá';

test('no surname fuse.js would match is ever skipped by the letter-pair check', () => {
  const r = rng(5);
  let matched = 0, skipped = 0;
  for (let n = 0; n < 4000; n++) {
    const base = Array.from({ length: 5 + r.int(9) }, () => LETTERS[r.int(LETTERS.length)]).join('');
    // A variant a few edits away, or (one time in three) an unrelated surname.
    let variant = r.int(3) === 0 ? Array.from({ length: 5 + r.int(9) }, () => LETTERS[r.int(LETTERS.length)]).join('') : base;
    for (let e = r.int(4); e > 0; e--) {
      const at = r.int(variant.length), c = LETTERS[r.int(LETTERS.length)];
      const op = r.int(3);
      variant = op === 0 ? variant.slice(0, at) + c + variant.slice(at + 1) : op === 1 ? variant.slice(0, at) + c + variant.slice(at) : variant.slice(0, at) + variant.slice(at + 1);
    }
    if (variant.length < 2) continue;
    const hit = new Fuse([{ surname: variant }], SURNAME_SEARCH).search(base)[0];
    const found = !!hit && (hit.score ?? 1) <= SURNAME_SEARCH.threshold;
    const may = mayMatch(patternPairs(base), letterPairs(variant));
    if (found) { matched++; assert.ok(may, `fuse.js matches ${base} in ${variant} (score ${hit!.score}) but the check skipped it`); }
    if (!may) skipped++;
  }
  assert.ok(matched > 500 && skipped > 500, `${matched} matched, ${skipped} skipped`);
});

test('spelling variants still join one person', () => {
  const reg = new PeopleRegistry([]);
  for (const n of ['Volodymyr Zelenskyy', 'Hanno Pevkur', 'Mark Rutte']) reg.add(n);
  assert.equal(reg.resolve('Zelenskiy')?.name, 'Volodymyr Zelenskyy');
  assert.equal(reg.resolve('Volodymyr Zelensky')?.name, 'Volodymyr Zelenskyy');
  assert.equal(reg.resolve('Pevkurr')?.name, 'Hanno Pevkur');
  assert.equal(reg.resolve('Ruttenberg'), undefined);
});
