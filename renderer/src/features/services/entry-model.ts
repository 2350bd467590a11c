/**
 * The service entry form's values and how they become the contract's entry
 * fields. The form keeps what she is typing (empty times, no activity yet);
 * the contract only takes a complete entry, so the live panel and the save
 * both go through `entryFields` here.
 */
import { z } from 'zod';
import { serviceMinutes } from '../../../../electron/shared/domain/billing/time.ts';
import type { FundingStream } from '../../../../electron/shared/domain/billing/types.ts';
import { NOTE_MAX, isoDate, plainText } from '../../../../electron/shared/schemas/common.ts';
import { activity, contactMode, contactType, entryFields, fundingStream, type EntryFields, type EntryFieldsBase } from '../../../../electron/shared/schemas/services.ts';
import type { ApiError } from '../../lib/api.ts';
import { todayIso } from '../student/format.ts';
import { defaultStream } from './labels.ts';

// The form holds null until she chooses (a boolean check, not a type guard, keeps the type nullable).
const required = <T extends z.ZodType>(schema: T) => schema.nullable().refine((v): boolean => v !== null, { message: 'is required.' });
const extraMinutes = z.number({ message: 'must be a whole number of minutes (0 when none).' }).int().min(0).max(1440);

export const entryForm = z
  .object({
    group: z.boolean(),
    studentId: z.string().nullable(),
    studentIds: z.array(z.string()),
    date: isoDate,
    timeKind: z.enum(['clock', 'minutes']),
    startTime: z.string(),
    endTime: z.string(),
    endsNextDay: z.boolean(),
    minutes: z.number().nullable(),
    travelMinutes: extraMinutes,
    documentationMinutes: extraMinutes,
    activity: required(activity),
    contactMode,
    contactType,
    placeOfService: required(z.string()),
    personsPresent: plainText(300),
    program: required(z.string()),
    fundingStream: required(fundingStream),
    goalId: z.string().nullable(),
    authorizationId: z.string().nullable(),
    narrative: plainText(NOTE_MAX),
    followUp: plainText(1000),
  })
  .superRefine((v, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.group) {
      if (v.studentIds.length < 2) problem('studentIds', 'A group session needs at least two students.');
      if (v.studentIds.length > 15) problem('studentIds', 'A group session holds at most 15 students.');
      if (v.timeKind === 'clock' && v.endsNextDay) problem('endsNextDay', 'A group session cannot run past midnight; enter each day as its own session.');
    } else if (!v.studentId) problem('studentId', 'Choose the student.');
    if (v.timeKind === 'minutes') {
      if (v.minutes === null) problem('minutes', 'Enter how many minutes the service took.');
      else {
        const checked = serviceMinutes({ kind: 'minutes', minutes: v.minutes });
        if (!checked.ok) problem('minutes', checked.problem.message);
      }
      return;
    }
    if (!v.startTime) problem('startTime', 'Start time is required.');
    if (!v.endTime) problem('endTime', 'End time is required.');
    if (v.startTime && v.endTime) {
      const checked = serviceMinutes({ kind: 'clock', startTime: v.startTime, endTime: v.endTime, endsNextDay: v.endsNextDay });
      if (!checked.ok) problem('endTime', checked.problem.message);
    }
  });

export type EntryValues = z.infer<typeof entryForm>;
export type EntryField = keyof EntryValues;

/** A new entry: today, in person with the child, at her usual place; the program follows the student. */
export function freshValues(studentId: string | null, placeOfService: string | null): EntryValues {
  return {
    group: false,
    studentId,
    studentIds: [],
    date: todayIso(),
    timeKind: 'clock',
    startTime: '',
    endTime: '',
    endsNextDay: false,
    minutes: null,
    travelMinutes: 0,
    documentationMinutes: 0,
    activity: null,
    contactMode: 'in_person',
    contactType: 'child',
    placeOfService,
    personsPresent: '',
    program: null,
    fundingStream: null,
    goalId: null,
    authorizationId: null,
    narrative: '',
    followUp: '',
  };
}

/** The form's values for an entry already written (a draft, or the last entry to repeat). */
export function valuesFromFields(f: EntryFields): EntryValues {
  return {
    ...freshValues(f.studentId, f.placeOfService),
    date: f.date,
    timeKind: f.time.kind,
    startTime: f.time.kind === 'clock' ? f.time.startTime : '',
    endTime: f.time.kind === 'clock' ? f.time.endTime : '',
    endsNextDay: f.time.kind === 'clock' ? f.time.endsNextDay : false,
    minutes: f.time.kind === 'minutes' ? f.time.minutes : null,
    travelMinutes: f.travelMinutes,
    documentationMinutes: f.documentationMinutes,
    activity: f.activity,
    contactMode: f.contactMode,
    contactType: f.contactType,
    personsPresent: f.personsPresent ?? '',
    program: f.program,
    fundingStream: f.fundingStream,
    goalId: f.goalId,
    authorizationId: f.authorizationId,
    narrative: f.narrative,
    followUp: f.followUp ?? '',
  };
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s);

