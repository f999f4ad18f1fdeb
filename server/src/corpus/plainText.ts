/**
 * A plain `.txt` article has no front matter: its title and date are where a newsroom's text
 * exports put them. A headline on the first line is the title; an ISO date in the file name
 * (`2016-04-11-clinton-speech.txt`) or on a dateline near the top is the date. Front matter, when
 * a file has it, always wins. The article records where each came from, and the hover says so.
 */
import { isoDate } from './frontMatter';

export interface InferredMeta {
  title: string | null;
  date: string | null;
  /** Where the title and the date were read, when not from front matter. */
  from: { title?: 'first line'; date?: 'file name' | 'dateline' };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'i');
const ISO = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/;

/** "April 11, 2016", "11 Apr 2016", "2016-04-11" → "2016-04-11"; anything else (or an impossible day) → null. */
export function dateIn(line: string): string | null {
  const iso = ISO.exec(line);
  if (iso) return isoDate(iso[1]);
  const mf = MONTH_FIRST.exec(line);
  const df = mf ? null : DAY_FIRST.exec(line);
  const [month, day, year] = mf ? [mf[1], mf[2], mf[3]] : df ? [df[2], df[1], df[3]] : [];
  if (!month) return null;
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  return isoDate(`${year}-${String(m).padStart(2, '0')}-${day!.padStart(2, '0')}`);
}

/** A first line that reads as a headline: short, a few words, not a sentence that runs on. */
function headline(line: string, next: string | undefined): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  return line.length <= 160 && words >= 2 && !/[,;:]$/.test(line) && !(/[.]$/.test(line) && next !== undefined && next.trim() !== '');
}

export function inferPlainMeta(path: string, text: string, bodyStart: number): InferredMeta {
  const out: InferredMeta = { title: null, date: null, from: {} };
  const lines = text.slice(bodyStart, bodyStart + 4000).split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first >= 0 && headline(lines[first].trim(), lines[first + 1])) {
    out.title = lines[first].trim();
    out.from.title = 'first line';
  }
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const fromName = ISO.exec(name);
  if (fromName && isoDate(fromName[1])) {
    out.date = isoDate(fromName[1]);
    out.from.date = 'file name';
    return out;
  }
  // A dateline: one of the first few lines after the headline ("By Ana Ruiz | April 11, 2016").
  for (let i = Math.max(first, 0), seen = 0; i < lines.length && seen < 4; i++) {
    if (lines[i].trim() === '') continue;
    seen++;
    const d = lines[i].length <= 200 ? dateIn(lines[i]) : null;
    if (d) { out.date = d; out.from.date = 'dateline'; break; }
  }
  return out;
}
