/** The Medicaid billing consent (DPI model form M-5) and its annual notice. */
import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.ts';

export const noticeMethod = z.enum(['mail', 'in_person', 'email', 'backpack']);

export const medicaidGetInput = z.strictObject({ studentId: id });
export const recordNoticeInput = z.strictObject({ studentId: id, givenOn: isoDate, method: noticeMethod });
export const printMedicaidInput = z.strictObject({ studentId: id, language: z.enum(['en', 'es']), parentName: optionalText(200) });
export const recordDecisionInput = z.strictObject({ studentId: id, decision: z.enum(['given', 'refused']), decidedOn: isoDate, signedBy: requiredText(200) });
export const withdrawInput = z.strictObject({ id, withdrawnOn: isoDate, receivedBy: requiredText(200) });

export const medicaidConsentView = z.object({
  status: z.object({
    state: z.enum(['none', 'given', 'refused', 'withdrawn']),
    label: z.string(),
    since: z.string().nullable(),
    lastNoticeOn: z.string().nullable(),
    nextNoticeDue: z.string().nullable(),
  }),
  notices: z.array(z.object({ id, givenOn: z.string(), method: noticeMethod })),
  decisions: z.array(
    z.object({ id, decision: z.enum(['given', 'refused']), decidedOn: z.string(), signedBy: z.string(), noticeGivenOn: z.string(), withdrawnOn: z.string().nullable(), withdrawalReceivedBy: z.string().nullable() }),
  ),
});
