/** What the entry form offers for the chosen student: programs (CLTS/CCS first), open plan goals, prior authorizations. */
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { call } from '../../lib/api.ts';
import { STATUS_LABEL, showDate } from '../student/format.ts';
import { useServicesChanged } from './events.ts';

export type Authorization = ChannelOutput<'authorizations:list'>['authorizations'][number];
export interface Option {
  value: string;
  label: string;
}

export interface StudentFacts {
  studentId: string;
  programs: Option[];
  goals: Option[];
  authorizations: Authorization[];
}

const BILLED = ['CLTS', 'CCS'];

/** CLTS and CCS first, open before closed; a billed program she is not enrolled in is still offered, marked so. */
export function programOptions(enrollments: readonly { program: string; status: keyof typeof STATUS_LABEL }[]): Option[] {
  const rank = (e: { program: string; status: string }) => (e.status === 'closed' ? 2 : 0) + (BILLED.includes(e.program) ? 0 : 1);
  const seen = new Set<string>();
  const out: Option[] = [];
  for (const e of [...enrollments].sort((a, b) => rank(a) - rank(b))) {
    if (seen.has(e.program)) continue;
    seen.add(e.program);
    out.push({ value: e.program, label: `${e.program} · ${STATUS_LABEL[e.status].toLowerCase()}` });
  }
  for (const p of BILLED) if (!seen.has(p)) out.push({ value: p, label: `${p} · not enrolled` });
  return out;
}

export function authorizationLabel(a: Authorization): string {
  const code = [a.procedureCode, ...a.modifiers].join(' ');
  return `${a.number} · ${code} · ${showDate(a.startOn)}–${showDate(a.endOn)} · ${a.remainingText}${a.warning ? ' (running low)' : ''}`;
}

export function useStudentFacts(studentId: string | null): StudentFacts | null {
  const [facts, setFacts] = useState<StudentFacts | null>(null);
  const [version, setVersion] = useState(0);
  // Units used change when an entry is signed: the authorization list follows.
  useServicesChanged(() => setVersion((v) => v + 1));
  useEffect(() => {
    if (!studentId) return;
    let live = true;
    void Promise.all([call('students:get', { id: studentId }), call('authorizations:list', { studentId })]).then(([record, pas]) => {
      if (!live) return;
      const enrollments = record.ok ? record.value.enrollments : [];
      const goals = record.ok ? record.value.goals.filter((g) => g.status === 'open') : [];
      setFacts({
        studentId,
        programs: programOptions(enrollments),
        goals: goals.map((g) => ({ value: g.id, label: g.goal.length > 90 ? `${g.goal.slice(0, 90)}…` : g.goal })),
        authorizations: pas.ok ? pas.value.authorizations : [],
      });
    });
    return () => {
      live = false;
    };
  }, [studentId, version]);
  return facts && facts.studentId === studentId ? facts : null;
}
