/**
 * The files Liaison keeps or merges (signed scans, packet attachments): what a
 * file's first bytes must be for its type, so a file named for one type and
 * holding another is refused before anything reads it.
 */
export type FileMime = 'application/pdf' | 'image/png' | 'image/jpeg';

const PDF_MARK = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export function isFileOfType(bytes: Uint8Array, mime: FileMime): boolean {
  const starts = (...magic: number[]) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
  switch (mime) {
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'application/pdf': {
      // Readers accept "%PDF-" anywhere in the first kilobyte (some scanners write a few bytes before it).
      const end = Math.min(bytes.length, 1024) - PDF_MARK.length;
      for (let i = 0; i <= end; i++) if (PDF_MARK.every((byte, k) => bytes[i + k] === byte)) return true;
      return false;
    }
  }
}
