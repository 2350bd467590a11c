/**
 * What the services need from the world outside plain Node. The Electron
 * shell provides real dialogs and system idle time; the test harness provides
 * a temp folder and a fake clock.
 */
export type LockReason = 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit';

export interface SaveRequest {
  /** A file name without folders; the shell may let the person change it. */
  suggestedName: string;
  bytes: Uint8Array;
  kind: 'pdf' | 'csv' | 'xlsx' | 'png' | 'jpg';
  /** Open the saved file in the system viewer (to print it). */
  openAfterSave: boolean;
}

export interface Ports {
  /** Asks where to save and writes the file. Returns the chosen file name, or null when cancelled. */
  saveDocument(request: SaveRequest): Promise<{ fileName: string } | null>;
  /**
   * Asks where a file should go and writes nothing: for exports whose file
   * must land together with its record of disclosures. Returns an absolute
   * path, or null when cancelled.
   */
  chooseSaveLocation(request: Pick<SaveRequest, 'suggestedName' | 'kind'>): Promise<string | null>;
  /** Asks for a folder to save several files at once (a month's billing export). Null when cancelled. */
  chooseFolder(request: { title: string }): Promise<string | null>;
  /** Opens a saved file in the system viewer; a missing viewer is not a failure. */
  openInViewer(filePath: string): Promise<void>;
  /** Milliseconds since the person last touched keyboard or mouse. */
  idleMs(): number;
  /** Told after the vault has locked, so the shell can reload the window. */
  onLocked(reason: LockReason): void;
}

export interface AutoLockOptions {
  /** How often idle time is checked. */
  checkEveryMs: number;
  /** How long a "minute" of the auto-lock setting is; only tests shorten it. */
  minuteMs: number;
}

export const DEFAULT_AUTO_LOCK: AutoLockOptions = { checkEveryMs: 5_000, minuteMs: 60_000 };
