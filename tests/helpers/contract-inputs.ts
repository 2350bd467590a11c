/**
 * What each channel takes, written out independently of the zod schemas, and
 * generators of inputs that are wrong for it by construction: the material
 * for the contract property test.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { contract, type ChannelName } from '../../electron/shared/contract.ts';
import { fieldLabel } from '../../electron/shared/errors.ts';
import { DEFAULT_CLTS_PROFILE } from '../../electron/shared/domain/billing/profiles.ts';

export type Kind =
  | 'passphraseAttempt'
  | 'newPassphrase'
  | 'recoveryKey'
  | 'minutes'
  | 'plainText'
  | 'id'
  | 'date'
  | 'optDate'
  | 'text'
  | 'optText'
  | 'bool'
  | 'months'
  | 'limit'
  | 'searchText'
  | 'regime'
  | 'studentStatus'
  | 'enrollmentStatus'
  | 'goalStatus'
  | 'student'
  | 'contact'
  | 'member'
  | 'dates'
  | 'patch'
  | 'base64'
  | 'mapping'
  | 'releaseDraft'
  | 'signatures'
  | 'scan'
  | 'revocationMethod'
  | 'gateRecipient'
  | 'categories'
  | 'exception'
  | 'noticeMethod'
  | 'm5Decision'
  | 'language'
  | 'entryFields'
  | 'entryFieldsBase'
  | 'studentIds'
  | 'changes'
  | 'optMonth'
  | 'optId'
  | 'authorization'
  | 'templateFields'
  | 'billingProgram'
  | 'month'
  | 'profile'
  | 'providerId'
  | 'providerFields'
  | 'ratings'
  | 'override'
  | 'referralFields'
  | 'referralStatus'
  | 'attachments';
export interface Shape {
  required: Record<string, Kind>;
  optional: Record<string, Kind>;
}

/** The fields each channel takes, written out independently of the zod schemas. */
export const SHAPES: Record<ChannelName, Shape> = {
  'vault:status': { required: {}, optional: {} },
  'vault:create': { required: { passphrase: 'newPassphrase' }, optional: {} },
  'vault:unlock': { required: { passphrase: 'passphraseAttempt' }, optional: {} },
  'vault:lock': { required: {}, optional: {} },
  'vault:changePassphrase': { required: { currentPassphrase: 'passphraseAttempt', newPassphrase: 'newPassphrase' }, optional: {} },
  'vault:recover': { required: { recoveryKey: 'recoveryKey', newPassphrase: 'newPassphrase' }, optional: {} },
  'vault:printRecoverySheet': { required: { recoveryKey: 'recoveryKey' }, optional: {} },
  'settings:get': { required: {}, optional: {} },
  'settings:set': { required: {}, optional: { autoLockMinutes: 'minutes', organizationName: 'plainText', organizationAddress: 'plainText', workerName: 'plainText', districtName: 'plainText', countyName: 'plainText', planReviewMonths: 'months' } },
  'caseload:list': { required: { status: 'studentStatus', schoolId: 'optText', grade: 'optText', program: 'optText' }, optional: {} },
  'caseload:dueSoon': { required: {}, optional: {} },
  'search:query': { required: { text: 'searchText', limit: 'limit' }, optional: {} },
  'students:get': { required: { id: 'id' }, optional: {} },
  'students:create': { required: {}, optional: {} },
  'students:update': { required: { id: 'id', patch: 'patch' }, optional: {} },
  'schools:create': { required: { name: 'text', districtName: 'optText' }, optional: {} },
  'households:linkSibling': { required: { studentId: 'id', siblingId: 'id' }, optional: {} },
  'households:unlink': { required: { studentId: 'id' }, optional: {} },
  'contacts:add': { required: { studentId: 'id', contact: 'contact' }, optional: {} },
  'contacts:update': { required: { studentId: 'id', contactId: 'id', contact: 'contact' }, optional: {} },
  'contacts:remove': { required: { studentId: 'id', contactId: 'id' }, optional: {} },
  'enrollments:create': { required: { studentId: 'id', program: 'text', status: 'enrollmentStatus', statusDate: 'date', dates: 'dates' }, optional: {} },
  'enrollments:update': { required: { id: 'id', dates: 'dates' }, optional: {} },
  'enrollments:changeStatus': { required: { id: 'id', status: 'enrollmentStatus', changedOn: 'date', note: 'optText' }, optional: {} },
  'enrollments:markEntered': { required: { changeId: 'id', enteredOn: 'date' }, optional: {} },
  'team:add': { required: { studentId: 'id', member: 'member' }, optional: {} },
  'team:remove': { required: { id: 'id' }, optional: {} },
  'goals:add': { required: { studentId: 'id', goal: 'text', owner: 'optText', dueOn: 'optDate' }, optional: {} },
  'goals:update': { required: { id: 'id', status: 'goalStatus' }, optional: {} },
  'notes:save': { required: { studentId: 'id', occurredOn: 'date', regime: 'regime', body: 'text', sign: 'bool' }, optional: { id: 'id' } },
  'notes:addAddendum': { required: { noteId: 'id', body: 'text' }, optional: {} },
  'notes:discardDraft': { required: { id: 'id' }, optional: {} },
  'roster:preview': { required: { fileName: 'text', base64: 'base64', source: 'text', mapping: 'mapping' }, optional: {} },
  'roster:commit': { required: { fileName: 'text', base64: 'base64', source: 'text', mapping: 'mapping' }, optional: {} },
  'roster:sources': { required: {}, optional: {} },
  'releases:check': { required: { studentId: 'id', draft: 'releaseDraft' }, optional: {} },
  'releases:save': { required: { studentId: 'id', draft: 'releaseDraft' }, optional: { id: 'id' } },
  'releases:get': { required: { id: 'id' }, optional: {} },
  'releases:list': { required: { studentId: 'id' }, optional: {} },
  'releases:print': { required: { id: 'id' }, optional: {} },
  'releases:recordSignature': { required: { id: 'id', signedOn: 'date', effectiveFrom: 'optDate', copyGivenOn: 'optDate', signatures: 'signatures', scan: 'scan' }, optional: {} },
  'releases:revoke': { required: { id: 'id', receivedOn: 'date', method: 'revocationMethod', receivedBy: 'text' }, optional: {} },
  'releases:openSignedCopy': { required: { attachmentId: 'id' }, optional: {} },
  'releases:gate': { required: { studentId: 'id', recipient: 'gateRecipient', purpose: 'text', categories: 'categories', onDate: 'date', exception: 'exception' }, optional: {} },
  'disclosures:list': { required: { studentId: 'id' }, optional: {} },
  'disclosures:print': { required: { studentId: 'id' }, optional: {} },
  'disclosures:shareSummary': {
    required: { studentId: 'id', recipient: 'gateRecipient', purpose: 'text', categories: 'categories', exception: 'exception', nameInFile: 'bool', openAfterSave: 'bool' },
    optional: {},
  },
  'medicaid:get': { required: { studentId: 'id' }, optional: {} },
  'medicaid:recordNotice': { required: { studentId: 'id', givenOn: 'date', method: 'noticeMethod' }, optional: {} },
  'medicaid:print': { required: { studentId: 'id', language: 'language', parentName: 'optText' }, optional: {} },
  'medicaid:recordDecision': { required: { studentId: 'id', decision: 'm5Decision', decidedOn: 'date', signedBy: 'text' }, optional: {} },
  'medicaid:withdraw': { required: { id: 'id', withdrawnOn: 'date', receivedBy: 'text' }, optional: {} },
  'services:preview': { required: { fields: 'entryFields' }, optional: { id: 'id' } },
  'services:save': { required: { fields: 'entryFields', sign: 'bool' }, optional: { id: 'id' } },
  'services:saveGroup': { required: { studentIds: 'studentIds', fields: 'entryFieldsBase', sign: 'bool' }, optional: {} },
  'services:sign': { required: { id: 'id' }, optional: {} },
  'services:discardDraft': { required: { id: 'id' }, optional: {} },
  'services:correct': { required: { id: 'id', changes: 'changes', reason: 'text' }, optional: {} },
  'services:list': { required: { studentId: 'optId', month: 'optMonth' }, optional: {} },
  'services:last': { required: { studentId: 'optId' }, optional: {} },
  'services:templates': { required: {}, optional: {} },
  'services:saveTemplate': { required: { name: 'text', fields: 'templateFields' }, optional: {} },
  'services:deleteTemplate': { required: { id: 'id' }, optional: {} },
  'authorizations:list': { required: { studentId: 'id' }, optional: {} },
  'authorizations:save': { required: { fields: 'authorization' }, optional: { id: 'id' } },
  'billing:month': { required: { program: 'billingProgram', month: 'month' }, optional: {} },
  'billing:export': { required: { program: 'billingProgram', month: 'month', exception: 'exception', includeNarratives: 'bool' }, optional: {} },
  'billing:batches': { required: { program: 'billingProgram', month: 'month' }, optional: {} },
  'billing:void': { required: { batchId: 'id', reason: 'text' }, optional: {} },
  'billing:timePicture': { required: { month: 'month' }, optional: {} },
  'billing:profiles': { required: {}, optional: {} },
  'billing:saveProfile': { required: { profile: 'profile' }, optional: {} },
  'providers:list': { required: {}, optional: {} },
  'providers:save': { required: { fields: 'providerFields' }, optional: { id: 'id' } },
  'providers:compare': { required: { providerIds: 'studentIds' }, optional: {} },
  'providers:printChecklist': { required: { providerId: 'id', evaluationId: 'optId' }, optional: {} },
  'checklist:template': { required: {}, optional: {} },
  'evaluations:save': { required: { providerId: 'id', ratings: 'ratings', completedBy: 'text', completedOn: 'date', override: 'override' }, optional: {} },
  'evaluations:list': { required: { providerId: 'id' }, optional: {} },
  'referrals:list': { required: { studentId: 'optId', providerId: 'optId' }, optional: {} },
  'referrals:save': { required: { fields: 'referralFields' }, optional: { id: 'id' } },
  'referrals:transition': { required: { id: 'id', to: 'referralStatus', on: 'date' }, optional: {} },
  'referrals:packet': {
    required: { referralId: 'id', purpose: 'text', categories: 'categories', exception: 'exception', attachments: 'attachments', nameInFile: 'bool', openAfterSave: 'bool' },
    optional: {},
  },
};

