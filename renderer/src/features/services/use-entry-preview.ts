/**
 * The live panel's answer: what the rules say about the entry as typed, asked
 * 250 ms after the last change. A group session is asked once per student,
 * each with the share of the time that student's entry will carry.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { serviceMinutes } from '../../../../electron/shared/domain/billing/time.ts';
import type { EntryFields } from '../../../../electron/shared/schemas/services.ts';
import { call, type ApiError } from '../../lib/api.ts';

export type Preview = ChannelOutput<'services:preview'>;

export type PreviewRequest =
  | { kind: 'single'; id?: string; fields: EntryFields }
  | { kind: 'group'; students: { id: string; name: string }[]; fields: EntryFields };

export type PreviewAnswer =
  | { kind: 'single'; preview: Preview }
  | { kind: 'group'; total: number; share: number; students: { id: string; name: string; preview: Preview }[] }
  | { kind: 'group-problem'; message: string };

/** A group's total minutes and each student's whole-minute share (the service divides the same way). */
export function groupShare(fields: EntryFields, count: number): { total: number; share: number } | { problem: string } {
  const total = serviceMinutes(fields.time);
  if (!total.ok) return { problem: total.problem.message };
  const share = Math.floor(total.value / count);
  if (share < 1) return { problem: `${total.value} minutes cannot be shared among ${count} students.` };
  return { total: total.value, share };
}

async function ask(request: PreviewRequest): Promise<{ ok: true; answer: PreviewAnswer } | { ok: false; error: ApiError }> {
  if (request.kind === 'single') {
    const result = await call('services:preview', { ...(request.id ? { id: request.id } : {}), fields: request.fields });
    return result.ok ? { ok: true, answer: { kind: 'single', preview: result.value } } : result;
  }
  const split = groupShare(request.fields, request.students.length);
  if ('problem' in split) return { ok: true, answer: { kind: 'group-problem', message: split.problem } };
  const results = await Promise.all(
    request.students.map((s) => call('services:preview', { fields: { ...request.fields, studentId: s.id, time: { kind: 'minutes', minutes: split.share } } })),
  );
  const students: { id: string; name: string; preview: Preview }[] = [];
  for (const [i, result] of results.entries()) {
    if (!result.ok) return result;
    students.push({ ...request.students[i]!, preview: result.value });
  }
  return { ok: true, answer: { kind: 'group', total: split.total, share: split.share, students } };
}

interface State {
  key: string;
  answer: PreviewAnswer | null;
  error: ApiError | null;
}

export function useEntryPreview(request: PreviewRequest | null): { answer: PreviewAnswer | null; error: ApiError | null; pending: boolean } {
  const key = request ? JSON.stringify(request) : '';
  const [state, setState] = useState<State>({ key: '', answer: null, error: null });
  const first = useRef(true);
  useEffect(() => {
    if (!key) return;
    let live = true;
    // The first answer comes at once (a draft or a repeated entry just opened); later ones wait for a pause.
    const delay = first.current ? 0 : 250;
    first.current = false;
    const timer = setTimeout(() => {
      void ask(JSON.parse(key) as PreviewRequest).then((result) => {
        if (!live) return;
        setState(result.ok ? { key, answer: result.answer, error: null } : { key, answer: null, error: result.error });
      });
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (!key) return { answer: null, error: null, pending: false };
  return { answer: state.answer, error: state.error, pending: state.key !== key };
}
