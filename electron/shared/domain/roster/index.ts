/** Importing a caseload roster from a school information system CSV export. */
export { decodeRoster, type DecodedRoster, type RosterEncoding, type RosterError, type RosterErrorCode } from './decode.ts';
export { MAX_ROSTER_COLUMNS, MAX_ROSTER_FIELD_LENGTH, MAX_ROSTER_ROWS, parseRoster, type ParsedRoster } from './parse.ts';
export { fieldLabel, normalizeHeader, ROSTER_FIELDS, suggestMapping, type Mapping, type RosterField } from './fields.ts';
export { parseRosterDate, type ParsedRosterDate } from './dates.ts';
export {
  previewRoster,
  type ExistingStudent,
  type RosterGuardian,
  type RosterPreview,
  type RosterPreviewInput,
  type RosterProblem,
  type RosterRecord,
  type RosterRowPreview,
} from './preview.ts';
