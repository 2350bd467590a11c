/**
 * The student summary shared under a release, read back as text: it holds
 * the sections it is given and nothing else, says so when a section is
 * empty, carries the redisclosure notice at the top and at the foot of the
 * last page and the confidentiality line on every page, reports its true
 * page count, and prints names and HTML-looking text exactly as typed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SECTION,
  REDISCLOSURE_HEADING,
  SECTION_HEADINGS,
  STUDENT_SUMMARY_FORM_ID,
  studentSummary,
  type StudentSummaryData,
  type SummarySection,
} from '../../electron/documents/student-summary.ts';
import { occurrences, readPdf, readPdfPages } from './pdf-text.ts';
import { XSS } from './release-fixtures.ts';

const NOTICE =
  'Once information is shared, the person or agency who receives it may share it again, and the privacy laws that protect it here may no longer protect it there.';
const CONFIDENTIAL = 'CONFIDENTIAL — Pupil record protected by FERPA and s. 118.125, Wis. Stats.';
const NOTE_BODY = 'Met with Ánh during 4th period about sleep and attendance; agreed on Monday check-ins.';

const PLANS: SummarySection = { kind: 'plans', iep: true, plan504: false };
const PROGRAMS: SummarySection = {
  kind: 'programs',
  rows: [
    { program: 'Children’s Long-Term Support (CLTS)', status: 'Enrolled', dates: [{ label: 'Referral', on: '2026-08-20' }, { label: 'Eligibility', on: '2026-09-24' }] },
    { program: 'Comprehensive Community Services (CCS)', status: 'Referred', dates: [] },
  ],
};
const GOALS: SummarySection = {
  kind: 'goals',
  rows: [
    { goal: 'Attend school at least 90% of days each month', owner: 'Kari Halvorson', dueOn: '2027-01-31', status: 'In progress' },
    { goal: 'Family connects with a counselor who speaks Vietnamese', owner: null, dueOn: null, status: 'Not started' },
  ],
};
const NOTES: SummarySection = {
  kind: 'notes',
  title: 'School social work notes',
  rows: [
    {
      occurredOn: '2026-09-14',
      body: `${NOTE_BODY}\nCalled her mother with an interpreter to share the plan.`,
      signedBy: 'Kari Halvorson',
      addenda: [{ body: 'Correction: the interpreter was Mr. Trần.', signedAt: '2026-09-15', signedBy: 'Kari Halvorson' }],
    },
  ],
};

function summary(overrides: Partial<StudentSummaryData> = {}): StudentSummaryData {
  return {
    organization: 'Arcadia School District · Pupil Services',
    recipient: 'Dr. Ana Ruiz, Northwoods Family Counseling, 210 Main St., Whitehall, WI 54773',
    purpose: 'To coordinate mental health services with the IEP team',
    basis: 'Release ROI-2026-0042, signed 2026-09-01',
    preparedBy: 'Kari Halvorson, School Social Worker',
    preparedOn: '2026-11-23',
    student: { name: 'Nguyễn Thị Ánh', preferredName: 'Ánh', dob: '2012-03-14', grade: '8', school: 'Arcadia Middle School' },
    sections: [PLANS, PROGRAMS, GOALS, NOTES],
    redisclosureNotice: NOTICE,
    confidentiality: CONFIDENTIAL,
    ...overrides,
  };
}

function manyNotes(n: number): SummarySection {
  return {
    kind: 'notes',
    title: 'County service notes',
    rows: Array.from({ length: n }, (_, i) => ({ occurredOn: '2026-10-01', body: `Note N${i + 1}. ${NOTE_BODY} ${NOTE_BODY}`, signedBy: 'Kari Halvorson', addenda: [] })),
  };
}

/** Pages as poppler counts them, when poppler-utils is installed; otherwise null. */
function pdfinfoPages(bytes: Buffer): number | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-summary-'));
  try {
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, bytes);
    const match = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('student summary', () => {
  it('has the letterhead, who it is shared with and why, the student, and every section given, in order', async () => {
    const { bytes, pages } = await studentSummary(summary());
    const { text } = await readPdf(bytes);
    expect(text).toContain('Arcadia School District · Pupil Services');
    expect(text).toContain('Student summary');
    expect(text).toContain(STUDENT_SUMMARY_FORM_ID);
    expect(text).toContain('Shared with Dr. Ana Ruiz, Northwoods Family Counseling, 210 Main St., Whitehall, WI 54773');
    expect(text).toContain('Purpose To coordinate mental health services with the IEP team');
    expect(text).toContain('Under Release ROI-2026-0042, signed 2026-09-01');
    for (const piece of ['Nguyễn Thị Ánh', 'Preferred name Ánh', '03/14/2012', 'Arcadia Middle School', 'Grade 8']) expect(text).toContain(piece);

    const order = [SECTION_HEADINGS.plans, SECTION_HEADINGS.programs, SECTION_HEADINGS.goals, 'School social work notes'].map((h) => text.indexOf(h));
    expect(order.every((at) => at > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    expect(text).toContain('Individualized Education Program (IEP) Yes');
    expect(text).toContain('Section 504 plan No');
    expect(text).toContain('Children’s Long-Term Support (CLTS) Enrolled');
    expect(text).toContain('Referral 08/20/2026');
    expect(text).toContain('Attend school at least 90% of days each month');
    expect(text).toContain('01/31/2027');
    expect(text).toContain('Not started');
    expect(text).toContain('09/14/2026 Signed by Kari Halvorson');
    expect(text).toContain(NOTE_BODY);
    expect(text).toContain('Called her mother with an interpreter to share the plan.');
    expect(text).toContain('Addendum · 09/15/2026 · signed by Kari Halvorson');
    expect(text).toContain('Correction: the interpreter was Mr. Trần.');
    expect(text).not.toContain('2026-09-14');
    expect(pages).toBe((await readPdf(bytes)).pages);
  });

  it('holds only the sections it is given', async () => {
    const { bytes } = await studentSummary(summary({ sections: [PLANS, GOALS] }));
    const { text } = await readPdf(bytes);
    expect(text).toContain(SECTION_HEADINGS.plans);
    expect(text).toContain(SECTION_HEADINGS.goals);
    // No notes section: no note heading, date, body or addendum.
    for (const absent of ['School social work notes', NOTE_BODY, '09/14/2026', 'Addendum', 'Mr. Trần', EMPTY_SECTION.notes]) expect(text).not.toContain(absent);
    // No programs section either.
    for (const absent of [SECTION_HEADINGS.programs, 'Long-Term Support', 'Referral', EMPTY_SECTION.programs]) expect(text).not.toContain(absent);
  });

  it('says so when a section it is given has nothing in it', async () => {
    const { bytes } = await studentSummary(summary({ sections: [{ kind: 'programs', rows: [] }, { kind: 'goals', rows: [] }, { kind: 'notes', title: 'County service notes', rows: [] }] }));
    const { text } = await readPdf(bytes);
    expect(text).toContain(`${SECTION_HEADINGS.programs} ${EMPTY_SECTION.programs}`);
    expect(text).toContain(`${SECTION_HEADINGS.goals} ${EMPTY_SECTION.goals}`);
    expect(text).toContain(`County service notes ${EMPTY_SECTION.notes}`);
  });

  it('prints the redisclosure notice near the top and at the foot of the last page, and the confidentiality line on every page', async () => {
    const { bytes, pages } = await studentSummary(summary({ sections: [PLANS, GOALS, manyNotes(30)] }));
    const read = await readPdfPages(bytes);
    expect(pages).toBeGreaterThan(2);
    expect(read.pages).toHaveLength(pages);
    const first = read.pages[0]!;
    const last = read.pages[pages - 1]!;
    // Near the top: before who it is shared with.
    expect(first.indexOf(NOTICE)).toBeGreaterThan(-1);
    expect(first.indexOf(NOTICE)).toBeLessThan(first.indexOf('Shared with'));
    expect(last).toContain(`${REDISCLOSURE_HEADING} ${NOTICE}`);
    expect(occurrences(read.pages.join(' '), NOTICE)).toBe(2);
    read.pages.forEach((page, i) => {
      expect(occurrences(page, CONFIDENTIAL), `page ${i + 1}`).toBe(1);
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`);
    });
    for (let n = 1; n <= 30; n++) expect(read.pages.join(' ')).toContain(`Note N${n}.`);
  });

  it('returns the true page count', async () => {
    for (const sections of [[PLANS], [PLANS, PROGRAMS, GOALS, NOTES], [GOALS, manyNotes(12)], [manyNotes(45)]]) {
      const { bytes, pages } = await studentSummary(summary({ sections }));
      expect(pages).toBe((await readPdf(bytes)).pages);
      const poppler = pdfinfoPages(bytes);
      if (poppler !== null) expect(pages).toBe(poppler);
    }
  });

  it('prints accented, Vietnamese and Hmong names, and HTML-looking text, exactly as typed', async () => {
    const data = summary({
      recipient: `${XSS} Clínica Ñandú`,
      purpose: '<script>alert(1)</script> & "coordinate"',
      basis: 'Release {formId} </style>',
      student: { name: 'Nguyễn Thị Ánh', preferredName: '<b>Ánh</b>', dob: null, grade: null, school: 'Ñandú Elementary' },
      sections: [
        { kind: 'goals', rows: [{ goal: `${XSS} goal`, owner: 'Xiong Pa Houa Vang', dueOn: null, status: '</td>' }] },
        { kind: 'notes', title: '<h1>Notes</h1>', rows: [{ occurredOn: '2026-10-01', body: '<iframe src=x></iframe> said {student}', signedBy: 'Txiv Yaj', addenda: [] }] },
      ],
    });
    const { text } = await readPdf((await studentSummary(data)).bytes);
    for (const piece of [
      `${XSS} Clínica Ñandú`,
      '<script>alert(1)</script> & "coordinate"',
      'Release {formId} </style>',
      'Nguyễn Thị Ánh',
      '<b>Ánh</b>',
      'Ñandú Elementary',
      `${XSS} goal`,
      'Xiong Pa Houa Vang',
      '</td>',
      '<h1>Notes</h1>',
      '<iframe src=x></iframe> said {student}',
      'Txiv Yaj',
    ]) {
      expect(text).toContain(piece);
    }
  });

  it('prints no notice box when there is no notice text', async () => {
    const { bytes } = await studentSummary(summary({ redisclosureNotice: '  ' }));
    const { text } = await readPdf(bytes);
    expect(text).not.toContain(REDISCLOSURE_HEADING);
    expect(text).toContain('End of summary.');
  });
});
