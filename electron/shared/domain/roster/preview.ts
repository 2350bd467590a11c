/**
 * What an import would do, row by row, before anything is written: which
 * students are new, which update a student already in Liaison, which are
 * skipped and why. Never throws: whatever the file holds becomes a problem
 * on its row.
 */
import { format, isAfter, isBefore, subYears } from 'date-fns';
import { parseIsoDate, type IsoDate } from '../deadlines.ts';
import { parseRosterDate } from './dates.ts';
import { ROSTER_FIELDS, type Mapping, type RosterField } from './fields.ts';

export interface ExistingStudent {
  id: string;
  schoolStudentId: string | null;
  legalFirst: string;
  legalLast: string;
  dob: IsoDate | null;
}

export interface RosterGuardian {
  name: string;
  relationship: string | null;
  phone: string | null;
  email: string | null;
  language: string | null;
}

export interface RosterRecord {
  schoolStudentId: string | null;
  legalFirst: string;
  legalMiddle: string | null;
  legalLast: string;
  preferredName: string | null;
  dob: IsoDate | null;
  grade: string | null;
  school: string | null;
  district: string | null;
  medicaidId: string | null;
  guardian: RosterGuardian | null;
}

export interface RosterProblem {
  severity: 'error' | 'warning';
  field: RosterField | null;
  message: string;
}

export interface RosterRowPreview {
  line: number;
  record: RosterRecord;
  problems: RosterProblem[];
  action: 'create' | 'update' | 'skip';
  matchedStudentId: string | null;
}

export interface RosterPreview {
  rows: RosterRowPreview[];
  /** withWarnings counts rows that will be imported but carry a warning. */
  counts: { create: number; update: number; skip: number; withWarnings: number };
  unmappedRequired: RosterField[];
}

export interface RosterPreviewInput {
  headers: readonly string[];
  rows: readonly string[][];
  mapping: Mapping;
  today: IsoDate;
  existing: readonly ExistingStudent[];
  knownSchools: readonly string[];
  /** Spreadsheet line of each row, from parseRoster; without it row i is on line i + 2. */
  lines?: readonly number[];
}

const MAX_AGE_YEARS = 30;
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const GUARDIAN_DETAILS: readonly RosterField[] = ['guardianRelationship', 'guardianPhone', 'guardianEmail', 'guardianLanguage'];

const clean = (raw: string) => raw.normalize('NFC').replace(/\s+/g, ' ').trim();
/** Case-folded, diacritics kept: "José" and "JOSE" are different people, "josé" and "JOSÉ" are not. */
const fold = (raw: string) => clean(raw).toUpperCase().toLowerCase().normalize('NFC');
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const nameDobKey = (first: string, last: string, dob: IsoDate) => `${fold(first)}\u0000${fold(last)}\u0000${dob}`;
const shown = (iso: IsoDate) => {
  const date = parseIsoDate(iso);
  return date ? format(date, 'MM/dd/yyyy') : iso;
};

function indexExisting(existing: readonly ExistingStudent[]) {
  const byId = new Map<string, ExistingStudent>();
  const byNameDob = new Map<string, ExistingStudent[]>();
  for (const student of existing) {
    const id = text(student.schoolStudentId).trim();
    if (id !== '' && !byId.has(id)) byId.set(id, student);
    const dob = text(student.dob);
    if (dob === '') continue;
    const key = nameDobKey(text(student.legalFirst), text(student.legalLast), dob);
    byNameDob.set(key, [...(byNameDob.get(key) ?? []), student]);
  }
  return { byId, byNameDob };
}

