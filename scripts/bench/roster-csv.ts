/**
 * A Skyward-shaped roster export for the import benchmark: quoted fields,
 * doubled quotes, commas inside names, M/D/YYYY dates, zero-padded grades,
 * CRLF line ends, accented and decomposed names. Deterministic from the seed.
 */
import { mulberry32 } from './report.ts';
import { BACKGROUNDS, DISTRICTS, GUARDIAN_RELATIONSHIPS, NAMES } from './vocabulary.ts';

const HEADERS = [
  'Student ID', 'Other ID', 'Name', 'Last Name', 'First Name', 'Middle Name', 'Preferred Name', 'Birthdate', 'Grade', 'Building',
  'Guardian Name', 'Relationship', 'Home Phone', 'Guardian Email', 'Home Language',
];

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** `rows` students, each with one guardian; every row is a new student with a unique ID. */
export function skywardRosterCsv(rows: number, seed = 20_261_123, now: Date = new Date()): string {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const lines = [HEADERS.map(quote).join(',')];
  const year = now.getFullYear();
  for (let i = 0; i < rows; i++) {
    const background = pick(BACKGROUNDS);
    const names = NAMES[background];
    const first = pick(names.first);
    const last = pick(names.last);
    const middle = rand() < 0.3 ? pick(names.middle) : '';
    const preferred = rand() < 0.1 ? pick(names.preferred) : '';
    const age = int(4, 19);
    const dob = { y: year - age - 1, m: int(1, 12), d: int(1, 28) };
    const grade = age <= 5 ? 'KG' : String(Math.min(12, age - 5)).padStart(2, '0');
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const building = district.schools[age <= 10 ? 0 : age <= 13 ? 1 : 2]!;
    const guardianFirst = pick(names.adultFirst);
    const relationship = pick(GUARDIAN_RELATIONSHIPS).relationship;
    const cells = [
      String(200_000 + i),
      String(8_800_000 + i * 7),
      `${last}, ${first}${middle ? ` ${middle}` : ''}`,
      rand() < 0.05 ? last.normalize('NFD') : last,
      first,
      middle,
      preferred,
      `${dob.m}/${dob.d}/${dob.y}`,
      grade,
      building,
      `${last}, ${guardianFirst}`,
      relationship,
      rand() < 0.9 ? `(715) 555-${String(int(0, 9_999)).padStart(4, '0')}` : '',
      rand() < 0.3 ? `${guardianFirst.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase()}${i}@example.org` : '',
      NAMES[background].language,
    ];
    lines.push(cells.map(quote).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
