import { describe, expect, it } from 'vitest';
import { isWindowsReservedName, safeFileName } from './file-names.ts';

describe('safeFileName', () => {
  it('keeps an ordinary name and its extension', () => {
    expect(safeFileName('Liaison recovery sheet 2026-01-05.pdf', 'pdf')).toBe('Liaison recovery sheet 2026-01-05.pdf');
  });

  it('adds the extension for the kind when missing', () => {
    expect(safeFileName('Billing March', 'csv')).toBe('Billing March.csv');
    expect(safeFileName('Billing.PDF', 'pdf')).toBe('Billing.pdf');
  });

  it('keeps names in other languages', () => {
    expect(safeFileName('Nguyễn Thị Minh – Xiong Pa Houa.pdf', 'pdf')).toBe('Nguyễn Thị Minh – Xiong Pa Houa.pdf');
  });

  it('never lets a name pick a folder', () => {
    for (const name of ['../../etc/passwd', '..\\..\\Windows\\win.ini', '/etc/passwd', 'C:\\Users\\x.pdf', '~/x']) {
      const safe = safeFileName(name, 'pdf');
      expect(safe).not.toMatch(/[/\\:]/);
      expect(safe.startsWith('.')).toBe(false);
    }
    expect(safeFileName('Report 2025/26', 'xlsx')).toBe('Report 2025-26.xlsx');
  });

  it('removes bidi overrides and zero-width characters', () => {
    expect(safeFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.exe.pdf');
    expect(safeFileName('a\u2066b\u200Bc\uFEFF.pdf', 'pdf')).toBe('abc.pdf');
  });

  it('removes control characters', () => {
    expect(safeFileName('line\nbreak\u0000nul\ttab.pdf', 'pdf')).toBe('line break nul tab.pdf');
  });

  it('renames Windows device names', () => {
    expect(safeFileName('CON', 'pdf')).toBe('_CON.pdf');
    expect(safeFileName('nul.pdf', 'pdf')).toBe('_nul.pdf');
    expect(safeFileName('com1.backup', 'csv')).toBe('_com1.backup.csv');
    expect(safeFileName('Lpt9', 'xlsx')).toBe('_Lpt9.xlsx');
    expect(safeFileName('Console notes', 'pdf')).toBe('Console notes.pdf');
  });

  it('strips leading and trailing dots and spaces', () => {
    expect(safeFileName('  ..hidden. . ', 'csv')).toBe('hidden.csv');
    expect(safeFileName('...', 'pdf')).toBe('document.pdf');
    expect(safeFileName('', 'pdf')).toBe('document.pdf');
  });

  it('caps the length without splitting characters', () => {
    const safe = safeFileName('Ễ'.repeat(300), 'pdf');
    expect(new TextEncoder().encode(safe).length).toBeLessThanOrEqual(255);
    expect(safe.endsWith('Ễ.pdf')).toBe(true);
    const emoji = safeFileName('😀'.repeat(100), 'pdf');
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('isWindowsReservedName', () => {
  it('matches device names with any extension', () => {
    expect(isWindowsReservedName('aux.tar.gz')).toBe(true);
    expect(isWindowsReservedName('CONIN$')).toBe(true);
    expect(isWindowsReservedName('auxiliary.txt')).toBe(false);
  });
});
