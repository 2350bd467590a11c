/** Students, their schools, households and guardians/contacts. */
import { z } from 'zod';
import { CONSENT_LEVELS, type ConsentLevel, type ConsentSummary } from '../domain/consent/summary.ts';
import { id, isoDate, optionalText, requiredText } from './common.ts';

export const studentStatus = z.enum(['active', 'inactive']);

export const studentFields = z.object({
  legalFirst: requiredText(100),
  legalMiddle: optionalText(100),
  legalLast: requiredText(100),
  preferredName: optionalText(100),
  dob: isoDate.nullable(),
  grade: optionalText(20),
  schoolId: id.nullable(),
  schoolStudentId: optionalText(50),
  medicaidId: optionalText(20),
  mciId: optionalText(20),
  iep: z.boolean(),
  plan504: z.boolean(),
  fosterCare: z.boolean(),
  mckinneyVento: z.boolean(),
  status: studentStatus,
});
export type StudentFields = z.infer<typeof studentFields>;

/** A student with nothing but what is given: no flags, active. */
export function blankStudent(names: Pick<StudentFields, 'legalFirst' | 'legalLast'> & Partial<StudentFields>): StudentFields {
  return {
    legalMiddle: null,
    preferredName: null,
    dob: null,
    grade: null,
    schoolId: null,
    schoolStudentId: null,
    medicaidId: null,
    mciId: null,
    iep: false,
    plan504: false,
    fosterCare: false,
    mckinneyVento: false,
    status: 'active',
    ...names,
  };
}

export const createStudentInput = studentFields.strict();
export const updateStudentInput = z.strictObject({ id, patch: studentFields.partial().strict() });

export const school = z.object({ id, name: z.string(), districtId: id.nullable(), districtName: z.string().nullable() });
export const createSchoolInput = z.strictObject({ name: requiredText(120), districtName: optionalText(120) });

export const legalAuthority = z.enum(['parent', 'legal_guardian', 'legal_representative', 'none']);

export const contactFields = z.object({
  firstName: requiredText(100),
  lastName: requiredText(100),
  phone: optionalText(40),
  email: optionalText(200),
  preferredLanguage: optionalText(60),
  relationship: requiredText(60),
  legalAuthority,
  courtOrderOnFile: z.boolean(),
  noContact: z.boolean(),
  noAccess: z.boolean(),
  note: optionalText(500),
});
export type ContactFields = z.infer<typeof contactFields>;

export const addContactInput = z.strictObject({ studentId: id, contact: contactFields.strict() });
export const updateContactInput = z.strictObject({ studentId: id, contactId: id, contact: contactFields.strict() });
export const removeContactInput = z.strictObject({ studentId: id, contactId: id });

export const linkSiblingInput = z.strictObject({ studentId: id, siblingId: id });
export const unlinkHouseholdInput = z.strictObject({ studentId: id });

export const caseloadQuery = z.strictObject({
  status: studentStatus.nullable(),
  schoolId: id.nullable(),
  grade: optionalText(20),
  program: optionalText(40),
});

/** A student's releases at a glance (electron/shared/domain/consent/summary.ts). */
export const consentSummary = z.object({
  level: z.enum(CONSENT_LEVELS as [ConsentLevel, ...ConsentLevel[]]),
  activeCount: z.number().int(),
  nextEndDate: z.string().nullable(),
  startsOn: z.string().nullable(),
}) satisfies z.ZodType<ConsentSummary>;

export const caseloadRow = z.object({
  id,
  name: z.string(),
  preferredName: z.string().nullable(),
  sortKey: z.string(),
  dob: z.string().nullable(),
  grade: z.string().nullable(),
  school: z.string().nullable(),
  district: z.string().nullable(),
  programs: z.array(z.string()),
  status: studentStatus,
  nextDue: z.object({ title: z.string(), dueOn: z.string(), overdue: z.boolean() }).nullable(),
  householdSize: z.number().int(),
  consent: consentSummary,
});
export type CaseloadRow = z.infer<typeof caseloadRow>;
export const caseloadList = z.object({ rows: z.array(caseloadRow), schools: z.array(school) });
