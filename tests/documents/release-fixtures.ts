/** Sample releases and a tiny real PNG "signature", for the document tests. */
import { deflateSync } from 'node:zlib';
import type { ReleaseFormData } from '../../electron/documents/release-form.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A width×height 8-bit RGB PNG: white, with a dark-blue scribble like a signature. */
export function signaturePng(width = 160, height = 40): Uint8Array {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const curve = height / 2 + Math.sin(x / 7) * (height / 3) * Math.cos(x / 31);
      if (Math.abs(y - curve) < 1.6) row.fill(0x20, 1 + x * 3, 1 + x * 3 + 2).writeUInt8(0x70, 1 + x * 3 + 2);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', new Uint8Array(0))]));
}

export const XSS = '<img src=x onerror=alert(1)>';

export function englishRelease(overrides: Partial<ReleaseFormData> = {}): ReleaseFormData {
  return {
    organization: 'Arcadia School District · Trempealeau County Department of Human Services',
    formId: 'ROI-2026-0042',
    verificationCode: 'K7QF-2M9D',
    student: { name: 'Nguyễn Thị Hằng', dob: '2011-04-09' },
    disclosers: ['Arcadia School District', 'Trempealeau County Department of Human Services'],
    recipients: [
      'Dr. Ana Ruiz, Northwoods Family Counseling, 210 Main St., Whitehall, WI 54773',
      'Gundersen Health System pediatric clinic, 18701 Hwy 93, Arcadia, WI 54612',
    ],
    purpose: 'To coordinate mental health services and the student’s IEP between school, county and clinic.',
    categories: [
      { label: 'Attendance records' },
      { label: 'IEP and evaluation reports', note: 'current school year only' },
      { label: 'Mental health assessment and treatment plan' },
      { label: 'Substance use screening and treatment records' },
    ],
    expiry: { kind: 'date', on: '2027-06-30' },
    regimes: ['FERPA', 'HIPAA', 'WI_51_30', 'WI_146_81', 'CFR42_PART2'],
    revokeTo: { name: 'Trempealeau County DHS, Privacy Officer', address: '36245 Main St., Whitehall, WI 54773' },
    signers: [
      { caption: 'Parent or legal guardian', name: 'Txiv Yaj', authorityLine: true },
      { caption: 'Student (age 14 or older)', name: 'Ntxhais Vaj' },
    ],
    preparedBy: 'Kari Halvorson, School Social Worker',
    preparedOn: '2026-11-23',
    ...overrides,
  };
}

export function spanishRelease(overrides: Partial<ReleaseFormData> = {}): ReleaseFormData {
  return {
    organization: 'Distrito Escolar de Arcadia',
    formId: 'ROI-2026-0043',
    verificationCode: 'P3XW-8HNA',
    student: { name: 'José Ángel Peña Núñez', dob: '2013-12-01' },
    disclosers: ['Arcadia School District'],
    recipients: ['Clínica Familiar del Río, 12 Oak St., Independence, WI 54747'],
    purpose: 'Coordinar los servicios de salud mental del estudiante con la escuela.',
    categories: [{ label: 'Registros de asistencia' }, { label: 'Evaluación de salud mental', note: 'solo el año escolar actual' }],
    expiry: { kind: 'event', event: 'el final del año escolar 2026-2027' },
    regimes: ['FERPA', 'HIPAA'],
    revokeTo: { name: 'Arcadia School District, Pupil Services', address: '756 Raider Dr., Arcadia, WI 54612' },
    signers: [{ caption: 'Padre, madre o tutor legal', name: 'María Peña Núñez' }],
    preparedBy: 'Kari Halvorson',
    preparedOn: '2026-11-23',
    ...overrides,
  };
}
