/**
 * The persisted index is checked, never trusted: a flipped byte in any part of it (the lead,
 * the header, each column), a header length that cannot fit, columns that lie about where they
 * are, or values that point outside what they index, all make it "damaged": reported in one
 * line, ignored, and the verdicts equal a run without an index.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../../server/src/engine';
import { INDEX_FILE, loadIndex, loadIndexAsync, saveIndex } from '../../server/src/index/persist';
import { SEED_CORPUS } from '../helpers';

const DRAFT = 'In October, Hegseth said “He confirmed once again that the U.S. is a true ally.” Hegseth says NATO membership for Ukraine is “off the table.” Hegseth said “President Putin responds to weakness.”\n';
const verdicts = (e: TraceEngine) => e.check(DRAFT).findings.map((f) => [f.text, f.verdict, f.source?.article.id, f.source?.speaker]);

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'st-damage-'));
  cpSync(SEED_CORPUS, join(dir, 'corpus'), { recursive: true });
  const corpus = join(dir, 'corpus'), index = join(dir, '.source-trace', INDEX_FILE);
  const fresh = await TraceEngine.load([corpus]);
  saveIndex(index, fresh.persistedForm());
  return { corpus, index, bytes: readFileSync(index), expected: verdicts(fresh) };
}

/** The regions of the file: lead, header, and each column, from the header's own table. */
function regions(bytes: Buffer): [string, number, number][] {
  const json = bytes.readDoubleLE(8);
  const header = JSON.parse(bytes.subarray(40, 40 + json).toString('utf8')) as { columns: Record<string, [number, number, string]> };
  const base = 40 + ((json + 7) & ~7);
  const out: [string, number, number][] = [['lead: magic and version', 0, 8], ['lead: header length', 8, 16], ['lead: checksum', 16, 36], ['header', 40, 40 + json]];
  for (const [name, [offset, count, kind]] of Object.entries(header.columns)) if (count > 0) out.push([name, base + offset, base + offset + count * (kind === 'i32' ? 4 : 1)]);
  return out;
}

test('a flipped byte anywhere makes the index damaged: reported, ignored, and the verdicts are those of a run without it', async () => {
  const { corpus, index, bytes, expected } = await setup();
  const rs = regions(bytes);
  assert.ok(rs.length >= 15, 'every column is covered');
  for (const [name, from, to] of rs) {
    for (const at of [from, Math.floor((from + to) / 2), to - 1]) {
      const bad = Buffer.from(bytes);
      bad[at] ^= 0x5a;
      writeFileSync(index, bad);
      const reports: string[] = [];
      const sync = loadIndex(index, (m) => reports.push(m));
      const parallel = await loadIndexAsync(index, 4096, (m) => reports.push(m));
      assert.equal(sync, null, `${name} byte ${at}: sync reader`);
      assert.equal(parallel, null, `${name} byte ${at}: parallel reader`);
      // Magic and version belong to "another format" (ignored silently); everything else is reported.
      if (!name.startsWith('lead: magic')) assert.equal(reports.length, 2, `${name} byte ${at}: ${reports.join(' | ')}`);
      const engine = await TraceEngine.load([corpus], { persisted: parallel });
      assert.deepEqual(verdicts(engine), expected, `${name} byte ${at}`);
    }
  }
});

/** Rewrites the header (and the checksum, as a crafted file would) and returns the file. */
function crafted(bytes: Buffer, edit: (header: Record<string, unknown>) => void): Buffer {
  const json = bytes.readDoubleLE(8);
  const header = JSON.parse(bytes.subarray(40, 40 + json).toString('utf8'));
  const base = 40 + ((json + 7) & ~7);
  edit(header);
  const text = Buffer.from(JSON.stringify(header), 'utf8');
  const padded = Buffer.concat([text, Buffer.alloc(((text.length + 7) & ~7) - text.length)]);
  const rest = bytes.subarray(base);
  const lead = Buffer.from(bytes.subarray(0, 40));
  lead.writeDoubleLE(text.length, 8);
  createHash('sha1').update(padded).update(rest).digest().copy(lead, 16);
  return Buffer.concat([lead, padded, rest]);
}

test('lengths, offsets and values are bounded even when the checksum is right', async () => {
  const { corpus, index, bytes, expected } = await setup();
  const cases: [string, Buffer][] = [
    ['a header length between 2^31 and 2^32', (() => { const b = Buffer.from(bytes); b.writeDoubleLE(3_000_000_000, 8); return b; })()],
    ['a fractional header length', (() => { const b = Buffer.from(bytes); b.writeDoubleLE(100.5, 8); return b; })()],
    ['a negative column offset', crafted(bytes, (h) => { (h.columns as Record<string, number[]>)['quoteStart'][0] = -8; })],
    ['a column past the end of the file', crafted(bytes, (h) => { (h.columns as Record<string, number[]>)['tokens.ids'][1] = 1e9; })],
    ['overlapping columns', crafted(bytes, (h) => { const c = h.columns as Record<string, number[]>; c['quoteEnd'][0] = c['quoteStart'][0]; })],
    ['a vocabulary too short for its word ids', crafted(bytes, (h) => { (h.vocab as string[]).length = 3; })],
    ['too many bucket bits', crafted(bytes, (h) => { h.bits = 40; })],
    ['a speaker table too short', crafted(bytes, (h) => { (h.speakers as unknown[]).length = 0; })],
    ['a speaker whose evidence is no rule of ours', crafted(bytes, (h) => { (h.speakers as { via?: string }[])[0].via = 'toString'; })],
  ];
  for (const [what, file] of cases) {
    writeFileSync(index, file);
    const reports: string[] = [];
    assert.equal(loadIndex(index, (m) => reports.push(m)), null, what);
    assert.equal(await loadIndexAsync(index, undefined, (m) => reports.push(m)), null, what);
    assert.equal(reports.length, 2, `${what}: ${reports.join(' | ')}`);
    assert.match(reports[0], /damaged/);
    assert.deepEqual(verdicts(await TraceEngine.load([corpus], { persisted: null })), expected, what);
  }
});
