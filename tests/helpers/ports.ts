/** Ports for createApi without Electron: a controllable idle clock and a save dialog that writes to a folder. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LockReason, Ports, SaveRequest } from '../../electron/services/ports.ts';

export interface FakePorts extends Ports {
  idle: { ms: number };
  locked: LockReason[];
  saved: { fileName: string; request: SaveRequest }[];
  /** Paths handed out by chooseSaveLocation, and files opened in the "viewer". */
  chosen: string[];
  viewed: string[];
}

/** `exportDir`: where "saved" documents go (files the user exported). Without it, saving is cancelled. */
export function fakePorts(opts: { exportDir?: string } = {}): FakePorts {
  const idle = { ms: 0 };
  const locked: LockReason[] = [];
  const saved: { fileName: string; request: SaveRequest }[] = [];
  const chosen: string[] = [];
  const viewed: string[] = [];
  return {
    idle,
    locked,
    saved,
    chosen,
    viewed,
    async chooseSaveLocation(request) {
      if (!opts.exportDir) return null;
      await fs.mkdir(opts.exportDir, { recursive: true });
      const file = path.join(opts.exportDir, request.suggestedName);
      chosen.push(file);
      return file;
    },
    async chooseFolder() {
      if (!opts.exportDir) return null;
      await fs.mkdir(opts.exportDir, { recursive: true });
      return opts.exportDir;
    },
    async openInViewer(file) {
      viewed.push(file);
    },
    async saveDocument(request) {
      if (!opts.exportDir) return null;
      await fs.mkdir(opts.exportDir, { recursive: true });
      await fs.writeFile(path.join(opts.exportDir, request.suggestedName), request.bytes);
      saved.push({ fileName: request.suggestedName, request });
      return { fileName: request.suggestedName };
    },
    idleMs: () => idle.ms,
    onLocked(reason) {
      locked.push(reason);
    },
  };
}
