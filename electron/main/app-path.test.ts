import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appOriginOf, contentTypeFor, resolveAppPath } from './app-path.ts';

const root = path.resolve('/srv/liaison/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppPath', () => {
  it('serves files of the built renderer', () => {
    expect(resolveAppPath(root, 'app://liaison/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://liaison/assets/index-Bx12.js')).toBe(inRoot('assets', 'index-Bx12.js'));
    expect(resolveAppPath(root, 'app://liaison/assets/app.css?v=2#top')).toBe(inRoot('assets', 'app.css'));
    expect(resolveAppPath(root, 'app://liaison/fonts/Roboto%20Regular.woff2')).toBe(inRoot('fonts', 'Roboto Regular.woff2'));
    expect(resolveAppPath(root, 'APP://LIAISON/favicon.ico')).toBe(inRoot('favicon.ico'));
  });

  it('answers the root and client-side routes with index.html', () => {
    expect(resolveAppPath(root, 'app://liaison/')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://liaison')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://liaison/students')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://liaison/students/42/consents/')).toBe(inRoot('index.html'));
  });

  const refused: [string, string][] = [
    ['parent folder', 'app://liaison/../secret.txt'],
    ['parent inside a path', 'app://liaison/assets/../../vault/liaison.db'],
    ['encoded dots', 'app://liaison/%2e%2e/secret.txt'],
    ['mixed-case encoded dots', 'app://liaison/%2E%2e/%2E%2E/etc/passwd'],
    ['half-encoded dots', 'app://liaison/.%2e/secret.txt'],
    ['encoded slash', 'app://liaison/..%2fsecret.txt'],
    ['encoded slash to an absolute path', 'app://liaison/%2fetc%2fpasswd'],
    ['encoded backslash', 'app://liaison/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://liaison/..\\..\\windows\\win.ini'],
    ['double encoding', 'app://liaison/%252e%252e/secret.txt'],
    ['absolute path via empty segment', 'app://liaison//etc/passwd'],
    ['drive letter', 'app://liaison/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://liaison/C%3a%5cWindows%5cwin.ini'],
    ['NUL', 'app://liaison/index.html%00.png'],
    ['raw NUL', 'app://liaison/index.html\u0000.png'],
    ['newline', 'app://liaison/assets/a%0a.js'],
    ['malformed escape', 'app://liaison/assets/%E0%A4%A.js'],
    ['trailing-dot parent (Windows)', 'app://liaison/.. /secret.txt'],
    ['Windows device name', 'app://liaison/con.js'],
    ['other host', 'app://evil/index.html'],
    ['look-alike host', 'app://liaison.evil.example/index.html'],
    ['host with port', 'app://liaison:8080/index.html'],
    ['host with credentials', 'app://user@liaison/index.html'],
    ['empty host', 'app:///etc/passwd'],
    ['other scheme', 'file:///etc/passwd'],
    ['https', 'https://liaison/index.html'],
  ];

  it.each(refused)('refuses %s', (_label, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('appOriginOf', () => {
  it('names the app origin only for the app host', () => {
    expect(appOriginOf('app://liaison/students/4')).toBe('app://liaison');
    expect(appOriginOf('app://liaison')).toBe('app://liaison');
    expect(appOriginOf('app://other/')).toBeNull();
    expect(appOriginOf('app://liaison.evil/')).toBeNull();
    expect(appOriginOf('https://liaison/')).toBeNull();
    expect(appOriginOf('about:blank')).toBeNull();
    expect(appOriginOf('')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer build output', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.unknown')).toBe('application/octet-stream');
  });
});