/** The contract's fields for one student, or null while something it needs is still empty. */
export function toEntryFields(v: EntryValues, studentId: string | null): EntryFields | null {
  const candidate = {
    studentId,
    date: v.date,
    time: v.timeKind === 'clock' ? { kind: 'clock', startTime: v.startTime, endTime: v.endTime, endsNextDay: v.endsNextDay } : { kind: 'minutes', minutes: v.minutes },
    travelMinutes: v.travelMinutes,
    documentationMinutes: v.documentationMinutes,
    activity: v.activity,
    contactMode: v.contactMode,
    contactType: v.contactType,
    placeOfService: v.placeOfService,
    personsPresent: blankToNull(v.personsPresent),
    program: v.program,
    fundingStream: v.fundingStream,
    goalId: v.group ? null : v.goalId,
    authorizationId: v.group ? null : v.authorizationId,
    narrative: v.narrative,
    followUp: blankToNull(v.followUp),
  };
  const parsed = entryFields.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

const NEEDED: { field: EntryField; label: string; empty(v: EntryValues): boolean }[] = [
  { field: 'studentId', label: 'the student', empty: (v) => (v.group ? v.studentIds.length < 2 : !v.studentId) },
  { field: 'date', label: 'the date', empty: (v) => !v.date },
  { field: 'startTime', label: 'the start time', empty: (v) => v.timeKind === 'clock' && !v.startTime },
  { field: 'endTime', label: 'the end time', empty: (v) => v.timeKind === 'clock' && !v.endTime },
  { field: 'minutes', label: 'the minutes', empty: (v) => v.timeKind === 'minutes' && v.minutes === null },
  { field: 'activity', label: 'the activity', empty: (v) => !v.activity },
  { field: 'placeOfService', label: 'the place of service', empty: (v) => !v.placeOfService },
  { field: 'program', label: 'the program', empty: (v) => !v.program },
];

/** A time that cannot be right, said as soon as both ends are typed (the rest of the entry may still be empty). */
export function timeProblemOf(v: EntryValues): string | null {
  if (v.timeKind === 'minutes') {
    if (v.minutes === null) return null;
    const checked = serviceMinutes({ kind: 'minutes', minutes: v.minutes });
    return checked.ok ? null : checked.problem.message;
  }
  if (!v.startTime || !v.endTime) return null;
  const checked = serviceMinutes({ kind: 'clock', startTime: v.startTime, endTime: v.endTime, endsNextDay: v.endsNextDay });
  return checked.ok ? null : checked.problem.message;
}

/** What is still empty, in words, for the panel: "the activity and the start time". */
export function stillNeeded(v: EntryValues): string[] {
  return NEEDED.filter((n) => n.empty(v)).map((n) => (n.field === 'studentId' && v.group ? 'at least two students' : n.label));
}

/**
 * What a template keeps: how a usual visit is logged. Not the narrative (each
 * entry's note is written for that service: copied notes are what a Medicaid
 * audit looks for), nor the plan goal or authorization (they belong to one student).
 */
export function templateFieldsOf(v: EntryValues): Partial<Omit<EntryFieldsBase, 'date'>> {
  const time = toEntryFields({ ...v, group: false }, '00000000-0000-4000-8000-000000000000')?.time;
  return {
    ...(time ? { time } : {}),
    travelMinutes: v.travelMinutes,
    documentationMinutes: v.documentationMinutes,
    ...(v.activity ? { activity: v.activity } : {}),
    contactMode: v.contactMode,
    contactType: v.contactType,
    ...(v.placeOfService ? { placeOfService: v.placeOfService } : {}),
    personsPresent: blankToNull(v.personsPresent),
    ...(v.program ? { program: v.program } : {}),
    ...(v.fundingStream ? { fundingStream: v.fundingStream } : {}),
  };
}

const templateShape = entryFields.omit({ studentId: true, date: true, goalId: true, authorizationId: true, narrative: true, followUp: true }).partial();

/** A template laid over the form: only what it holds changes; the student, date and narrative stay. */
export function applyTemplate(v: EntryValues, stored: Record<string, unknown>): EntryValues {
  const parsed = templateShape.safeParse(stored);
  if (!parsed.success) return v;
  const t = parsed.data;
  const time = t.time;
  return {
    ...v,
    ...(time?.kind === 'clock' ? { timeKind: 'clock', startTime: time.startTime, endTime: time.endTime, endsNextDay: time.endsNextDay } : {}),
    ...(time?.kind === 'minutes' ? { timeKind: 'minutes', minutes: time.minutes } : {}),
    ...(t.travelMinutes !== undefined ? { travelMinutes: t.travelMinutes } : {}),
    ...(t.documentationMinutes !== undefined ? { documentationMinutes: t.documentationMinutes } : {}),
    ...(t.activity ? { activity: t.activity } : {}),
    ...(t.contactMode ? { contactMode: t.contactMode } : {}),
    ...(t.contactType ? { contactType: t.contactType } : {}),
    ...(t.placeOfService ? { placeOfService: t.placeOfService } : {}),
    ...(t.personsPresent !== undefined ? { personsPresent: t.personsPresent ?? '' } : {}),
    ...(t.program ? { program: t.program, fundingStream: t.fundingStream ?? defaultStream(t.program) } : {}),
    ...(t.fundingStream ? { fundingStream: t.fundingStream } : {}),
  };
}

/** Where the service's answer belongs on the form ("fields.time" is the time she typed). */
export function formFieldOf(error: ApiError, v: EntryValues): EntryField | null {
  const field = error.field?.replace(/^fields\./, '');
  if (!field) return null;
  if (field === 'time' || field.startsWith('time.')) return v.timeKind === 'minutes' ? 'minutes' : 'endTime';
  if (field === 'studentIds') return 'studentIds';
  const known: EntryField[] = ['studentId', 'date', 'travelMinutes', 'documentationMinutes', 'activity', 'contactMode', 'contactType', 'placeOfService', 'personsPresent', 'program', 'fundingStream', 'goalId', 'authorizationId', 'narrative', 'followUp'];
  return known.find((k) => k === field) ?? null;
}

export type { FundingStream };
