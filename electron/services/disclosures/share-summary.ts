/**
 * Sharing a student summary with a recipient: the gate is asked again here
 * (the screen's answer is advice, this is the rule), the summary holds only
 * the parts of the record the release or legal exception covers, and the
 * file and its record of disclosures are written together.
 */
import path from 'node:path';
import { studentSummary, type StudentSummaryData } from '../../documents/student-summary.ts';
import { noticeFor } from '../../shared/domain/consent/notices.ts';
import { LEGAL_EXCEPTIONS, RECORD_CATEGORY_NAMES, type RecordCategory } from '../../shared/domain/consent/index.ts';
import { covers, programCategory, sectionCategory } from '../../shared/domain/disclosure/sections.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import type { Vault } from '../../../db/vault.ts';
import { appendAudit } from '../../../db/audit.ts';
import { displayName } from '../../shared/domain/names.ts';
import { newId, nowIso, today } from '../caseload/write.ts';
import { enrollmentDatesOf } from '../caseload/deadlines.ts';
import { exportFiles } from '../exports/atomic-export.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { gate } from '../releases/releases.ts';
import { readSettings } from '../settings.ts';

const DATE_LABELS: Record<keyof ReturnType<typeof enrollmentDatesOf>, string> = {
  referralDate: 'Referral',
  applicationDate: 'Application',
  eligibilityDate: 'Eligibility',
  functionalScreenDate: 'Functional screen',
  assessmentDate: 'Assessment',
  abbreviatedAssessmentDate: 'Abbreviated assessment',
  planDate: 'Plan',
  lastPlanReviewDate: 'Last plan review',
  endDate: 'Ended',
};

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const PUPIL_RECORD_LINE = 'CONFIDENTIAL — Pupil record protected by FERPA and s. 118.125, Wis. Stats. Do not share it further without written consent or other legal authority.';

type Sections = StudentSummaryData['sections'];

/** The parts of a student's record a disclosure covering `categories` may carry, and which categories they used. */
export async function buildSections(vault: Vault, studentId: string, categories: readonly RecordCategory[]): Promise<{ sections: Sections; included: Set<RecordCategory> }> {
  const db = vault.db;
  const sections: Sections = [];
  const included = new Set<RecordCategory>();
  const student = await db.selectFrom('students').select(['iep', 'plan_504']).where('id', '=', studentId).executeTakeFirstOrThrow();

  if (covers(categories, sectionCategory('plans'))) {
    sections.push({ kind: 'plans', iep: student.iep === 1, plan504: student.plan_504 === 1 });
    included.add(sectionCategory('plans'));
  }

  const enrollments = (await db.selectFrom('enrollments').selectAll().where('student_id', '=', studentId).orderBy('created_at').execute()).filter((e) =>
    covers(categories, programCategory(e.program)),
  );
  if (enrollments.length > 0) {
    sections.push({
      kind: 'programs',
      rows: enrollments.map((e) => ({
        program: e.program,
        status: capitalized(e.status),
        dates: Object.entries(enrollmentDatesOf(e)).flatMap(([key, on]) => (on ? [{ label: DATE_LABELS[key as keyof typeof DATE_LABELS], on }] : [])),
      })),
    });
    for (const e of enrollments) included.add(programCategory(e.program));
  }

  if (covers(categories, sectionCategory('goals'))) {
    const goals = await db.selectFrom('plan_goals').selectAll().where('student_id', '=', studentId).orderBy('created_at').execute();
    sections.push({ kind: 'goals', rows: goals.map((g) => ({ goal: g.goal, owner: g.owner, dueOn: g.due_on, status: capitalized(g.status) })) });
    included.add(sectionCategory('goals'));
  }

  for (const [regime, section, title] of [
    ['pupil', 'pupil_notes', 'School social work notes'],
    ['county', 'county_notes', 'County service notes'],
  ] as const) {
    if (!covers(categories, sectionCategory(section))) continue;
    // Only signed notes are records; a draft never leaves the vault.
    const notes = await db.selectFrom('case_notes').selectAll().where('student_id', '=', studentId).where('regime', '=', regime).where('signed_at', 'is not', null).orderBy('occurred_on').execute();
    const addenda = notes.length
      ? await db.selectFrom('note_addenda').selectAll().where('note_id', 'in', notes.map((n) => n.id)).orderBy('signed_at').execute()
      : [];
    sections.push({
      kind: 'notes',
      title,
      rows: notes.map((n) => ({
        occurredOn: n.occurred_on,
        body: n.body,
        signedBy: n.signed_by ?? '',
        addenda: addenda.filter((a) => a.note_id === n.id).map((a) => ({ body: a.body, signedAt: a.signed_at.slice(0, 10), signedBy: a.signed_by })),
      })),
    });
    included.add(sectionCategory(section));
  }
  return { sections, included };
}

