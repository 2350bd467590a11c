/**
 * Key handling for the vault. The database is encrypted with a random 256-bit
 * data key. That key is stored only wrapped (AES-256-GCM) under a key derived
 * from the passphrase with scrypt, in `liaison.key` beside the database. The
 * recovery key is the data key itself, so changing the passphrase rewraps the
 * key and never rewrites the database.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { VaultError } from './errors.ts';

export const KEY_FILE = 'liaison.key';

/**
 * scrypt with N = 2^17, r = 8 uses 128 MiB per derivation: memory-hard enough
 * that guessing passphrases from a stolen key file is slow on GPUs, and about
 * a third of a second on a laptop. A key file that asks for less is refused,
 * so an attacker with write access cannot quietly weaken it.
 */
export const KDF_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const;
export const KDF_MINIMUM = { N: 2 ** 17, r: 8, p: 1 } as const;

export type KdfParams = { N: number; r: number; p: number };

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const keyFileSchema = z.object({
  format: z.literal('liaison-key'),
  version: z.literal(1),
  createdAt: z.string(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: b64,
  }),
  wrap: z.object({
    cipher: z.literal('aes-256-gcm'),
    iv: b64,
    ciphertext: b64,
    tag: b64,
  }),
  /** HMAC-style check value: tells "wrong recovery key" from "damaged database". */
  keyCheck: z.string().regex(/^[0-9a-f]{64}$/),
});

export type KeyFile = z.infer<typeof keyFileSchema>;

export function generateDataKey(): Buffer {
  return randomBytes(32);
}

/** Passphrases are compared after Unicode NFC normalization, so "é" typed either way opens the vault. */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

export function deriveWrappingKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const secret = Buffer.from(normalizePassphrase(passphrase), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { ...params, maxmem: 128 * params.N * params.r * 2 }, (err, key) => {
      secret.fill(0);
      if (err) reject(err);
      else resolve(key);
    });
  });
}

/** Derives an independent sub-key from the data key (audit chain, key check). */
export function deriveSubKey(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `liaison/${purpose}/v1`, 32));
}

export function keyCheckValue(dataKey: Buffer): string {
  const sub = deriveSubKey(dataKey, 'key-check');
  const check = createHash('sha256').update(sub).digest('hex');
  sub.fill(0);
  return check;
}

export function keyMatchesCheck(dataKey: Buffer, check: string): boolean {
  const a = Buffer.from(keyCheckValue(dataKey), 'hex');
  const b = Buffer.from(check, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function aadFor(kdf: KeyFile['kdf']): Buffer {
  // Binding the KDF parameters into the authenticated data means an edited
  // parameter makes the unwrap fail instead of silently deriving a different key.
  return Buffer.from(`liaison-key:v1:scrypt:${kdf.N}:${kdf.r}:${kdf.p}:${kdf.salt}`, 'utf8');
}

export async function wrapDataKey(dataKey: Buffer, passphrase: string, params: KdfParams = KDF_DEFAULTS): Promise<KeyFile> {
  const salt = randomBytes(16);
  const kdf = { name: 'scrypt' as const, ...params, salt: salt.toString('base64') };
  const wrappingKey = await deriveWrappingKey(passphrase, salt, params);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(aadFor(kdf));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  wrappingKey.fill(0);
  return {
    format: 'liaison-key',
    version: 1,
    createdAt: new Date().toISOString(),
    kdf,
    wrap: {
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    keyCheck: keyCheckValue(dataKey),
  };
}

export function assertKdfStrongEnough(kdf: KdfParams): void {
  if (kdf.N < KDF_MINIMUM.N || kdf.r < KDF_MINIMUM.r || kdf.p < KDF_MINIMUM.p) {
    throw new VaultError(
      'WEAK_KDF',
      'The key file asks for weaker passphrase protection than Liaison allows. It may have been tampered with. Open the vault with your recovery key instead.',
    );
  }
}

/** Returns the data key, or throws WRONG_PASSPHRASE. Never touches the disk. */
export async function unwrapDataKey(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  assertKdfStrongEnough(keyFile.kdf);
  const wrappingKey = await deriveWrappingKey(passphrase, Buffer.from(keyFile.kdf.salt, 'base64'), keyFile.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(keyFile.wrap.iv, 'base64'));
    decipher.setAAD(aadFor(keyFile.kdf));
    decipher.setAuthTag(Buffer.from(keyFile.wrap.tag, 'base64'));
    const dataKey = Buffer.concat([decipher.update(Buffer.from(keyFile.wrap.ciphertext, 'base64')), decipher.final()]);
    if (dataKey.length !== 32) throw new Error('unexpected key length');
    return dataKey;
  } catch {
    throw new VaultError('WRONG_PASSPHRASE', 'That passphrase does not open this vault. Check Caps Lock and try again.');
  } finally {
    wrappingKey.fill(0);
  }
}

export async function readKeyFile(dir: string): Promise<KeyFile> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, KEY_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VaultError('KEY_FILE_MISSING', 'The vault’s key file is missing. Open the vault with your recovery key to set a new passphrase.');
    }
    throw e;
  }
  try {
    return keyFileSchema.parse(JSON.parse(text));
  } catch (e) {
    throw new VaultError('VAULT_DAMAGED', 'The vault’s key file is damaged. Open the vault with your recovery key to set a new passphrase.', { cause: e });
  }
}

/**
 * Replaces the key file atomically: write a temporary file, flush it, rename it
 * over the old one, then flush the folder so the rename itself survives a power cut.
 * A crash leaves either the old key file or the new one, never half of one.
 */
export async function writeKeyFile(dir: string, keyFile: KeyFile): Promise<void> {
  const target = path.join(dir, KEY_FILE);
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(keyFile, null, 2) + '\n', 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

export async function syncDirectory(dir: string): Promise<void> {
  // Directories cannot be opened for fsync on Windows; there NTFS journals the rename.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
