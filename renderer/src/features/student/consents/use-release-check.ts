/** The live checklist: asks the service what the draft still needs, 250 ms after the last change. */
import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../../electron/shared/contract.ts';
import type { ReleaseDraftFields } from '../../../../../electron/shared/schemas/releases.ts';
import { call, type ApiError } from '../../../lib/api.ts';

export type ReleaseCheck = ChannelOutput<'releases:check'>;

interface Answer {
  key: string;
  check: ReleaseCheck | null;
  error: ApiError | null;
}

export function useReleaseCheck(studentId: string, draft: ReleaseDraftFields): { check: ReleaseCheck | null; error: ApiError | null; pending: boolean } {
  const key = JSON.stringify(draft);
  const [answer, setAnswer] = useState<Answer>({ key: '', check: null, error: null });
  const first = useRef(true);
  useEffect(() => {
    let live = true;
    // The first check runs at once (the form just opened); later ones wait for a pause in typing.
    const delay = first.current ? 0 : 250;
    first.current = false;
    const timer = setTimeout(() => {
      void call('releases:check', { studentId, draft: JSON.parse(key) as ReleaseDraftFields }).then((result) => {
        if (!live) return;
        // Keep the last good checklist on screen while a half-typed value cannot be checked.
        setAnswer((prev) => (result.ok ? { key, check: result.value, error: null } : { key, check: prev.check, error: result.error }));
      });
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [studentId, key]);
  return { check: answer.check, error: answer.error, pending: answer.key !== key };
}
