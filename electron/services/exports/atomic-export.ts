/**
 * Files that disclose a student's information are written together with their
 * record of disclosures: both, or neither — after a thrown error and after a
 * crash at any moment.
 *
 *   1. journal  — one transaction records each file's temp path, final path
 *                 and content hash (durable before any byte is written);
 *   2. stage    — each file is written beside its final name and flushed;
 *   3. place    — temps are renamed to their final names, folders flushed;
 *   4. commit   — one transaction writes the disclosure record (the caller's
 *                 `record`) and deletes the journal rows.
 *
 * An error before step 4 commits removes the temps and the placed files and
 * the journal rows. A crash leaves journal rows, and `recoverExports` (run at
 * every unlock) removes what they name: a journal row still present means
 * its export never committed. A placed file is removed only when its content
 * still has the hash written in the journal, so a file someone else put there
 * since is left alone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Vault } from '../../../db/vault.ts';
import { appendAudit } from '../../../db/audit.ts';
import { newId, nowIso, type Trx } from '../caseload/write.ts';
import { AppError } from '../failures.ts';

export interface PlannedFile {
  /** Absolute path chosen by the person. */
  path: string;
  bytes: Uint8Array;
}

/** Points where tests stop the process or throw; never set in the app. */
export interface ExportProbe {
  afterJournal?(): void | Promise<void>;
  afterStage?(): void | Promise<void>;
  afterPlace?(): void | Promise<void>;
}

interface Staged extends PlannedFile {
  temp: string;
  sha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function tempBeside(finalPath: string): string {
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.part`);
}

/** Flushes a folder's entry list so a rename survives power loss (not possible on Windows, where rename is already durable enough). */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  } finally {
    await handle?.close();
  }
}

async function removeIfOurs(file: string, hash: string): Promise<void> {
  try {
    if (sha256(await readFile(file)) === hash) await rm(file, { force: true });
  } catch {
    // Gone already, or unreadable: nothing of ours to remove.
  }
}

async function undo(files: readonly { temp: string; path: string; sha256: string }[]): Promise<void> {
  for (const f of files) {
    await rm(f.temp, { force: true }).catch(() => undefined);
    await removeIfOurs(f.path, f.sha256);
  }
}

function describeWriteFailure(e: unknown, file: string): AppError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const where = path.basename(file);
  const why =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'Liaison is not allowed to write there'
    : code === 'ENOENT' ? 'that folder no longer exists'
    : 'the file could not be written';
  return new AppError('DISK_WRITE_FAILED', `“${where}” was not saved because ${why}. Nothing was recorded as shared; choose another place and try again.`);
}

/**
 * Writes `files` and runs `record` (the disclosure rows) so that both land or
 * neither does. `record` runs inside the committing transaction and gets the
 * export id to stamp on its rows.
 */
export async function exportFiles<T>(vault: Vault, files: readonly PlannedFile[], record: (trx: Trx, exportId: string) => Promise<T>, probe: ExportProbe = {}): Promise<T> {
  if (files.length === 0) throw new Error('exportFiles needs at least one file');
  const finals = new Set(files.map((f) => path.resolve(f.path)));
  if (finals.size !== files.length) throw new AppError('INVALID_INPUT', 'Two files of this export would have the same name; choose different names.');
  const exportId = newId();
  const staged: Staged[] = files.map((f) => ({ ...f, path: path.resolve(f.path), temp: tempBeside(path.resolve(f.path)), sha256: sha256(f.bytes) }));

  await vault.db.transaction().execute(async (trx) => {
    for (const f of staged) {
      await trx.insertInto('export_journal').values({ id: newId(), export_id: exportId, temp_path: f.temp, final_path: f.path, sha256: f.sha256, started_at: nowIso() }).execute();
    }
  });
  try {
    await probe.afterJournal?.();
    for (const f of staged) {
      try {
        await writeFile(f.temp, f.bytes, { flush: true });
      } catch (e) {
        throw describeWriteFailure(e, f.path);
      }
    }
    await probe.afterStage?.();
    for (const f of staged) {
      try {
        await rename(f.temp, f.path);
      } catch (e) {
        throw describeWriteFailure(e, f.path);
      }
    }
    for (const folder of new Set(staged.map((f) => path.dirname(f.path)))) await syncFolder(folder);
    await probe.afterPlace?.();
    return await vault.db.transaction().execute(async (trx) => {
      const result = await record(trx, exportId);
      await trx.deleteFrom('export_journal').where('export_id', '=', exportId).execute();
      return result;
    });
  } catch (e) {
    await undo(staged);
    await vault.db.deleteFrom('export_journal').where('export_id', '=', exportId).execute().catch(() => undefined);
    throw e;
  }
}

/**
 * Finishes what a crash interrupted: every journal row belongs to an export
 * that never committed, so its files are removed. Returns how many exports
 * were rolled back.
 */
export async function recoverExports(vault: Vault): Promise<number> {
  const rows = await vault.db.selectFrom('export_journal').selectAll().execute();
  if (rows.length === 0) return 0;
  await undo(rows.map((r) => ({ temp: r.temp_path, path: r.final_path, sha256: r.sha256 })));
  const exports = [...new Set(rows.map((r) => r.export_id))];
  await vault.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('export_journal').where('export_id', 'in', exports).execute();
    await appendAudit(trx, vault.auditKey, { action: 'export.rolled_back', details: { exports: exports.length } });
  });
  return exports.length;
}
