/**
 * Architecture rules, checked on the source text of the whole repository:
 * only electron/main and electron/preload import 'electron'; electron/shared
 * imports no Node modules; nothing renders raw HTML or evaluates strings as code.
 */
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP_DIRS = new Set(['node_modules', 'dist', 'release', '.git', 'coverage', 'test-results', 'playwright-report', '.artifacts', '.vite']);
const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TS = /\.(ts|tsx|mts|cts)$/;

function sourceFiles(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...sourceFiles(path.join(dir, entry.name)));
    } else if (entry.isFile() && CODE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** Removes comments and the contents of plain string/template literals, keeping code structure. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** Every module specifier: static imports/exports, dynamic import(), require(). */
function specifiers(text: string): string[] {
  const code = stripComments(text);
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const p of patterns) for (const m of code.matchAll(p)) found.push(m[1]!);
  return found;
}

const files = sourceFiles();
const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

describe('the scan itself', () => {
  it('sees the code under test and finds imports', () => {
    const names = files.map(rel);
    for (const expected of ['db/vault.ts', 'electron/services/api.ts', 'electron/shared/contract.ts', 'tests/architecture.test.ts']) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => n.startsWith('node_modules/'))).toBe(false);
    expect(specifiers(texts.get(path.join(ROOT, 'db/vault.ts'))!)).toEqual(expect.arrayContaining(['node:fs', 'kysely', './keys.ts']));
    const E = 'elec' + 'tron'; // built from parts so this file does not match itself
    expect(specifiers(`import x from '${E}';\nimport type { App } from "${E}";\nconst { app } = require("${E}");\nawait import('${E}/main');`)).toEqual([
      E,
      E,
      `${E}/main`,
      E,
    ]);
  });
});

describe('electron is imported only by the shell', () => {
  it('no .ts/.tsx file outside electron/main and electron/preload imports electron', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const name = rel(file);
      if (!TS.test(name)) continue;
      if (name.startsWith('electron/main/') || name.startsWith('electron/preload/')) continue;
      for (const spec of specifiers(texts.get(file)!)) {
        if (spec === 'electron' || spec.startsWith('electron/')) offenders.push(`${name}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('electron/shared is pure', () => {
  it('imports no node: modules (nor bare Node built-ins)', () => {
    const builtins = new Set(builtinModules);
    const shared = files.filter((f) => rel(f).startsWith('electron/shared/'));
    expect(shared.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const file of shared) {
      for (const spec of specifiers(texts.get(file)!)) {
        if (spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]!)) offenders.push(`${rel(file)}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('no raw HTML, no code from strings', () => {
  // Built from parts so this file does not match itself.
  const rules: [string, RegExp][] = [
    ['dangerously' + 'SetInnerHTML', new RegExp('\\bdangerously' + 'SetInnerHTML\\s*[=:]')],
    ['ev' + 'al(', new RegExp('(^|[^\\w$])ev' + 'al\\s*\\(')],
    ['new Func' + 'tion(', new RegExp('\\bnew\\s+Func' + 'tion\\s*\\(')],
  ];
  for (const [label, pattern] of rules) {
    it(`no file uses ${label}`, () => {
      const offenders = files.filter((f) => pattern.test(stripComments(texts.get(f)!))).map(rel);
      expect(offenders).toEqual([]);
    });
  }

  it('the patterns do catch what they look for', () => {
    const [html, ev, fn] = rules.map(([, p]) => p) as [RegExp, RegExp, RegExp];
    expect(html.test('<div dangerously' + 'SetInnerHTML={{ __html: x }} />')).toBe(true);
    expect(html.test('{ dangerously' + 'SetInnerHTML: { __html: x } }')).toBe(true);
    expect(ev.test('const y = ev' + 'al("1+1")')).toBe(true);
    expect(ev.test('window.ev' + 'al(code)')).toBe(true);
    expect(ev.test('retrieval(x)')).toBe(false);
    expect(ev.test("'no-ev" + "al': 'error'")).toBe(false);
    expect(fn.test('new Func' + 'tion("return 1")')).toBe(true);
  });
});