export function previewRoster(input: RosterPreviewInput): RosterPreview {
  const headers = Array.isArray(input.headers) ? input.headers : [];
  const mapping: Mapping = input.mapping ?? {};
  const column = new Map<RosterField, number>();
  for (const { field } of ROSTER_FIELDS) {
    const header = mapping[field];
    const index = typeof header === 'string' ? headers.indexOf(header) : -1;
    if (index >= 0) column.set(field, index);
  }
  const unmappedRequired = ROSTER_FIELDS.filter((f) => f.required && !column.has(f.field)).map((f) => f.field);

  const today = parseIsoDate(input.today);
  const earliest = today ? subYears(today, MAX_AGE_YEARS) : null;
  const { byId, byNameDob } = indexExisting(input.existing ?? []);
  const knownSchools = new Set((input.knownSchools ?? []).map((s) => fold(text(s))));
  const firstLineById = new Map<string, number>();
  const firstLineByNameDob = new Map<string, number>();
  const counts = { create: 0, update: 0, skip: 0, withWarnings: 0 };
  const rows: RosterRowPreview[] = [];

  (input.rows ?? []).forEach((cells, i) => {
    const line = input.lines?.[i] ?? i + 2;
    const problems: RosterProblem[] = [];
    const error = (field: RosterField | null, message: string) => problems.push({ severity: 'error', field, message });
    const warn = (field: RosterField | null, message: string) => problems.push({ severity: 'warning', field, message });

    const values = new Map<RosterField, string>();
    for (const { field, label } of ROSTER_FIELDS) {
      const index = column.get(field);
      const raw = index === undefined || !Array.isArray(cells) ? '' : text(cells[index]);
      if (CONTROL.test(raw)) error(field, `${label} holds hidden control characters; retype it in the file.`);
      values.set(field, clean(raw));
    }
    const value = (field: RosterField) => values.get(field) || null;

    const legalFirst = values.get('legalFirst') ?? '';
    const legalLast = values.get('legalLast') ?? '';
    if (legalFirst === '') error('legalFirst', 'Legal first name is empty; add it in the file.');
    if (legalLast === '') error('legalLast', 'Legal last name is empty; add it in the file.');

    let dob: IsoDate | null = null;
    const rawDob = values.get('dob') ?? '';
    if (rawDob === '') {
      error('dob', 'Date of birth is empty; add it in the file as MM/DD/YYYY.');
    } else {
      const parsed = parseRosterDate(rawDob);
      if (!parsed.ok) {
        error('dob', `Date of birth: ${parsed.message}`);
      } else {
        dob = parsed.date;
        const date = parseIsoDate(dob);
        if (date && today && isAfter(date, today)) {
          error('dob', `Date of birth ${shown(dob)} is in the future; check the year.`);
        } else if (date && earliest && isBefore(date, earliest)) {
          error('dob', `Date of birth ${shown(dob)} is more than ${MAX_AGE_YEARS} years ago; check the year.`);
        }
      }
    }

    const guardianName = value('guardianName');
    const record: RosterRecord = {
      schoolStudentId: value('schoolStudentId'),
      legalFirst,
      legalMiddle: value('legalMiddle'),
      legalLast,
      preferredName: value('preferredName'),
      dob,
      grade: value('grade'),
      school: value('school'),
      district: value('district'),
      medicaidId: value('medicaidId'),
      guardian: guardianName
        ? {
            name: guardianName,
            relationship: value('guardianRelationship'),
            phone: value('guardianPhone'),
            email: value('guardianEmail'),
            language: value('guardianLanguage'),
          }
        : null,
    };

    // The first line with an ID (or, without IDs, a name and date of birth) wins; later copies are skipped.
    const id = record.schoolStudentId;
    if (id !== null) {
      const first = firstLineById.get(id);
      if (first !== undefined) error('schoolStudentId', `School student ID ${id} is also on line ${first}; only line ${first} is imported.`);
      else firstLineById.set(id, line);
    }
    const personKey = dob !== null && legalFirst !== '' && legalLast !== '' ? nameDobKey(legalFirst, legalLast, dob) : null;
    if (personKey !== null) {
      const first = firstLineByNameDob.get(personKey);
      if (first === undefined) firstLineByNameDob.set(personKey, line);
      else if (id === null) error(null, `Same name and date of birth as line ${first}, and no school student ID; only line ${first} is imported.`);
    }

    let action: RosterRowPreview['action'] = 'create';
    let matchedStudentId: string | null = null;
    if (problems.some((p) => p.severity === 'error')) {
      action = 'skip';
    } else {
      const byIdMatch = id !== null ? byId.get(id) : undefined;
      const candidates = byIdMatch ? [] : personKey !== null ? (byNameDob.get(personKey) ?? []) : [];
      if (byIdMatch) {
        action = 'update';
        matchedStudentId = byIdMatch.id;
      } else if (candidates.length > 1) {
        action = 'skip';
        error(null, `Same name and date of birth as ${candidates.length} students already in Liaison; add the school student ID to the file or combine those students first.`);
      } else if (candidates.length === 1) {
        const match = candidates[0]!;
        const theirId = text(match.schoolStudentId).trim();
        action = 'update';
        matchedStudentId = match.id;
        warn(
          'schoolStudentId',
          id !== null && theirId !== ''
            ? `Same name and date of birth as a student in Liaison with school student ID ${theirId}, but this file says ${id}; check it is the same student.`
            : 'Matched to a student already in Liaison by name and date of birth, not by school student ID; check it is the same student.',
        );
      }
    }

    if (action !== 'skip') {
      if (record.school !== null && !knownSchools.has(fold(record.school))) {
        warn('school', `School “${record.school}” is not in your list of schools yet; it will be added.`);
      }
      if (!guardianName && GUARDIAN_DETAILS.some((f) => value(f) !== null)) {
        warn('guardianName', 'Guardian details without a guardian name are left out; add the guardian’s name in the file to import them.');
      }
    }

    counts[action] += 1;
    if (action !== 'skip' && problems.some((p) => p.severity === 'warning')) counts.withWarnings += 1;
    rows.push({ line, record, problems, action, matchedStudentId });
  });

  return { rows, counts, unmappedRequired };
}
