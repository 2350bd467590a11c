/**
 * "The service log changed": an entry signed in the Ctrl+N window has to show
 * in the list or on the student's Services tab underneath it, which that
 * window knows nothing about.
 */
import { useEffect, useRef } from 'react';

const listeners = new Set<() => void>();

export function announceServicesChanged(): void {
  for (const listener of [...listeners]) listener();
}

/** Calls `onChange` whenever an entry is saved, signed, corrected or discarded anywhere. */
export function useServicesChanged(onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const listener = () => latest.current();
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
