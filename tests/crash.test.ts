/**
 * Crash safety: a child process commits multi-row, multi-table transactions on
 * the vault and prints `ACK <n>` after each commit; the parent kills it with
 * SIGKILL at a random moment, again and again on the same vault. Afterwards the
 * vault opens, SQLite's and SQLCipher's integrity checks pass, every ACKed
 * transaction is present with all its rows, and no transaction is half-present.
 *
 * Replay the kill timings with CRASH_SEED=<seed>; CRASH_KILLS sets the number of kills (default 24).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB_FILE, createVault, openVaultWithRecoveryKey } from '../db/vault.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { mulberry32, randomInt, seedFrom } from './helpers/prng.ts';
import { openForeign, recoveryKeyHex } from './helpers/sqlcipher.ts';

const WRITER = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const CHILDREN_PER_TXN = 3;
const KILLS = Number(process.env.CRASH_KILLS ?? 24);
const SEED = seedFrom('CRASH_SEED');

let root: string;
let dir: string;
let recoveryKey: string;

beforeAll(async () => {
  console.log(`[crash] seed=${SEED} kills=${KILLS} (replay: CRASH_SEED=${SEED})`);
  root = makeTempDir('crash');
  dir = path.join(root, 'vault');
  const created = await createVault({ dir, passphrase: 'crash test passphrase' });
  recoveryKey = created.recoveryKey;
  await created.vault.close();
});

afterAll(() => removeDir(root));

interface Round {
  firstTxn: number;
  acked: number[];
  signal: NodeJS.Signals | null;
  killDelayMs: number;
}

/** Runs one child; kills it `killDelayMs` after its first ACK (or at `afterAcks` ACKs, whichever first). */
function runRound(killDelayMs: number, afterAcks: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', WRITER, dir], {
      env: { ...process.env, LIAISON_CRASH_RECOVERY_KEY: recoveryKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { firstTxn: 0, acked: [], signal: null, killDelayMs };
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      if (killTimer) clearTimeout(killTimer);
      child.kill('SIGKILL');
    };
    const guard = setTimeout(() => {
      kill();
      reject(new Error(`crash-writer produced no ACK within 20 s; stderr:\n${stderr}`));
    }, 20_000);

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      // Only complete lines count: a half-written "ACK 12" is not an acknowledgement.
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const ready = /^READY (\d+)$/.exec(line);
        const ack = /^ACK (\d+)$/.exec(line);
        if (ready) round.firstTxn = Number(ready[1]);
        else if (ack) {
          // An ACK read after the kill was sent is still a real commit.
          round.acked.push(Number(ack[1]));
          if (!killed && round.acked.length === 1) killTimer = setTimeout(kill, killDelayMs);
          if (round.acked.length >= afterAcks) kill();
        } else if (line.trim() !== '') {
          stderr += `unexpected stdout: ${line}\n`;
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (e) => {
      clearTimeout(guard);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (killTimer) clearTimeout(killTimer);
      // Whatever is left in `buffered` is an incomplete line: not an acknowledgement.
      round.signal = signal;
      if (signal !== 'SIGKILL') {
        reject(new Error(`crash-writer exited by itself (code ${code}, signal ${signal}); stderr:\n${stderr}`));
        return;
      }
      resolve(round);
    });
  });
}

it(`survives ${KILLS} SIGKILLs mid-write: every ACKed transaction whole, none half-present, integrity ok`, async () => {
  const rand = mulberry32(SEED);
  const acked = new Set<number>();
  let expectedNext = 1;
  for (let i = 0; i < KILLS; i++) {
    // Mostly short delays (kills land mid-transaction), sometimes longer ones (WAL growth, checkpoints).
    const delay = rand() < 0.7 ? randomInt(rand, 0, 40) : randomInt(rand, 40, 250);
    const round = await runRound(delay, 5_000);
    expect(round.signal).toBe('SIGKILL');
    expect(round.acked.length).toBeGreaterThanOrEqual(1);
    // Each child continues from what is in the database: never below the last ACK.
    expect(round.firstTxn).toBeGreaterThanOrEqual(expectedNext);
    expect(round.firstTxn).toBeLessThanOrEqual(expectedNext + 1);
    expect(round.acked[0]).toBe(round.firstTxn);
    for (const n of round.acked) {
      expect(acked.has(n), `txn ${n} acknowledged twice`).toBe(false);
      acked.add(n);
    }
    expectedNext = Math.max(...round.acked) + 1;
  }
  const maxAcked = Math.max(...acked);
  console.log(`[crash] ${KILLS} kills, ${acked.size} acknowledged transactions, last ACK ${maxAcked}`);

  const vault = await openVaultWithRecoveryKey({ dir, recoveryKey });
  try {
    const conn = vault.connection;
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(conn.pragma('foreign_key_check')).toEqual([]);

    const parents = conn.prepare('SELECT txn FROM crash_parent ORDER BY txn').pluck().all() as number[];
    const childCounts = new Map(
      (conn.prepare('SELECT txn, count(*) AS n, group_concat(idx) AS idxs FROM crash_child GROUP BY txn').all() as {
        txn: number;
        n: number;
        idxs: string;
      }[]).map((r) => [r.txn, r]),
    );
    const counter = conn.prepare('SELECT last_txn, commits FROM crash_counter WHERE id = 1').get() as { last_txn: number; commits: number };

    // Every ACKed transaction is present, whole.
    const parentSet = new Set(parents);
    for (const n of acked) {
      expect(parentSet.has(n), `ACKed txn ${n} lost its parent row`).toBe(true);
      expect(childCounts.get(n)?.n, `ACKed txn ${n} child rows`).toBe(CHILDREN_PER_TXN);
    }
    // No transaction is half-present: each parent has all its children, no child lacks its parent.
    for (const txn of parents) {
      const c = childCounts.get(txn);
      expect(c?.n, `txn ${txn} child rows`).toBe(CHILDREN_PER_TXN);
      expect(c?.idxs.split(',').map(Number).sort()).toEqual([0, 1, 2]);
    }
    for (const txn of childCounts.keys()) expect(parentSet.has(txn), `orphan children for txn ${txn}`).toBe(true);
    // Transactions are numbered without gaps, and the counter moved with every one of them.
    expect(parents).toEqual(Array.from({ length: parents.length }, (_, i) => i + 1));
    expect(parents.length).toBeGreaterThanOrEqual(maxAcked);
    // At most the one transaction that committed just before the kill landed without its ACK, per round.
    expect(parents.length - maxAcked).toBeLessThanOrEqual(1);
    expect(counter).toEqual({ last_txn: parents.length, commits: parents.length });
  } finally {
    await vault.close();
  }

  // SQLCipher's own page-HMAC check, through an independent SQLCipher build (the app's library answers it with no rows whatever the file holds).
  const foreign = await openForeign(path.join(dir, DB_FILE), recoveryKeyHex(recoveryKey));
  try {
    expect(await foreign.all('PRAGMA cipher_integrity_check')).toEqual([]);
    expect(await foreign.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const [row] = await foreign.all<{ n: number }>('SELECT count(*) AS n FROM crash_child');
    expect(row?.n).toBe(CHILDREN_PER_TXN * (await foreign.all('SELECT txn FROM crash_parent')).length);
  } finally {
    await foreign.close();
  }
});
