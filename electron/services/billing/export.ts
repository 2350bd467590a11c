/**
 * Exporting a month: the county billing file (CSV and XLSX, columns from the
 * profile's county template) and the signed service log PDF, written with the
 * batch, its lines and each student's record of disclosures in one step —
 * all of it, or none (exportFiles). Only ready entries not on a live batch
 * are exported; the database refuses an entry on two live batches.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Vault } from '../../../db/vault.ts';
import { appendAudit } from '../../../db/audit.ts';
import { billingCsv, billingXlsx, type BillingLine } from '../../documents/billing-file.ts';
import { serviceLog } from '../../documents/service-log.ts';
import { CONTACT_MODE_LABELS, FUNDING_STREAM_LABELS, sumUnits, type ExportField } from '../../shared/domain/billing/index.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import { newId, nowIso, today } from '../caseload/write.ts';
import { exportFiles, type ExportProbe } from '../exports/atomic-export.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { gateMany } from '../releases/gate-many.ts';
import type { GateResult } from '../../shared/domain/consent/index.ts';
import { readSettings } from '../settings.ts';
import { loadProfiles, profileOf, studentBillingFacts } from './context.ts';
import { assessMonth, billingRecipient } from './month.ts';

const ATTESTATION =
  'I attest that I provided the services listed above on the dates and for the times shown, that each entry was documented when it was provided, ' +
  'and that this log is true and complete to the best of my knowledge.';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** A name not taken in the folder: "CLTS billing 2026-11.csv", then "… (2).csv". */
