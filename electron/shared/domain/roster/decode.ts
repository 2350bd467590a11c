/**
 * Bytes of a school information system export -> text. Exports come as UTF-8
 * (with or without a BOM), UTF-16 from Excel's "Unicode text", or the Windows
 * code page when an older tool or Excel's plain "CSV" wrote them.
 */

export type RosterErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_TEXT'
  | 'NO_HEADER'
  | 'TOO_MANY_ROWS'
  | 'TOO_MANY_COLUMNS'
  | 'FIELD_TOO_LONG'
  | 'MALFORMED_CSV';

export type RosterError = { code: RosterErrorCode; message: string; line?: number };

export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'windows-1252';

export type DecodedRoster = { ok: true; text: string; encoding: RosterEncoding } | { ok: false; error: RosterError };

const SAVE_AS_CSV = 'Export it again from the student information system, or open it in Excel and save it as “CSV UTF-8”.';

const EMPTY: DecodedRoster = {
  ok: false,
  error: { code: 'EMPTY_FILE', message: `This file is empty. ${SAVE_AS_CSV}` },
};

function notText(message: string): DecodedRoster {
  return { ok: false, error: { code: 'NOT_TEXT', message: `${message} ${SAVE_AS_CSV}` } };
}

// Control characters other than tab, line feed, form feed and carriage return.
const CONTROL = /(?![\t\n\f\r])\p{Cc}/gu;
// A spreadsheet row may carry a stray control character; a file with this many is not a spreadsheet.
const MAX_CONTROL_SHARE = 0.01;

function finish(text: string, encoding: RosterEncoding): DecodedRoster {
  // Old DOS tools end files with Ctrl+Z; trailing NULs come from fixed-size buffers.
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0 || text.charCodeAt(end - 1) === 0x1a)) end -= 1;
  const trimmed = text.slice(0, end);
  if (trimmed.trim() === '') return EMPTY;
  if (trimmed.includes('\u0000')) return notText('This file is not a spreadsheet saved as text (it holds binary data).');
  const controls = trimmed.match(CONTROL)?.length ?? 0;
  if (controls > trimmed.length * MAX_CONTROL_SHARE) {
    return notText('This file is not a spreadsheet saved as text (it holds binary data).');
  }
  return { ok: true, text: trimmed, encoding };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeRoster(bytes: Uint8Array): DecodedRoster {
  if (bytes.length === 0) return EMPTY;

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return finish(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), 'utf-8-bom');
    } catch {
      return notText('This file says it is UTF-8 text but holds bytes that are not.');
    }
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return finish(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), 'utf-16le-bom');
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return notText('This file is saved as UTF-16 big-endian text, which Liaison does not read.');
  }
  // Zip (XLSX), PDF and similar files announce themselves; say so plainly instead of decoding them.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return notText('This looks like an Excel workbook, not a CSV file.');
  }

  try {
    return finish(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), 'utf-8');
  } catch {
    // Not valid UTF-8: the Windows code page decodes every byte, which is what Excel's plain CSV uses.
  }
  return finish(new TextDecoder('windows-1252').decode(bytes), 'windows-1252');
}
