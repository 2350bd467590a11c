/**
 * File names Liaison suggests in save dialogs. Suggested names are built from
 * data people typed (a student's or a provider's name), so they are treated
 * as untrusted: a name must not pick a folder, hide its real extension behind
 * right-to-left overrides, or name a Windows device. Pure, so it is
 * unit-tested without Electron.
 */

// Bidirectional overrides/isolates and marks, zero-width characters and the
// BOM: invisible, and able to make "report\u202Efdp.exe" read as "report.pdf".
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// C0 and C1 control characters, including NUL, tab and newline.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Folder separators, plus the characters Windows refuses in a file name.
const FORBIDDEN = /[/\\<>:"|?*]/g;
// Device names Windows opens instead of a file, whatever extension follows.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Most file systems cap a name at 255 bytes; leave room for the extension and a "(2)" suffix. */
const MAX_STEM_BYTES = 200;
const FALLBACK_STEM = 'document';

/** True when Windows would treat the name (ignoring anything after the first dot) as a device. */
export function isWindowsReservedName(name: string): boolean {
  const stem = name.split('.')[0]!.trimEnd();
  return RESERVED.test(stem);
}

function truncateToBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  // Cut whole code points so a surrogate pair or a Vietnamese letter is never split.
  const points = Array.from(text);
  while (points.length > 0 && encoder.encode(points.join('')).length > maxBytes) points.pop();
  return points.join('');
}

/**
 * A single file name (no folders) safe to offer in a save dialog on any
 * platform, ending in `.extension`.
 */
export function safeFileName(suggested: string, extension: string): string {
  const ext = extension.replace(/^\.+/, '').toLowerCase();
  const name = String(suggested)
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(FORBIDDEN, '-')
    .replace(/\s+/g, ' ')
    .trim();

  const suffix = ext === '' ? '' : `.${ext}`;
  let stem = suffix !== '' && name.toLowerCase().endsWith(suffix) ? name.slice(0, -suffix.length) : name;
  // Leading dots hide a file (and ".." is a folder); Windows drops trailing dots and spaces.
  stem = stem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  stem = truncateToBytes(stem, MAX_STEM_BYTES).replace(/[.\s]+$/, '');
  if (stem === '') stem = FALLBACK_STEM;
  if (isWindowsReservedName(stem)) stem = `_${stem}`;
  return `${stem}${suffix}`;
}
