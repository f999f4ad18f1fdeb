/**
 * "Same person as …": teaching the corpus that a name the draft uses is someone it knows, by
 * writing an alias into the people file, as cspell's "Add to workspace dictionary" writes its
 * word list. The edit is the smallest one that does it: one alias inserted into the person's
 * existing entry (a flow list, a block list, or a new `aliases:` line), or one entry appended;
 * every other character of the file stays as it was.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { plainText } from '../text/sanitize';
import { foldPhrase as fold } from '../text/normalize';
import type { OffsetEdit } from './quickFixes';

/** A YAML scalar for a name: plain where that is safe, else double-quoted (JSON is valid YAML). */
export function yamlName(name: string): string {
  const clean = plainText(name).trim();
  return /^[\p{L}][\p{L}\p{N} .'\u2019-]*$/u.test(clean) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(clean) ? clean : JSON.stringify(clean);
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/**
 * The edit that makes `alias` a name of `canonical` in a people file's text; null when the file
 * cannot be read as a list of people (it is then left alone) or already has the alias.
 */
export function aliasEdit(text: string, canonical: string, alias: string): OffsetEdit | null {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) return null;
  const root = doc.contents as Node | null;
  const list = isSeq(root) ? root : isMap(root) && isSeq(root.get('people', true)) ? (root.get('people', true) as unknown as YAMLSeq) : root === null ? null : undefined;
  if (list === undefined) return null;
  const name = yamlName(alias);
  const entry = list?.items.find((item): item is YAMLMap => isMap(item) && typeof item.get('name') === 'string' && fold(String(item.get('name'))) === fold(canonical));
  if (!entry) {
    // A new entry at the end of the list (or of the file).
    const end = list?.range ? list.range[1] : text.length;
    const at = text.length && end >= text.length ? text.length : end;
    const lead = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
    const indent = list && list.items[0] && isMap(list.items[0]) && list.items[0].range ? ' '.repeat(list.items[0].range[0] - 2 - lineStart(text, list.items[0].range[0])) : '';
    return { start: at, end: at, newText: `${lead}${indent}- name: ${yamlName(canonical)}\n${indent}  aliases: [${name}]\n` };
  }
  const known = entry.get('aliases');
  const aliases = isSeq(known) ? known.items.map((x) => String(isScalar(x) ? x.value : x)) : typeof known === 'string' ? [known] : [];
  if ([canonical, ...aliases].some((a) => fold(a) === fold(alias))) return null;
  const pair = entry.items.find((p) => isScalar(p.key) && p.key.value === 'aliases') as Pair<Node, Node> | undefined;
  const value = pair?.value;
  if (isSeq(value) && value.range) {
    if (value.flow) {
      const last = value.items[value.items.length - 1] as Node | undefined;
      if (last?.range) return { start: last.range[1], end: last.range[1], newText: `, ${name}` };
      const open = text.indexOf('[', value.range[0]);
      return { start: open + 1, end: open + 1, newText: name };
    }
    const last = value.items[value.items.length - 1] as Node | undefined;
    if (!last?.range) return null;
    const dash = text.lastIndexOf('-', last.range[0]);
    const indent = text.slice(lineStart(text, dash), dash);
    return { start: last.range[1], end: last.range[1], newText: `\n${indent}- ${name}` };
  }
  if (isScalar(value) && value.range) {
    return { start: value.range[0], end: value.range[1], newText: `[${text.slice(value.range[0], value.range[1])}, ${name}]` };
  }
  // No aliases yet: a line after the name's, at the name key's indentation.
  const namePair = entry.items.find((p) => isScalar(p.key) && p.key.value === 'name') as Pair<Node, Node> | undefined;
  if (!namePair || !isScalar(namePair.key) || !namePair.key.range || !namePair.value?.range) return null;
  const keyAt = namePair.key.range[0];
  const column = keyAt - lineStart(text, keyAt);
  const after = namePair.value.range[1];
  return { start: after, end: after, newText: `\n${' '.repeat(column)}aliases: [${name}]` };
}