export async function shareSummary(vault: Vault, ports: Ports, input: ChannelInput<'disclosures:shareSummary'>): Promise<ChannelOutput<'disclosures:shareSummary'>> {
  const onDate = today();
  const verdict = await gate(vault, { ...input, onDate });
  if (!verdict.allowed) throw new AppError('NOT_ALLOWED', `Not shared: ${verdict.reasons.join(' ')}`);

  const settings = await readSettings(vault);
  if (!settings.organizationName.trim() || !settings.workerName.trim()) {
    throw new AppError('NOT_ALLOWED', 'Add the district or county name and your name in Settings first: the summary says who shared it.');
  }
  const s = await vault.db
    .selectFrom('students')
    .leftJoin('schools', 'schools.id', 'students.school_id')
    .select(['legal_first', 'legal_last', 'preferred_name', 'dob', 'grade', 'schools.name as school'])
    .where('students.id', '=', input.studentId)
    .executeTakeFirstOrThrow();
  const { sections, included } = await buildSections(vault, input.studentId, input.categories);
  if (sections.length === 0) {
    const asked = input.categories.map((c) => RECORD_CATEGORY_NAMES[c]).join(', ');
    throw new AppError('NOT_ALLOWED', `A student summary holds IEP/504 status, program enrollments, plan goals and signed notes; none of them is among ${asked}. Nothing was shared.`);
  }

  let basis: string;
  let releaseId: string | null = null;
  let exception: { kind: string; reason: string } | null = null;
  if (verdict.basis.kind === 'release') {
    releaseId = verdict.basis.releaseId;
    const r = await vault.db.selectFrom('releases').select(['form_id', 'signed_on']).where('id', '=', releaseId).executeTakeFirstOrThrow();
    basis = `Release ${r.form_id}, signed ${r.signed_on ?? ''}`.trim();
  } else {
    exception = { kind: verdict.basis.exception, reason: verdict.basis.reason };
    basis = `Legal exception — ${LEGAL_EXCEPTIONS[verdict.basis.exception].label}: ${verdict.basis.reason}`;
  }
  const treatment = included.has('mental_health_treatment') || included.has('aoda_treatment');
  const redisclosure = noticeFor('redisclosureNotice', 'en', onDate)?.text ?? '';
  const confidentiality = treatment ? (noticeFor('dhs92Confidentiality', 'en', onDate)?.text ?? PUPIL_RECORD_LINE) : PUPIL_RECORD_LINE;

  const { bytes, pages } = await studentSummary({
    organization: settings.organizationName,
    recipient: input.recipient.name,
    purpose: input.purpose,
    basis,
    preparedBy: settings.workerName,
    preparedOn: onDate,
    student: { name: `${s.legal_first} ${s.legal_last}`, preferredName: s.preferred_name, dob: s.dob, grade: s.grade, school: s.school },
    sections,
    redisclosureNotice: redisclosure,
    confidentiality,
  });

  // The file name carries no student name unless she asks for it: file lists, recent-file menus and backups show names.
  const shownName = displayName(s.legal_first, s.legal_last, s.preferred_name);
  const suggestedName = input.nameInFile ? `Summary for ${input.recipient.name} - ${shownName} ${onDate}.pdf` : `Student summary ${onDate}.pdf`;
  const chosen = await ports.chooseSaveLocation({ suggestedName, kind: 'pdf' });
  if (!chosen) return { saved: false, fileName: null, pages, disclosureId: null };

  const categories = [...included];
  const documents = [`Student summary (${pages} ${pages === 1 ? 'page' : 'pages'})`];
  const disclosureId = await exportFiles(vault, [{ path: chosen, bytes }], async (trx, exportId) => {
    const id = newId();
    await trx
      .insertInto('disclosures')
      .values({
        id,
        student_id: input.studentId,
        disclosed_on: onDate,
        recipient: input.recipient.name.trim(),
        purpose: input.purpose.trim(),
        categories: JSON.stringify(categories),
        documents: JSON.stringify(documents),
        release_id: releaseId,
        exception_kind: exception?.kind ?? null,
        exception_reason: exception?.reason ?? null,
        disclosed_by: settings.workerName,
        created_at: nowIso(),
        export_id: exportId,
      })
      .execute();
    await appendAudit(trx, vault.auditKey, { action: 'disclosure.summary_shared', subjectType: 'student', subjectId: input.studentId, details: { disclosureId: id, exportId, categories: categories.length } });
    return id;
  });
  if (input.openAfterSave) await ports.openInViewer(chosen);
  return { saved: true, fileName: path.basename(chosen), pages, disclosureId };
}
