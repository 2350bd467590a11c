/**
 * A signature drawn on screen arrives as a PNG from the renderer. It is
 * checked all the way through before it goes near the PDF builder: the PNG
 * decoder there inflates the pixels in a callback, where a broken stream
 * throws outside any promise and would take the whole process down. So every
 * chunk's checksum, the header, and the exact size of the inflated pixels
 * are verified here, and a bad picture is refused naming whose it is.
 */
import { crc32, inflateSync } from 'node:zlib';
import { SIGNER_ROLE_LABELS, type SignerRole } from '../../shared/domain/consent/index.ts';
import { SIGNATURE_PNG_MAX_BYTES } from '../../shared/schemas/releases.ts';
import { AppError } from '../failures.ts';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels per pixel for the 8-bit, non-palette colour types a canvas exports: grey, RGB, grey+alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
/** Far larger than any signature box, small enough that the pixels stay a few MB. */
const MAX_SIDE = 3000;

/** Why these bytes are not a PNG the signed copy can carry, or null when they are. */
function pngProblem(bytes: Buffer): string | null {
  if (bytes.length < 8 || PNG_MAGIC.some((b, i) => bytes[i] !== b)) return 'is not a PNG picture.';
  let at = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | null = null;
  const pixels: Buffer[] = [];
  let ended = false;
  while (!ended) {
    if (at + 12 > bytes.length) return 'is cut short.';
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 8 + length;
    if (end + 4 > bytes.length) return 'is cut short.';
    if (crc32(bytes.subarray(at + 4, end)) !== bytes.readUInt32BE(end)) return 'is damaged.';
    const data = bytes.subarray(at + 8, end);
    if (header === null && type !== 'IHDR') return 'is not a PNG picture.';
    if (type === 'IHDR') {
      if (header !== null || length !== 13) return 'is not a PNG picture.';
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8]!, colour: data[9]!, interlace: data[12]! };
    } else if (type === 'IDAT') pixels.push(data);
    else if (type === 'IEND') ended = true;
    at = end + 4;
  }
  if (!header || header.width === 0 || header.height === 0) return 'is empty.';
  if (header.width > MAX_SIDE || header.height > MAX_SIDE) return 'is larger than a signature can be.';
  const channels = CHANNELS[header.colour];
  if (header.depth !== 8 || channels === undefined || header.interlace !== 0) return 'is a kind of PNG Liaison does not print.';
  const rowBytes = 1 + header.width * channels;
  const expected = rowBytes * header.height;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(pixels), { maxOutputLength: expected + 1 });
  } catch {
    return 'is damaged.';
  }
  if (raw.length !== expected) return 'is damaged.';
  // Each row starts with its filter type, 0 to 4.
  for (let row = 0; row < expected; row += rowBytes) if (raw[row]! > 4) return 'is damaged.';
  return null;
}

/** The bytes of a signature drawn on screen, or a refusal naming whose it is (`field` points the form at that pad). */
export function drawnSignatureBytes(role: SignerRole, base64: string, field: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  const who = SIGNER_ROLE_LABELS[role].toLowerCase();
  const problem = bytes.length > SIGNATURE_PNG_MAX_BYTES ? `is larger than ${SIGNATURE_PNG_MAX_BYTES / 1024} KB.` : pngProblem(bytes);
  if (problem) throw new AppError('INVALID_INPUT', `The signature drawn for the ${who} ${problem} Clear it and sign again.`, field);
  return new Uint8Array(bytes);
}