function freeName(folder: string, base: string, ext: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.${ext}` : `${base} (${n}).${ext}`;
    if (!taken.has(name) && !existsSync(path.join(folder, name))) {
      taken.add(name);
      return name;
    }
  }
}

/** `probe` lets the crash tests stop the process between the steps of the write; the app never passes one. */
export async function exportMonth(vault: Vault, ports: Ports, input: ChannelInput<'billing:export'>, probe?: ExportProbe): Promise<ChannelOutput<'billing:export'>> {
  const { program, month } = input;
  const settings = await readSettings(vault);
  if (!settings.workerName.trim() || !settings.organizationName.trim()) {
    throw new AppError('NOT_ALLOWED', 'Add your name and the letterhead name in Settings first: the service log is signed by you.');
  }
  const profile = profileOf(program, await loadProfiles(vault.db));
  if (!profile) throw new AppError('NOT_FOUND', `There is no billing profile for ${program}.`);
  const assessed = await assessMonth(vault, program, month);
  const ready = assessed.rows.filter((r) => r.status === 'ready');
  if (ready.length === 0) throw new AppError('NOT_ALLOWED', `No ${program} entries of ${monthName(month)} are ready to export.`);

  // The gate, for every student on the file: a release, or the exception she chose with its reason.
  const recipient = await billingRecipient(vault, program);
  const basis = new Map<string, { releaseId: string | null; exception: { kind: string; reason: string } | null }>();
  const refused: string[] = [];
  const ask = { recipient: { name: recipient.name, contactId: null, providerId: null, className: null }, purpose: recipient.purpose, categories: [recipient.category], onDate: today() };
  const studentIds = [...new Set(ready.map((r) => r.studentId))];
  // A release is the better basis where one covers the file; the exception she chose covers the rest.
  const byRelease = await gateMany(vault, studentIds, { ...ask, exception: null });
  const uncovered = studentIds.filter((id) => !byRelease.get(id)?.allowed);
  const byException = input.exception && uncovered.length ? await gateMany(vault, uncovered, { ...ask, exception: input.exception }) : new Map<string, GateResult>();
  for (const studentId of studentIds) {
    const verdict = byRelease.get(studentId)?.allowed ? byRelease.get(studentId) : byException.get(studentId) ?? byRelease.get(studentId);
    if (!verdict?.allowed) {
      refused.push(`${assessed.names.get(studentId) ?? 'A student'}: ${verdict?.reasons[0] ?? 'no release or exception covers it.'}`);
      continue;
    }
    basis.set(studentId, verdict.basis.kind === 'release' ? { releaseId: verdict.basis.releaseId, exception: null } : { releaseId: null, exception: { kind: verdict.basis.exception, reason: verdict.basis.reason } });
  }
  if (refused.length > 0) throw new AppError('NOT_ALLOWED', `Not exported: nothing allows sharing these students’ information with ${recipient.name}. ${refused.join(' ')}`);

  const facts = await studentBillingFacts(vault.db, [...basis.keys()]);
  const byId = new Map(assessed.entries.map((e) => [e.row.id, e]));
  const lines: (BillingLine & { entryId: string; studentId: string })[] = ready.map((r) => {
    const e = byId.get(r.entryId)!;
    const f = facts.get(r.studentId);
    const pa = f?.authorizations.find((a) => a.id === assessed.assessments.get(r.entryId)?.authorizationId) ?? null;
    const t = e.fields.time;
    const values: Record<ExportField, string | number> = {
      participantName: f?.name ?? r.studentName,
      dob: f?.dob ?? '',
      medicaidId: f?.medicaidId ?? '',
      mciId: f?.mciId ?? '',
      dateOfService: r.date,
      startTime: t.kind === 'clock' ? t.startTime : '',
      endTime: t.kind === 'clock' ? t.endTime : '',
      procedureCode: r.procedureCode ?? '',
      modifiers: r.modifiers.join(' '),
      modifier1: r.modifiers[0] ?? '',
      modifier2: r.modifiers[1] ?? '',
      modifier3: r.modifiers[2] ?? '',
      modifier4: r.modifiers[3] ?? '',
      units: r.units,
      minutes: r.minutes,
      placeOfService: r.placeOfService,
      renderingWorker: settings.workerName,
      renderingProviderId: settings.workerProviderId || pa?.providerId || '',
      authorizationNumber: pa?.number ?? '',
      diagnosisCode: pa?.diagnosisCode ?? '',
      program,
      fundingStream: FUNDING_STREAM_LABELS[e.fields.fundingStream],
      activity: r.activity,
      contactMode: CONTACT_MODE_LABELS[e.fields.contactMode],
    };
    return { entryId: r.entryId, studentId: r.studentId, values };
  });
  const units = lines.reduce((sum, l) => sumUnits(sum, Number(l.values.units)), 0);

  const folder = await ports.chooseFolder({ title: `Choose where to save the ${program} billing files for ${monthName(month)}` });
  if (!folder) return { saved: false, batchId: null, folder: null, files: [], lines: lines.length, units };

  const batchId = newId();
  const voided = await vault.db
    .selectFrom('billing_batches')
    .select(['id'])
    .where('program', '=', program)
    .where('month', '=', month)
    .where('voided_at', 'is not', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('billing_batches as later').select('later.id').whereRef('later.corrects_batch_id', '=', 'billing_batches.id'))))
    .orderBy('exported_at', 'desc')
    .executeTakeFirst();
  const exportedAt = nowIso();
  const template = profile.columnTemplate;
  const students = [...basis.keys()].map((studentId) => {
    const f = facts.get(studentId);
    return {
      name: f?.name ?? '',
      dob: f?.dob ?? null,
      medicaidId: f?.medicaidId ?? null,
      entries: ready
        .filter((r) => r.studentId === studentId)
        .map((r) => {
          const e = byId.get(r.entryId)!;
          return {
            date: r.date,
            time: r.time,
            activity: r.activity,
            placeOfService: r.placeOfService,
            procedureCode: r.procedureCode ?? '',
            modifiers: r.modifiers,
            minutes: r.minutes,
            units: r.units,
            travelMinutes: e.fields.travelMinutes,
            documentationMinutes: e.fields.documentationMinutes,
            authorizationNumber: String(lines.find((l) => l.entryId === r.entryId)?.values.authorizationNumber ?? '') || null,
            narrative: e.fields.narrative,
          };
        }),
    };
  });
  const taken = new Set<string>();
  const names = {
    csv: freeName(folder, `${program} billing ${month}`, 'csv', taken),
    xlsx: freeName(folder, `${program} billing ${month}`, 'xlsx', taken),
    pdf: freeName(folder, `${program} service log ${month}`, 'pdf', taken),
  };
  const [csv, xlsx, log] = await Promise.all([
    billingCsv(template, lines),
    billingXlsx(template, lines, { sheetName: `${program} ${month}` }),
    serviceLog({
      organization: settings.organizationName,
      program,
      month,
      worker: { name: settings.workerName, providerId: settings.workerProviderId || null },
      batchLabel: `Batch ${batchId.slice(0, 8).toUpperCase()} · exported ${exportedAt.slice(0, 10)}`,
      correctsBatch: voided ? `Corrects voided batch ${voided.id.slice(0, 8).toUpperCase()}` : null,
      includeNarratives: input.includeNarratives,
      students,
      attestation: ATTESTATION,
    }),
  ]);
  const files = [
    { path: path.join(folder, names.csv), bytes: csv },
    { path: path.join(folder, names.xlsx), bytes: xlsx },
    { path: path.join(folder, names.pdf), bytes: log.bytes },
  ];
  const fileList = files.map((f) => ({ name: path.basename(f.path), sha256: createHash('sha256').update(f.bytes).digest('hex') }));

  await exportFiles(vault, files, async (trx, exportId) => {
    await trx
      .insertInto('billing_batches')
      .values({ id: batchId, program, month, exported_at: exportedAt, exported_by: settings.workerName, files: JSON.stringify(fileList), corrects_batch_id: voided?.id ?? null, voided_at: null, void_reason: null })
      .execute();
    // A hundred rows per statement: one statement per line costs several times more on a month of a thousand.
    for (let i = 0; i < lines.length; i += 100) {
      await trx
        .insertInto('batch_lines')
        .values(lines.slice(i, i + 100).map((l) => ({ id: newId(), batch_id: batchId, entry_id: l.entryId, funding_stream: profile.fundingStream, units: Number(l.values.units), line: JSON.stringify(l.values), live: 1 })))
        .execute();
    }
    for (const [studentId, b] of basis) {
      const count = lines.filter((l) => l.studentId === studentId).length;
      await trx
        .insertInto('disclosures')
        .values({
          id: newId(),
          student_id: studentId,
          disclosed_on: today(),
          recipient: recipient.name,
          purpose: recipient.purpose,
          categories: JSON.stringify([recipient.category]),
          documents: JSON.stringify([`${program} billing file ${month}: ${count} ${count === 1 ? 'line' : 'lines'} (CSV, XLSX)`, `${program} service log ${month} (PDF)`]),
          release_id: b.releaseId,
          exception_kind: b.exception?.kind ?? null,
          exception_reason: b.exception?.reason ?? null,
          disclosed_by: settings.workerName,
          created_at: nowIso(),
          export_id: exportId,
        })
        .execute();
    }
    await appendAudit(trx, vault.auditKey, { action: 'billing.exported', subjectType: 'billing_batch', subjectId: batchId, details: { lines: lines.length, students: basis.size, exportId } });
  }, probe);
  return { saved: true, batchId, folder, files: fileList.map((f) => f.name), lines: lines.length, units };
}
