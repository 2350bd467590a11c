/** Awaits a promise that must reject, and returns the error for closer checks. */
import { expect } from 'vitest';

export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return e as Error & { code?: string };
  }
  throw new Error('expected the promise to reject, but it resolved');
}
