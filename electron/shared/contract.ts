/**
 * The one contract: every channel the UI can call, with its input and output
 * schemas. The preload exposes exactly these names, the main process and the
 * test harness validate against these schemas, and the renderer's forms reuse
 * them. `whenLocked` marks the few channels that work before unlock.
 */
import type { z } from 'zod';
import type { ChannelName } from './channels.ts';
import { z as zod } from 'zod';
import { empty, id } from './schemas/common.ts';
import { medicaidConsentView, medicaidGetInput, printMedicaidInput, recordDecisionInput, recordNoticeInput, withdrawInput } from './schemas/medicaid.ts';
import {
  compareInput,
  comparisonView,
  evaluationInput,
  evaluationList,
  evaluationView,
  listReferralsInput,
  packetInput,
  packetOutput,
  printChecklistInput,
  providerList,
  referralList,
  saveProviderInput,
  saveReferralInput,
  templateView,
  transitionInput,
} from './schemas/providers.ts';
import { batchList, billingProfile, exportInput, exportOutput, monthInput, monthReadiness, profilesOutput, timePicture, timePictureInput, voidInput } from './schemas/billing.ts';
import {
  authorizationList,
  correctEntryInput,
  entryFields,
  entryList,
  listEntriesInput,
  previewEntryInput,
  previewOutput,
  saveAuthorizationInput,
  saveEntryInput,
  saveGroupInput,
  savedEntries,
  templateInput,
  templateList,
} from './schemas/services.ts';
import { printDisclosuresInput, shareSummaryInput, shareSummaryOutput } from './schemas/disclosures.ts';
import { addAddendumInput, deleteDraftInput, saveNoteInput, savedNote } from './schemas/notes.ts';
import {
  addGoalInput,
  addTeamMemberInput,
  changeEnrollmentStatusInput,
  createEnrollmentInput,
  markChangeEnteredInput,
  removeTeamMemberInput,
  updateEnrollmentInput,
  updateGoalInput,
} from './schemas/programs.ts';
import {
  disclosureList,
  gateInput,
  gateOutput,
  previewReleaseInput,
  recordSignatureInput,
  releaseCheckOutput,
  releaseDetail,
  releaseList,
  revokeInput,
  saveReleaseInput,
} from './schemas/releases.ts';
import { rosterCommitInput, rosterCommitOutput, rosterPreviewInput, rosterPreviewOutput, rosterSources } from './schemas/roster.ts';
import { dueSoonOutput, searchInput, searchResults, studentRecord } from './schemas/record.ts';
import {
  addContactInput,
  caseloadList,
  caseloadQuery,
  createSchoolInput,
  createStudentInput,
  linkSiblingInput,
  removeContactInput,
  unlinkHouseholdInput,
  updateContactInput,
  updateStudentInput,
} from './schemas/students.ts';
import { settingsPatch, settingsSchema } from './schemas/settings.ts';
import {
  changePassphraseInput,
  createVaultInput,
  createVaultOutput,
  recoverInput,
  recoverySheetInput,
  savedDocument,
  unlockInput,
  vaultStatus,
} from './schemas/vault.ts';

/** The answer to a call that made or changed one record: its id. */
const created = zod.object({ id });

interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
  whenLocked: boolean;
}