/** How each field is named in messages: plain words, never the key itself. */
export const label = (field: string) => fieldLabel([field]);

export const VALID: Record<Kind, unknown> = {
  passphraseAttempt: 'some attempt',
  newPassphrase: 'a fine new passphrase',
  recoveryKey: randomBytes(32).toString('hex'),
  minutes: 30,
  plainText: 'Plain name',
  id: '3f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f',
  date: '2026-11-02',
  optDate: null,
  text: 'Some words',
  optText: null,
  bool: true,
  months: 6,
  limit: 10,
  searchText: 'river',
  regime: 'county',
  studentStatus: null,
  enrollmentStatus: 'active',
  goalStatus: 'met',
  student: {},
  contact: {
    firstName: 'Ana',
    lastName: 'Lor',
    phone: null,
    email: null,
    preferredLanguage: null,
    relationship: 'Mother',
    legalAuthority: 'parent',
    courtOrderOnFile: false,
    noContact: false,
    noAccess: false,
    note: null,
  },
  member: { name: 'Pat Example', role: 'Teacher', organization: null, phone: null, email: null },
  dates: {},
  patch: {},
  base64: 'U3R1ZGVudCBJRA==',
  mapping: {},
  releaseDraft: { discloser: 'county', recipients: [], purpose: 'Care coordination', categories: ['attendance'], otherDescription: null, expiry: null, language: 'en', regimes: ['FERPA'] },
  signatures: [{ role: 'parent_or_guardian', signedName: 'Pa Vang' }],
  scan: null,
  revocationMethod: 'written',
  gateRecipient: { name: 'Trempealeau County intake', contactId: null, providerId: null, className: null },
  categories: ['attendance'],
  exception: null,
  noticeMethod: 'mail',
  m5Decision: 'given',
  language: 'en',
  entryFieldsBase: { date: '2026-11-02', time: { kind: 'clock', startTime: '09:00', endTime: '09:40', endsNextDay: false }, travelMinutes: 0, documentationMinutes: 10, activity: 'home_visit', contactMode: 'in_person', contactType: 'parent', placeOfService: '12', personsPresent: null, program: 'CLTS', fundingStream: 'clts', goalId: null, authorizationId: null, narrative: 'Home visit', followUp: null },
  entryFields: { studentId: '3f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f', ...{ date: '2026-11-02', time: { kind: 'clock', startTime: '09:00', endTime: '09:40', endsNextDay: false }, travelMinutes: 0, documentationMinutes: 10, activity: 'home_visit', contactMode: 'in_person', contactType: 'parent', placeOfService: '12', personsPresent: null, program: 'CLTS', fundingStream: 'clts', goalId: null, authorizationId: null, narrative: 'Home visit', followUp: null } },
  studentIds: ['3f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f', '4f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f'],
  changes: { placeOfService: '03' },
  optMonth: null,
  optId: null,
  authorization: { studentId: '3f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f', program: 'CLTS', number: 'PA-1', procedureCode: 'T1016', modifiers: [], unitsAuthorized: 40, startOn: '2026-09-01', endOn: '2027-08-31', diagnosisCode: null, providerId: null },
  templateFields: { activity: 'home_visit' },
  billingProgram: 'CLTS',
  month: '2026-11',
  profile: DEFAULT_CLTS_PROFILE,
  providerId: '1234567890',
  providerFields: { kind: 'agency', name: 'Sunrise Counseling', services: ['Therapy'], ages: { min: 5, max: 18 }, languages: ['English'], payment: ['medicaid'], delivery: ['telehealth'], location: 'Arcadia', contacts: [], acceptingReferrals: true, waitlistWeeks: null, medicaidProviderId: null, notes: '', lastVerifiedOn: null },
  ratings: [{ criterionKey: 'services_gap', rating: 'agree', evidence: 'Play therapy' }],
  override: null,
  referralFields: { studentId: '3f1c2b9e-8a7d-4c3b-9e2f-1a2b3c4d5e6f', target: { countyIntake: 'CLTS' }, reason: 'Needs respite', urgency: 'routine', expectedOutcome: '', followUpOn: null, outcomeNote: '' },
  referralStatus: 'sent',
  attachments: [],
};

