import { describe, expect, it } from 'vitest';
import { normalizeHeader, ROSTER_FIELDS, suggestMapping } from './fields.ts';

describe('ROSTER_FIELDS', () => {
  it('requires legal first and last name and date of birth, labelled in plain words', () => {
    expect(ROSTER_FIELDS.filter((f) => f.required).map((f) => f.field)).toEqual(['legalFirst', 'legalLast', 'dob']);
    expect(ROSTER_FIELDS.find((f) => f.field === 'dob')?.label).toBe('Date of birth');
    expect(new Set(ROSTER_FIELDS.map((f) => f.field)).size).toBe(15);
  });
});

describe('normalizeHeader', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    expect(normalizeHeader(' Student_Number ')).toBe('studentnumber');
    expect(normalizeHeader('studentNumber')).toBe('studentnumber');
    expect(normalizeHeader('Student #')).toBe('studentnumber');
    expect(normalizeHeader('Parent/Guardian')).toBe('parentguardian');
    expect(normalizeHeader('Télephone')).toBe('telephone');
  });
});

describe('suggestMapping', () => {
  it('Skyward', () => {
    const headers = ['Student ID', 'Other ID', 'Name', 'Last Name', 'First Name', 'Middle Name', 'Preferred Name', 'Birthdate', 'Grade', 'Building', 'Guardian Name', 'Relationship', 'Home Phone', 'Guardian Email', 'Home Language'];
    expect(suggestMapping(headers)).toEqual({
      schoolStudentId: 'Student ID',
      legalFirst: 'First Name',
      legalMiddle: 'Middle Name',
      legalLast: 'Last Name',
      preferredName: 'Preferred Name',
      dob: 'Birthdate',
      grade: 'Grade',
      school: 'Building',
      guardianName: 'Guardian Name',
      guardianRelationship: 'Relationship',
      guardianPhone: 'Home Phone',
      guardianEmail: 'Guardian Email',
      guardianLanguage: 'Home Language',
    });
    expect(suggestMapping(['Other ID', 'First Name', 'Last Name', 'School'])).toMatchObject({ schoolStudentId: 'Other ID', school: 'School' });
  });

  it('Infinite Campus', () => {
    const headers = ['studentNumber', 'lastName', 'firstName', 'middleName', 'birthDate', 'grade', 'schoolName', 'districtName', 'guardianName', 'guardianRelationship', 'homePhone', 'guardianEmail', 'homeLanguage', 'comments'];
    expect(suggestMapping(headers)).toEqual({
      schoolStudentId: 'studentNumber',
      legalFirst: 'firstName',
      legalMiddle: 'middleName',
      legalLast: 'lastName',
      dob: 'birthDate',
      grade: 'grade',
      school: 'schoolName',
      district: 'districtName',
      guardianName: 'guardianName',
      guardianRelationship: 'guardianRelationship',
      guardianPhone: 'homePhone',
      guardianEmail: 'guardianEmail',
      guardianLanguage: 'homeLanguage',
    });
  });

  it('PowerSchool', () => {
    const headers = ['Student_Number', 'Last_Name', 'First_Name', 'Middle_Name', 'DOB', 'Grade_Level', 'SchoolName', 'Guardian', 'Home_Phone', 'Guardian_Email', 'Home_Language'];
    expect(suggestMapping(headers)).toEqual({
      schoolStudentId: 'Student_Number',
      legalFirst: 'First_Name',
      legalMiddle: 'Middle_Name',
      legalLast: 'Last_Name',
      dob: 'DOB',
      grade: 'Grade_Level',
      school: 'SchoolName',
      guardianName: 'Guardian',
      guardianPhone: 'Home_Phone',
      guardianEmail: 'Guardian_Email',
      guardianLanguage: 'Home_Language',
    });
  });

  it('other guardian column shapes, preferring the specific column over the generic one', () => {
    expect(suggestMapping(['Parent/Guardian', 'Phone', 'Email', 'Language'])).toEqual({
      guardianName: 'Parent/Guardian',
      guardianPhone: 'Phone',
      guardianEmail: 'Email',
      guardianLanguage: 'Language',
    });
    expect(suggestMapping(['Phone', 'Contact 1 Name', 'Contact 1 Phone', 'Email', 'Contact 1 Email'])).toEqual({
      guardianName: 'Contact 1 Name',
      guardianPhone: 'Contact 1 Phone',
      guardianEmail: 'Contact 1 Email',
    });
  });

  it('uses each header at most once and maps the first of two equal headers', () => {
    const mapping = suggestMapping(['First Name', 'First Name (2)', 'first_name', 'Last Name']);
    expect(mapping).toEqual({ legalFirst: 'First Name', legalLast: 'Last Name' });
    const values = Object.values(mapping);
    expect(new Set(values).size).toBe(values.length);
  });

  it('suggests nothing for columns it does not know, nor for a full-name column', () => {
    expect(suggestMapping(['Name', 'Student', 'Bus Route', 'Locker', ''])).toEqual({});
    expect(suggestMapping([])).toEqual({});
  });
});
