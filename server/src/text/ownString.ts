/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a slice of
 * 13 or more characters as a pointer into its parent, so a name or word cut from an article
 * would keep the whole article in memory for as long as the index holds the name.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : [s, ''].join('\n').slice(0, -1);
}
