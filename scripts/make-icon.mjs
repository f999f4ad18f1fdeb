// Draws the extension's icon (images/icon.png, 128×128): two closing quotation marks on the
// newsroom blue, written as a PNG with node's zlib so no image tool is needed. Run once when
// the design changes; the PNG is committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const N = 128, S = 4; // size, supersampling per axis
const bg = [0x1f, 0x3a, 0x5f], fg = [0xff, 0xff, 0xff], accent = [0xf2, 0xb1, 0x34];

const inRoundedSquare = (x, y) => {
  const r = 24, m = 4;
  const cx = Math.min(Math.max(x, m + r), N - m - r), cy = Math.min(Math.max(y, m + r), N - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
// A closing quotation mark: a round head and a tail curving down to the left.
const inMark = (x, y, ox) => {
  const hx = ox, hy = 50, hr = 15;
  if ((x - hx) ** 2 + (y - hy) ** 2 <= hr * hr) return true;
  // The tail: the band between two circles, below and left of the head.
  const tx = ox - 14, ty = 50, outer = 29, inner = 17;
  const d = (x - tx) ** 2 + (y - ty) ** 2;
  return x >= tx && y >= hy && d <= outer * outer && d >= inner * inner && x <= hx + hr;
};
// An underline: the traced source.
const inLine = (x, y) => y >= 96 && y <= 104 && x >= 30 && x <= 98;

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    let a = 0, f = 0, l = 0;
    for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
      const px = x + (sx + 0.5) / S, py = y + (sy + 0.5) / S;
      if (!inRoundedSquare(px, py)) continue;
      a++;
      if (inMark(px, py, 52) || inMark(px, py, 90)) f++;
      else if (inLine(px, py)) l++;
    }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    const t = S * S;
    for (let c = 0; c < 3; c++) raw[o + c] = a ? Math.round((bg[c] * (a - f - l) + fg[c] * f + accent[c] * l) / a) : 0;
    raw[o + 3] = Math.round((255 * a) / t);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
