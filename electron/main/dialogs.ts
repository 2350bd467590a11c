/**
 * Saving a document the person chose to export: the only way readable data
 * leaves the vault. The file is written beside its final name and renamed
 * into place, so a full disk or a crash leaves the old file or none — never
 * half a billing export that looks complete.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { SaveRequest } from '../services/ports.ts';
import { safeFileName } from './file-names.ts';

const FILTERS: Record<SaveRequest['kind'], FileFilter> = {
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  csv: { name: 'CSV file', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  png: { name: 'PNG picture', extensions: ['png'] },
  jpg: { name: 'JPEG picture', extensions: ['jpg', 'jpeg'] },
};

async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await writeFile(temp, bytes, { flush: true });
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

export async function chooseSaveLocation(request: Pick<SaveRequest, 'suggestedName' | 'kind'>, parent: BrowserWindow | null): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Save document',
    // The suggested name comes from typed data (a student's name): no folders, no bidi tricks, no device names.
    defaultPath: path.join(app.getPath('documents'), safeFileName(request.suggestedName, request.kind)),
    filters: [FILTERS[request.kind]],
    // Recent-documents lists would show student names to anyone at the keyboard.
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function chooseFolder(request: { title: string }, parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: request.title,
    defaultPath: app.getPath('documents'),
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
}

export async function openInViewer(file: string): Promise<void> {
  // The file is saved either way; a missing PDF viewer is not a failed save.
  const problem = await shell.openPath(file);
  if (problem) console.warn('Saved, but could not open the document in the system viewer.');
}

export async function saveDocument(request: SaveRequest, parent: BrowserWindow | null): Promise<{ fileName: string } | null> {
  const chosen = await chooseSaveLocation(request, parent);
  if (!chosen) return null;
  await writeWhole(chosen, request.bytes);
  if (request.openAfterSave) await openInViewer(chosen);
  return { fileName: path.basename(chosen) };
}
