/**
 * Maps `app://liaison/<path>` requests to files of the built renderer. Pure
 * (no electron, no disk access) so every refusal is unit-tested. The renderer
 * is the only thing served, so anything that is not a plain relative path
 * inside it — `..`, encoded separators, backslashes, drive letters, NUL, a
 * different host — is refused rather than "cleaned up": a request like that
 * only comes from a bug or an attack, and guessing what it meant is how
 * traversal guards get bypassed.
 */
import path from 'node:path';
import { isWindowsReservedName } from './file-names.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'liaison';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/`;

const INDEX_FILE = 'index.html';

// Scheme and authority are matched on the raw string, before any URL parser
// can normalise `..` or percent-escapes away.
const APP_URL = /^app:\/\/([^/?#]*)([^?#]*)(?:[?#].*)?$/is;

/**
 * The origin of an app:// URL ('app://liaison'), or null for anything else.
 * Node's URL reports the origin of non-special schemes as "null", so the
 * sender check cannot rely on it.
 */
export function appOriginOf(url: string): string | null {
  const match = APP_URL.exec(url);
  if (!match || match[1]!.toLowerCase() !== APP_HOST) return null;
  return APP_ORIGIN;
}

export function isAppUrl(url: string): boolean {
  return appOriginOf(url) !== null;
}

function decodeSegment(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // malformed escape
  }
  if (decoded === '' || decoded === '.' || decoded === '..') return null;
  // Separators or traversal smuggled in as escapes; `%` left after decoding
  // means double encoding; `:` is a drive letter or an NTFS stream name;
  // control characters (NUL above all) truncate paths in native code.
  // eslint-disable-next-line no-control-regex
  if (/[/\\:%\u0000-\u001f\u007f]/.test(decoded)) return null;
  // Windows ignores trailing dots and spaces, so `..` can hide as `.. ` or `...`.
  if (/[. ]$/.test(decoded)) return null;
  // `CON`, `NUL`, `COM1.js`… open devices, not files, on Windows.
  if (isWindowsReservedName(decoded)) return null;
  return decoded;
}

/**
 * The file under rootDir that answers requestUrl, or null when the request is
 * refused. '/' and extension-less routes (client-side routes) get index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  const match = APP_URL.exec(requestUrl);
  if (!match) return null;
  const [, host, rawPath] = match;
  if (host!.toLowerCase() !== APP_HOST) return null;
  const pathname = rawPath === '' ? '/' : rawPath!;
  if (!pathname.startsWith('/')) return null;
  // Raw backslashes, NUL and other controls are never part of a real asset URL.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(pathname)) return null;

  const rawSegments = pathname.slice(1).split('/');
  // A trailing slash ("/students/") is a route; any other empty segment
  // ("//etc/passwd") is an attempt at an absolute path.
  if (rawSegments.length > 1 && rawSegments.at(-1) === '') rawSegments.pop();
  const segments: string[] = [];
  if (!(rawSegments.length === 1 && rawSegments[0] === '')) {
    for (const raw of rawSegments) {
      const segment = decodeSegment(raw);
      if (segment === null) return null;
      segments.push(segment);
    }
  }

  const last = segments.at(-1);
  if (last === undefined || !last.includes('.')) segments.splice(0, segments.length, INDEX_FILE);

  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  // Belt and braces: whatever slipped past the checks above must still land inside the root.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a served file; unknown types are sent as opaque bytes (with nosniff). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
