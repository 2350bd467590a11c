/** Temp folders and byte-exact snapshots of a folder (names, sha256, size, mtime). */
import { createHash } from 'node:crypto';
import { mkdtempSync, promises as fs, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempDir(prefix: string, parent: string = os.tmpdir()): string {
  return mkdtempSync(path.join(parent, `liaison-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

export interface FileFacts {
  /** Path relative to the snapshotted folder, with '/' separators. */
  name: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface DirSnapshot {
  /** The folder's own mtime: changes when any file is created, renamed or deleted in it. */
  dirMtimeMs: number;
  files: FileFacts[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function listFilesRecursive(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

export function snapshotDir(dir: string): DirSnapshot {
  const files = listFilesRecursive(dir).map((full) => {
    const st = statSync(full);
    return {
      name: path.relative(dir, full).split(path.sep).join('/'),
      size: st.size,
      mtimeMs: st.mtimeMs,
      sha256: sha256(readFileSync(full)),
    };
  });
  return { dirMtimeMs: statSync(dir).mtimeMs, files };
}

export async function copyDir(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true, preserveTimestamps: true });
}

/** Makes a later write land on a different mtime even on coarse-grained file systems. */
export function tick(ms = 15): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
