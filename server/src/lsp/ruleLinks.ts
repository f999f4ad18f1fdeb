/**
 * Where a diagnostic's code links: its section of the README the installed package carries.
 * vsce stores README.md as `readme.md`, so the file is found whatever its case; the link names
 * the section's line (`#L49`), which VS Code opens the file at (a `#misquote` anchor means
 * nothing to a text editor).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class RuleLinks {
  private constructor(private readonly base: string, private readonly lines: ReadonlyMap<string, number>) {}

  /** The README in `folder` (any case), with the line of each `#### code` heading. */
  static inFolder(folder: string): RuleLinks {
    let name = 'README.md';
    try { name = readdirSync(folder).find((f) => f.toLowerCase() === 'readme.md') ?? name; } catch { /* no folder: the link still names the file */ }
    const path = join(folder, name);
    const lines = new Map<string, number>();
    try {
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        const m = /^#{2,4}\s+([a-z][a-z-]*)\s*$/.exec(line);
        if (m && !lines.has(m[1])) lines.set(m[1], i + 1);
      });
    } catch { /* unreadable: links without a line */ }
    return new RuleLinks(pathToFileURL(path).toString(), lines);
  }

  /** A README the client names (another editor, another page): anchors, as a browser reads them. */
  static at(uri: string): RuleLinks {
    return new RuleLinks(uri, new Map());
  }

  href(code: string): string {
    const line = this.lines.get(code);
    return line ? `${this.base}#L${line}` : `${this.base}#${code}`;
  }
}
