/** Bytes to text: UTF-8 (BOM or not), UTF-16 with a BOM, and Latin-1 for what is not UTF-8. */
export interface Decoded { text: string | null; warning?: string; error?: string }

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeArticle(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: null, error: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { text: null, error: 'binary file (contains NUL bytes); not an article' };
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), warning: 'not valid UTF-8; read as Latin-1' };
  }
}