/** n characters (code points, which is how the caps count: '😀' is one character, two UTF-16 units). */
export const oversized = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.constantFrom('a', 'é', '😀', ' ', '0')).map(([n, ch]) => ch.repeat(n));
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
  fc.constant(new Date(0)),
);
export const withLoneSurrogate = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'), fc.string({ maxLength: 20 }))
  .map(([a, s, b]) => `${a}${s}x${b}`);
export const withControl = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '\u0007', '\u001B', '\u007F', '\u000B'), fc.string({ maxLength: 20 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
export const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF');

export const notAnObject = wrongType.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date);
export const badDate = fc.oneof(wrongType, fc.constantFrom('2026-02-30', '11/02/2026', '2026-13-01', '', '1850-01-01', '2026-1-2'));
export const badText = fc.oneof(wrongType, fc.constantFrom('', '   '), oversized(20_001, 30_000), withLoneSurrogate, withControl);
export const badEnum = fc.oneof(wrongType, fc.constantFrom('nonsense', '', 'ACTIVE'));

/** Values that are wrong for a field of this kind, by construction. */
export const BAD: Record<Kind, fc.Arbitrary<unknown>> = {
  id: fc.oneof(wrongType, fc.constantFrom('', 'not-an-id', '3f1c2b9e8a7d4c3b9e2f1a2b3c4d5e6f', `${'a'.repeat(36)}`)),
  date: badDate,
  optDate: badDate.filter((v) => v !== null),
  text: badText,
  optText: fc.oneof(wrongType.filter((v) => v !== null), oversized(20_001, 30_000), withLoneSurrogate, withControl),
  bool: fc.oneof(fc.constantFrom('yes', 1, 0, null, 'true'), fc.array(fc.boolean(), { maxLength: 2 })),
  months: fc.constantFrom(0, 25, 1.5, '6', null, -3),
  limit: fc.constantFrom(0, 51, 2.5, '10', null),
  searchText: fc.oneof(wrongType, oversized(201, 2_000)),
  regime: badEnum,
  studentStatus: badEnum.filter((v) => v !== null),
  enrollmentStatus: badEnum,
  goalStatus: badEnum,
  student: notAnObject,
  contact: fc.oneof(notAnObject, fc.constant({ firstName: 'Only a first name' })),
  member: fc.oneof(notAnObject, fc.constant({ name: '' })),
  dates: fc.oneof(notAnObject, fc.constant({ referralDate: '2026-02-30' }), fc.constant({ unknownDate: '2026-01-01' })),
  patch: fc.oneof(notAnObject, fc.constant({ dob: 'yesterday' }), fc.constant({ colour: 'red' })),
  base64: fc.oneof(wrongType, fc.constantFrom('not base64!', '%%%', 'abc=def')),
  mapping: fc.oneof(notAnObject.filter((v) => v !== null), fc.constant({ favouriteColour: 'Colour' }), fc.constant({ dob: 42 })),
  releaseDraft: fc.oneof(notAnObject, fc.constant({ discloser: 'nobody' })),
  signatures: fc.oneof(
    notAnObject.filter((v) => !Array.isArray(v) || v.length > 0),
    fc.constant([]),
    fc.constant([{ role: 'cousin', signedName: 'X' }]),
    // A drawn signature that is not text at all (a wrong base64 string is refused with the signer named: tests/releases-signature.test.ts).
    fc.constant([{ role: 'student', signedName: 'X', pngBase64: 42 }]),
  ),
  scan: fc.oneof(fc.constantFrom('scan.pdf', 42, true), fc.constant({ fileName: 'a.exe', mime: 'application/x-msdownload', base64: '' })),
  revocationMethod: badEnum,
  gateRecipient: fc.oneof(notAnObject, fc.constant({ name: '' })),
  categories: fc.oneof(notAnObject.filter((v) => !Array.isArray(v) || v.length > 0), fc.constant([]), fc.constant(['secrets'])),
  exception: fc.oneof(fc.constantFrom('emergency', 7), fc.constant({ kind: 'because', reason: 'x' })),
  noticeMethod: badEnum,
  m5Decision: badEnum,
  language: fc.oneof(badEnum, fc.constantFrom('hmn', 'EN')),
  entryFields: fc.oneof(notAnObject, fc.constant({ studentId: 'x' }), fc.constant({ date: '2026-02-30' })),
  entryFieldsBase: fc.oneof(notAnObject, fc.constant({ time: { kind: 'clock', startTime: '25:00', endTime: '26:00', endsNextDay: false } })),
  studentIds: fc.oneof(notAnObject.filter((v) => !Array.isArray(v) || v.length > 0), fc.constant([]), fc.constant(['not-an-id', 'nor-this'])),
  changes: fc.oneof(notAnObject, fc.constant({ narrative: 'rewritten' }), fc.constant({ placeOfService: 'school' })),
  optMonth: fc.constantFrom('2026-13', '11/2026', 2026, '', '2026-1'),
  optId: fc.oneof(fc.constantFrom('', 'not-an-id', 42, true)),
  authorization: fc.oneof(notAnObject, fc.constant({ number: '' }), fc.constant({ unitsAuthorized: -4 })),
  templateFields: fc.oneof(notAnObject, fc.constant({ colour: 'red' }), fc.constant({ activity: 'juggling' })),
  billingProgram: fc.oneof(badEnum, fc.constantFrom('clts', 'IRIS')),
  providerId: fc.oneof(wrongType.filter((v) => v !== null), oversized(21, 200), withControl),
  providerFields: fc.oneof(notAnObject, fc.constant({ name: '' }), fc.constant({ kind: 'robot' })),
  ratings: fc.oneof(notAnObject.filter((v) => !Array.isArray(v) || v.length > 0), fc.constant([{ criterionKey: 'x', rating: 'love it', evidence: '' }])),
  override: fc.oneof(fc.constantFrom('exceeds', 7), fc.constant({ verdict: 'great', reason: 'x' }), fc.constant({ verdict: 'meets', reason: '' })),
  referralFields: fc.oneof(notAnObject, fc.constant({ target: { providerId: 'nope' } })),
  referralStatus: badEnum,
  attachments: fc.oneof(notAnObject.filter((v) => !Array.isArray(v)), fc.constant([{ title: 'x', category: 'secrets', fileName: 'a.pdf', mime: 'application/pdf', base64: '' }]), fc.constant([{ title: 'x', category: 'attendance', fileName: 'a.exe', mime: 'application/x-msdownload', base64: '' }])),
  month: fc.oneof(wrongType, fc.constantFrom('2026-13', '11/2026', '', '2026-1')),
  profile: fc.oneof(notAnObject, fc.constant({ ...DEFAULT_CLTS_PROFILE, unitMinutes: 0 }), fc.constant({ ...DEFAULT_CLTS_PROFILE, roundingRule: 'coin_toss' })),
  passphraseAttempt: fc.oneof(wrongType, fc.constant(''), oversized(1025, 20_000)),
  newPassphrase: fc.oneof(
    wrongType,
    fc.string({ maxLength: 7 }),
    oversized(2_000, 20_000),
    withLoneSurrogate.map((s) => `long enough ${s} text`),
    fc.constantFrom(' leading space ok', 'trailing space ok ', '\tTabbed passphrase'),
  ),
  recoveryKey: fc.oneof(
    wrongType,
    fc.string({ maxLength: 3 }),
    fc.array(hexChar, { minLength: 1, maxLength: 63 }).map((cs) => cs.join('')),
    fc.array(hexChar, { minLength: 65, maxLength: 120 }).map((cs) => cs.join('')),
    withLoneSurrogate,
    withControl.filter((s) => !/^[\s0-9a-fA-F-]*$/.test(s)),
    fc.constant(`${'0'.repeat(63)}g`),
    oversized(2_000, 20_000),
  ),
  minutes: fc.oneof(
    fc.constantFrom(0, -1, 241, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '15', null, true, [15], { minutes: 15 }),
    fc.integer({ max: 0 }),
    fc.integer({ min: 241 }),
    fc.double({ min: 1.0001, max: 239.999, noNaN: true }).filter((x) => !Number.isInteger(x)),
  ),
  plainText: fc.oneof(
    wrongType.filter((v) => v !== undefined),
    oversized(201, 20_000),
    oversized(2_000, 20_000),
    withLoneSurrogate,
    withControl,
  ),
};

export interface Attempt {
  kind: string;
  input: unknown;
  /** The field the error must name, when one field is at fault. */
  field?: string;
}

export function validBase(shape: Shape): Record<string, unknown> {
  return Object.fromEntries(Object.entries(shape.required).map(([k, kind]) => [k, VALID[kind]]));
}

export function malformed(channel: ChannelName): fc.Arbitrary<Attempt> {
  const shape = SHAPES[channel];
  const spec = contract[channel];
  const known = new Set([...Object.keys(shape.required), ...Object.keys(shape.optional)]);
  const hasRequired = Object.keys(shape.required).length > 0;
  const options: fc.Arbitrary<Attempt>[] = [
    // Anything at all that the schema would not accept (the API treats null/undefined as {}).
    fc
      .anything({ withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true })
      .filter((input) => !spec.input.safeParse(input ?? {}).success)
      .map((input) => ({ kind: 'anything', input })),
    fc.array(fc.anything(), { maxLength: 4 }).map((input) => ({ kind: 'array', input })),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.double()).map((input) => ({ kind: 'primitive', input })),
    // A valid object plus keys the contract does not know.
    fc
      .dictionary(
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== '__proto__'),
        fc.anything(),
        { minKeys: 1, maxKeys: 3 },
      )
      .map((extra) => ({ kind: 'extra-keys', input: { ...validBase(shape), ...extra } })),
    fc.constant({ kind: 'own __proto__ key', input: JSON.parse(`{"__proto__": {"isAdmin": true}}`) as unknown }),
  ];
  if (hasRequired) {
    options.push(fc.constantFrom<Attempt>({ kind: 'null', input: null }, { kind: 'undefined', input: undefined }, { kind: 'empty object', input: {} }));
  }
  for (const [field, kind] of [...Object.entries(shape.required), ...Object.entries(shape.optional)]) {
    options.push(BAD[kind].map((bad) => ({ kind: `bad ${field}`, input: { ...validBase(shape), [field]: bad }, field })));
  }
  for (const field of Object.keys(shape.required)) {
    const base = validBase(shape);
    delete base[field];
    options.push(fc.constant({ kind: `missing ${field}`, input: base, field }));
  }
  return fc.oneof(...options);
}