export const contract = {
  'vault:status': { input: empty, output: vaultStatus, whenLocked: true },
  'vault:create': { input: createVaultInput, output: createVaultOutput, whenLocked: true },
  'vault:unlock': { input: unlockInput, output: empty, whenLocked: true },
  'vault:lock': { input: empty, output: empty, whenLocked: true },
  'vault:changePassphrase': { input: changePassphraseInput, output: empty, whenLocked: false },
  'vault:recover': { input: recoverInput, output: empty, whenLocked: true },
  'vault:printRecoverySheet': { input: recoverySheetInput, output: savedDocument, whenLocked: false },
  'settings:get': { input: empty, output: settingsSchema, whenLocked: false },
  'settings:set': { input: settingsPatch, output: settingsSchema, whenLocked: false },
  'caseload:list': { input: caseloadQuery, output: caseloadList, whenLocked: false },
  'caseload:dueSoon': { input: empty, output: dueSoonOutput, whenLocked: false },
  'search:query': { input: searchInput, output: searchResults, whenLocked: false },
  'students:get': { input: zod.strictObject({ id }), output: studentRecord, whenLocked: false },
  'students:create': { input: createStudentInput, output: created, whenLocked: false },
  'students:update': { input: updateStudentInput, output: created, whenLocked: false },
  'schools:create': { input: createSchoolInput, output: created, whenLocked: false },
  'households:linkSibling': { input: linkSiblingInput, output: zod.object({ householdId: id }), whenLocked: false },
  'households:unlink': { input: unlinkHouseholdInput, output: empty, whenLocked: false },
  'contacts:add': { input: addContactInput, output: zod.object({ contactId: id }), whenLocked: false },
  'contacts:update': { input: updateContactInput, output: zod.object({ contactId: id }), whenLocked: false },
  'contacts:remove': { input: removeContactInput, output: empty, whenLocked: false },
  'enrollments:create': { input: createEnrollmentInput, output: created, whenLocked: false },
  'enrollments:update': { input: updateEnrollmentInput, output: created, whenLocked: false },
  'enrollments:changeStatus': { input: changeEnrollmentStatusInput, output: zod.object({ changeId: id }), whenLocked: false },
  'enrollments:markEntered': { input: markChangeEnteredInput, output: empty, whenLocked: false },
  'team:add': { input: addTeamMemberInput, output: created, whenLocked: false },
  'team:remove': { input: removeTeamMemberInput, output: empty, whenLocked: false },
  'goals:add': { input: addGoalInput, output: created, whenLocked: false },
  'goals:update': { input: updateGoalInput, output: empty, whenLocked: false },
  'notes:save': { input: saveNoteInput, output: savedNote, whenLocked: false },
  'notes:addAddendum': { input: addAddendumInput, output: created, whenLocked: false },
  'notes:discardDraft': { input: deleteDraftInput, output: empty, whenLocked: false },
  'roster:preview': { input: rosterPreviewInput, output: rosterPreviewOutput, whenLocked: false },
  'roster:commit': { input: rosterCommitInput, output: rosterCommitOutput, whenLocked: false },
  'roster:sources': { input: empty, output: rosterSources, whenLocked: false },
  'releases:check': { input: previewReleaseInput, output: releaseCheckOutput, whenLocked: false },
  'releases:save': { input: saveReleaseInput, output: created, whenLocked: false },
  'releases:get': { input: zod.strictObject({ id }), output: releaseDetail, whenLocked: false },
  'releases:list': { input: zod.strictObject({ studentId: id }), output: releaseList, whenLocked: false },
  'releases:print': { input: zod.strictObject({ id }), output: savedDocument, whenLocked: false },
  'releases:recordSignature': { input: recordSignatureInput, output: empty, whenLocked: false },
  'releases:revoke': { input: revokeInput, output: empty, whenLocked: false },
  'releases:openSignedCopy': { input: zod.strictObject({ attachmentId: id }), output: savedDocument, whenLocked: false },
  'releases:gate': { input: gateInput, output: gateOutput, whenLocked: false },
  'disclosures:list': { input: zod.strictObject({ studentId: id }), output: disclosureList, whenLocked: false },
  'disclosures:print': { input: printDisclosuresInput, output: savedDocument, whenLocked: false },
  'disclosures:shareSummary': { input: shareSummaryInput, output: shareSummaryOutput, whenLocked: false },
  'medicaid:get': { input: medicaidGetInput, output: medicaidConsentView, whenLocked: false },
  'medicaid:recordNotice': { input: recordNoticeInput, output: medicaidConsentView, whenLocked: false },
  'medicaid:print': { input: printMedicaidInput, output: savedDocument, whenLocked: false },
  'medicaid:recordDecision': { input: recordDecisionInput, output: medicaidConsentView, whenLocked: false },
  'medicaid:withdraw': { input: withdrawInput, output: medicaidConsentView, whenLocked: false },
  'services:preview': { input: previewEntryInput, output: previewOutput, whenLocked: false },
  'services:save': { input: saveEntryInput, output: savedEntries, whenLocked: false },
  'services:saveGroup': { input: saveGroupInput, output: savedEntries, whenLocked: false },
  'services:sign': { input: zod.strictObject({ id }), output: savedEntries, whenLocked: false },
  'services:discardDraft': { input: zod.strictObject({ id }), output: empty, whenLocked: false },
  'services:correct': { input: correctEntryInput, output: empty, whenLocked: false },
  'services:list': { input: listEntriesInput, output: entryList, whenLocked: false },
  'services:last': { input: zod.strictObject({ studentId: id.nullable() }), output: zod.object({ fields: entryFields.nullable() }), whenLocked: false },
  'services:templates': { input: empty, output: templateList, whenLocked: false },
  'services:saveTemplate': { input: templateInput, output: zod.object({ id }), whenLocked: false },
  'services:deleteTemplate': { input: zod.strictObject({ id }), output: empty, whenLocked: false },
  'authorizations:list': { input: zod.strictObject({ studentId: id }), output: authorizationList, whenLocked: false },
  'authorizations:save': { input: saveAuthorizationInput, output: zod.object({ id }), whenLocked: false },
  'billing:month': { input: monthInput, output: monthReadiness, whenLocked: false },
  'billing:export': { input: exportInput, output: exportOutput, whenLocked: false },
  'billing:batches': { input: monthInput, output: batchList, whenLocked: false },
  'billing:void': { input: voidInput, output: empty, whenLocked: false },
  'billing:timePicture': { input: timePictureInput, output: timePicture, whenLocked: false },
  'billing:profiles': { input: empty, output: profilesOutput, whenLocked: false },
  'billing:saveProfile': { input: zod.strictObject({ profile: billingProfile }), output: profilesOutput, whenLocked: false },
  'providers:list': { input: empty, output: providerList, whenLocked: false },
  'providers:save': { input: saveProviderInput, output: zod.object({ id }), whenLocked: false },
  'providers:compare': { input: compareInput, output: comparisonView, whenLocked: false },
  'providers:printChecklist': { input: printChecklistInput, output: savedDocument, whenLocked: false },
  'checklist:template': { input: empty, output: templateView, whenLocked: false },
  'evaluations:save': { input: evaluationInput, output: evaluationView, whenLocked: false },
  'evaluations:list': { input: zod.strictObject({ providerId: id }), output: evaluationList, whenLocked: false },
  'referrals:list': { input: listReferralsInput, output: referralList, whenLocked: false },
  'referrals:save': { input: saveReferralInput, output: zod.object({ id }), whenLocked: false },
  'referrals:packet': { input: packetInput, output: packetOutput, whenLocked: false },
  'referrals:transition': { input: transitionInput, output: zod.object({ status: zod.string(), followUpOn: zod.string().nullable() }), whenLocked: false },
} as const satisfies { [K in ChannelName]: ChannelSpec };

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export { channelNames, isChannelName, type ChannelName } from './channels.ts';
