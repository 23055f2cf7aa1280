/**
 * The README and docs/ stay true to the tree: every relative link and image
 * points at a file that is there (and an `#anchor` at a heading that is), the
 * README stays short and opens with its two commands, every `MOCK_*` variable
 * the mock reads is in the mock's manual, and the images stay light.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = join(ROOT, 'docs');
const IMAGES = join(DOCS, 'images');
const pages = [
  join(ROOT, 'README.md'),
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(DOCS, f)),
];
const read = (file: string) => readFileSync(file, 'utf8');
const name = (file: string) => relative(ROOT, file);

/** The text a reader sees as prose: fenced blocks and inline code removed (a `[x](y)` there is not a link). */
const prose = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** Every link target of a page: markdown links and images, and the src, srcset and href of its HTML. */
function targets(markdown: string): string[] {
  const text = prose(markdown);
  const found = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  for (const m of text.matchAll(/\b(?:src|srcset|href)="([^"]+)"/g)) found.push(...m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!));
  return found;
}

/** GitHub's anchor for each heading (outside fenced code): lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2… */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const m of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = m[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

describe('the README and docs/', () => {
  for (const page of pages) {
    it(`${name(page)}: every relative link and image resolves`, () => {
      const broken: string[] = [];
      for (const target of targets(read(page))) {
        if (/^(https?:|mailto:)/.test(target)) continue;
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path ? resolve(dirname(page), decodeURIComponent(path)) : page;
        if (!existsSync(file)) broken.push(`${target}: no such file`);
        else if (anchor && file.endsWith('.md') && !anchors(read(file)).has(anchor))
          broken.push(`${target}: no such heading in ${name(file)}`);
      }
      expect(broken).toEqual([]);
    });
  }

  it('the README is at most 200 lines and opens with the two commands, which package.json has', () => {
    const readme = read(join(ROOT, 'README.md'));
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
    const first = /```sh\n([\s\S]*?)```/.exec(readme);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
    expect(first?.[1]).toMatch(/^npm install && npm start\b/m);
    expect(first?.[1]).toMatch(/^npm test\b/m);
    const scripts = (JSON.parse(read(join(ROOT, 'package.json'))) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toContain('npm:mock');
    expect(scripts.test).toContain('test:e2e');
    expect(read(join(ROOT, '.ci/run'))).toMatch(/^npm test$/m);
  });

  it('docs/mock.md names every MOCK_* variable the mock reads', () => {
    const main = read(join(ROOT, 'mock-server/main.ts'));
    const read_ = [...main.matchAll(/process\.env\.(MOCK_\w+)|intEnv\('(MOCK_\w+)'/g)].map((m) => m[1] ?? m[2]!);
    expect(read_.length).toBeGreaterThan(15);
    const manual = read(join(DOCS, 'mock.md'));
    expect([...new Set(read_)].filter((v) => !manual.includes(`\`${v}\``))).toEqual([]);
  });

  it('every image in docs/images is shown somewhere, and together they weigh under 3 MB', () => {
    const images = readdirSync(IMAGES);
    const shown = pages.flatMap((p) => targets(read(p)).map((t) => resolve(dirname(p), t.split('#')[0]!)));
    expect(images.filter((f) => !shown.includes(join(IMAGES, f)))).toEqual([]);
    const total = images.reduce((sum, f) => sum + statSync(join(IMAGES, f)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('finds a broken link, and a heading that is not there', () => {
    expect(targets('[a](x.md) ![b](images/y.png) <img src="z.png"> `[c](not-a-link.md)`')).toEqual(['x.md', 'images/y.png', 'z.png']);
    expect(
      anchors('## State: durable, versioned, `--reset`\n## Test routes: reset, clock, mail\n## Test routes: reset, clock, mail'),
    ).toEqual(new Set(['state-durable-versioned---reset', 'test-routes-reset-clock-mail', 'test-routes-reset-clock-mail-1']));
  });
});
