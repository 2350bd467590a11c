/**
 * What Liaison reads from a roster, and how column names from Skyward,
 * Infinite Campus and PowerSchool exports are recognized. The suggestion is
 * only a starting point: she confirms or changes each column before import.
 */

export type RosterField =
  | 'schoolStudentId'
  | 'legalFirst'
  | 'legalMiddle'
  | 'legalLast'
  | 'preferredName'
  | 'dob'
  | 'grade'
  | 'school'
  | 'district'
  | 'medicaidId'
  | 'guardianName'
  | 'guardianRelationship'
  | 'guardianPhone'
  | 'guardianEmail'
  | 'guardianLanguage';

/** Field -> header text in the file. */
export type Mapping = Partial<Record<RosterField, string>>;

export const ROSTER_FIELDS: readonly { field: RosterField; label: string; required: boolean }[] = [
  { field: 'schoolStudentId', label: 'School student ID', required: false },
  { field: 'legalFirst', label: 'Legal first name', required: true },
  { field: 'legalMiddle', label: 'Legal middle name', required: false },
  { field: 'legalLast', label: 'Legal last name', required: true },
  { field: 'preferredName', label: 'Preferred name', required: false },
  { field: 'dob', label: 'Date of birth', required: true },
  { field: 'grade', label: 'Grade', required: false },
  { field: 'school', label: 'School', required: false },
  { field: 'district', label: 'District', required: false },
  { field: 'medicaidId', label: 'Medicaid ID', required: false },
  { field: 'guardianName', label: 'Guardian name', required: false },
  { field: 'guardianRelationship', label: 'Guardian relationship', required: false },
  { field: 'guardianPhone', label: 'Guardian phone', required: false },
  { field: 'guardianEmail', label: 'Guardian email', required: false },
  { field: 'guardianLanguage', label: 'Guardian language', required: false },
];

export function fieldLabel(field: RosterField): string {
  return ROSTER_FIELDS.find((f) => f.field === field)?.label ?? field;
}

/** "Student_Number", "student number" and "studentNumber" compare equal; "#" reads as "number". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/#/g, 'number')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Best match first. Generic words ("Phone", "Email", "Language") come last in
 * their lists so a more specific guardian column wins when both are present.
 * Plain "Name" and "Student" are left out: they hold "Last, First" full names.
 */
const SYNONYMS: Record<RosterField, readonly string[]> = {
  schoolStudentId: [
    'Student ID', 'Student Number', 'Student_Number', 'studentNumber', 'Other ID', 'Student #', 'Local Student ID',
    'Local ID', 'Stu ID', 'Student_ID', 'studentId',
  ],
  legalFirst: ['Legal First Name', 'First Name', 'First_Name', 'firstName', 'legalFirstName', 'Student First Name', 'First', 'Given Name'],
  legalMiddle: ['Legal Middle Name', 'Middle Name', 'Middle_Name', 'middleName', 'legalMiddleName', 'Student Middle Name', 'Middle', 'Middle Initial', 'MI'],
  legalLast: ['Legal Last Name', 'Last Name', 'Last_Name', 'lastName', 'legalLastName', 'Student Last Name', 'Last', 'Surname', 'Family Name'],
  preferredName: ['Preferred Name', 'Preferred First Name', 'preferredName', 'Pref_Name', 'Nickname', 'Nick Name', 'Goes By'],
  dob: ['Birthdate', 'Birth Date', 'birthDate', 'Birth_Date', 'Date of Birth', 'DOB'],
  grade: ['Grade', 'Grade Level', 'Grade_Level', 'gradeLevel', 'Current Grade', 'Gr'],
  school: ['School', 'School Name', 'schoolName', 'SchoolName', 'School_Name', 'Building', 'Building Name', 'Entity Name'],
  district: ['District', 'District Name', 'districtName', 'District_Name'],
  medicaidId: [
    'Medicaid ID', 'Medicaid Number', 'medicaidId', 'Medicaid_ID', 'Medicaid', 'MA ID', 'MA Number', 'Medical Assistance ID',
    'ForwardHealth ID', 'MCI', 'MCI Number',
  ],
  guardianName: [
    'Guardian Name', 'guardianName', 'Guardian_Name', 'Parent/Guardian', 'Parent/Guardian Name', 'Parent Guardian Name',
    'Contact 1 Name', 'Primary Contact', 'Primary Contact Name', 'Parent Name', 'Guardian', 'Parent', 'Contact Name',
  ],
  guardianRelationship: [
    'Guardian Relationship', 'guardianRelationship', 'Guardian_Relationship', 'Contact 1 Relationship', 'Relationship to Student',
    'Relationship', 'Relation',
  ],
  guardianPhone: [
    'Guardian Phone', 'guardianPhone', 'Guardian_Phone', 'Contact 1 Phone', 'Parent Phone', 'Home Phone', 'Home_Phone', 'homePhone',
    'Primary Phone', 'Guardian Cell', 'Cell Phone', 'Phone', 'Telephone',
  ],
  guardianEmail: [
    'Guardian Email', 'guardianEmail', 'Guardian_Email', 'Guardian Email Address', 'Contact 1 Email', 'Parent Email',
    'Parent Email Address', 'Email', 'Email Address',
  ],
  guardianLanguage: [
    'Guardian Language', 'guardianLanguage', 'Contact 1 Language', 'Parent Language', 'Home Language', 'homeLanguage',
    'Home_Language', 'Language Spoken at Home', 'Primary Language', 'Language',
  ],
};

const NORMALIZED_SYNONYMS = Object.fromEntries(
  Object.entries(SYNONYMS).map(([field, words]) => [field, words.map(normalizeHeader)]),
) as Record<RosterField, string[]>;

/** Each header is suggested for at most one field, each field gets at most one header. */
export function suggestMapping(headers: readonly string[]): Mapping {
  const normalized = headers.map((h) => (typeof h === 'string' ? normalizeHeader(h) : ''));
  const used = new Set<number>();
  const mapping: Mapping = {};
  for (const { field } of ROSTER_FIELDS) {
    for (const word of NORMALIZED_SYNONYMS[field]) {
      const index = normalized.findIndex((n, i) => n === word && !used.has(i));
      if (index >= 0) {
        used.add(index);
        mapping[field] = headers[index]!;
        break;
      }
    }
  }
  return mapping;
}
