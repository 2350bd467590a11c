/** A small seeded PRNG so randomized tests can print their seed and be replayed. */

/** Reads the seed from `envName` when set (to replay a run), otherwise picks one. */
export function seedFrom(envName: string): number {
  const raw = process.env[envName];
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n)) throw new Error(`${envName} must be an integer seed, got ${raw}`);
    return n >>> 0;
  }
  return (Date.now() ^ (Math.random() * 0x1_0000_0000)) >>> 0;
}

/** mulberry32: returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(rand: () => number, minInclusive: number, maxInclusive: number): number {
  return minInclusive + Math.floor(rand() * (maxInclusive - minInclusive + 1));
}

/**
 * The base seed for fast-check properties: FC_SEED replays a run. Printed either
 * way so a failure in CI can be reproduced; each property in a file uses base + index.
 */
export function fcSeed(label: string): number {
  const seed = seedFrom('FC_SEED') | 0;
  console.log(`[${label}] fast-check base seed=${seed} (replay: FC_SEED=${seed})`);
  return seed;
}
