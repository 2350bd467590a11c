import { describe, expect, it } from 'vitest';
import { entry } from './fixtures.ts';
import {
  columnTemplateProblems,
  countedMinutes,
  DEFAULT_CCS_PROFILE,
  DEFAULT_CLTS_PROFILE,
  DEFAULT_COLUMN_TEMPLATE,
  DEFAULT_PROFILES,
  profileFor,
  profileProblems,
} from './profiles.ts';
import type { BillingProfile, ExportField } from './types.ts';

describe('the shipped profiles', () => {
  it('are usable as they are, and still marked as not reviewed', () => {
    for (const p of Object.values(DEFAULT_PROFILES)) {
      expect(profileProblems(p)).toEqual([]);
      expect(p.reviewedOn).toBeNull();
    }
  });

  it('CLTS: the confirmed figures from DOMAIN.md', () => {
    expect(DEFAULT_CLTS_PROFILE).toMatchObject({
      program: 'CLTS',
      fundingStream: 'clts',
      unitMinutes: 15,
      preEnrollment: { days: 90, modifier: 'CG' },
      requiresPriorAuthorization: true,
      requiresMedicaidId: true,
      timelyFilingDays: 365,
    });
  });

  it('CCS: the DHS 36 prerequisites, nothing billed before admission, travel and documentation kept apart', () => {
    expect(DEFAULT_CCS_PROFILE.prerequisites.map((p) => p.key)).toEqual(['functional_screen', 'application_admission', 'prescription_diagnosis', 'mhp_authorization']);
    expect(DEFAULT_CCS_PROFILE.preEnrollment).toEqual({ days: 0, modifier: null });
    for (const p of [DEFAULT_CLTS_PROFILE, DEFAULT_CCS_PROFILE]) {
      expect(p.billableActivities).not.toContain('travel');
      expect(p.billableActivities).not.toContain('documentation');
      expect(p.billTravelMinutes || p.billDocumentationMinutes).toBe(false);
    }
  });

  it('the county column template follows Dane County’s example', () => {
    expect(DEFAULT_COLUMN_TEMPLATE.map((c) => c.field)).toEqual(['participantName', 'dob', 'dateOfService', 'procedureCode', 'modifiers', 'units', 'mciId']);
    expect(DEFAULT_COLUMN_TEMPLATE.find((c) => c.field === 'mciId')?.header).toBe('MCI #');
  });
});

describe('profileFor and countedMinutes', () => {
  it('finds the profile of a program', () => {
    const list = [DEFAULT_CLTS_PROFILE, DEFAULT_CCS_PROFILE];
    expect(profileFor('CCS', list)).toBe(DEFAULT_CCS_PROFILE);
    expect(profileFor('SCHOOL', list)).toBeNull();
  });

  it.each([
    [false, false, 30],
    [true, false, 50],
    [false, true, 40],
    [true, true, 60],
  ])('travel billed %s, documentation billed %s → %i minutes', (travel, documentation, minutes) => {
    const profile = { ...DEFAULT_CLTS_PROFILE, billTravelMinutes: travel, billDocumentationMinutes: documentation };
    expect(countedMinutes(30, entry({ travelMinutes: 20, documentationMinutes: 10 }), profile)).toBe(minutes);
  });
});

describe('profileProblems: an edited profile is checked before it is used', () => {
  const broken: [string, Partial<BillingProfile>, string][] = [
    ['a short procedure code', { procedureCode: 'T101' }, 'The procedure code "T101" should be 5 letters or digits, like T1016.'],
    ['a long modifier', { modifiers: ['CGX'] }, 'The modifier "CGX" should be 2 letters or digits, like CG.'],
    ['a bad pre-enrollment modifier', { preEnrollment: { days: 90, modifier: 'C' } }, 'The modifier "C" should be 2 letters or digits, like CG.'],
    ['a bad contact-mode modifier', { contactModeModifiers: { video: 'G-T' } }, 'The modifier "G-T" should be 2 letters or digits, like CG.'],
    ['a zero-minute unit', { unitMinutes: 0 }, 'A unit must be a whole number of minutes, from 1 to 1440.'],
    ['a fractional unit', { unitMinutes: 7.5 }, 'A unit must be a whole number of minutes, from 1 to 1440.'],
    ['an unknown rounding rule', { roundingRule: 'nearest' as BillingProfile['roundingRule'] }, '"nearest" is not one of the rounding rules.'],
    ['no billable activity', { billableActivities: [] }, 'No activity is billable under this profile.'],
    ['a one-digit place of service', { allowedPlacesOfService: ['3'] }, 'The place of service "3" should be a two-digit code, like 03.'],
    ['no place of service', { allowedPlacesOfService: [] }, 'No place of service is allowed under this profile.'],
    ['no contact mode', { allowedContactModes: [] }, 'No contact mode is allowed under this profile.'],
    ['a negative window', { preEnrollment: { days: -1, modifier: 'CG' } }, 'The pre-enrollment window must be a whole number of days, 0 or more.'],
    ['a negative warning', { authorizationWarningUnits: -2 }, 'The authorization warning must be a whole number of units, 0 or more.'],
    ['no timely filing days', { timelyFilingDays: 0 }, 'Timely filing must be a whole number of days, at least 1.'],
    ['two prerequisites with one key', { prerequisites: [{ key: 'x', label: 'one' }, { key: 'x', label: 'two' }] }, 'Two prerequisites share a key.'],
    ['an empty template', { columnTemplate: [] }, 'The export needs at least one column.'],
  ];
  it.each(broken)('%s', (_name, over, problem) => {
    expect(profileProblems({ ...DEFAULT_CLTS_PROFILE, ...over })).toEqual([problem]);
  });

  it('lower-case codes and modifiers are accepted (they are compared in capitals)', () => {
    expect(profileProblems({ ...DEFAULT_CLTS_PROFILE, procedureCode: 't1016', modifiers: ['u1'] })).toEqual([]);
  });
});

describe('columnTemplateProblems', () => {
  it.each([
    [[{ header: 'Units', field: 'units' }], []],
    [[{ header: ' ', field: 'units' }], ['Column 1 has no header.']],
    [[{ header: 'Units', field: 'units' }, { header: 'units ', field: 'minutes' }], ['The header "units" is used twice.']],
    [[{ header: 'Rate', field: 'rate' }], ['Column 1 asks for "rate", which is not something the export can fill.']],
  ] as const)('%j', (template, problems) => {
    expect(columnTemplateProblems(template.map((c) => ({ header: c.header, field: c.field as ExportField })))).toEqual(problems);
  });
});
