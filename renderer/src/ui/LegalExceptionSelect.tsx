/** The legal exception a disclosure may rest on instead of a release; its limits show once one is chosen. */
import { Select } from '@mantine/core';
import { EXCEPTION_KINDS, LEGAL_EXCEPTIONS, type ExceptionKind } from '../../../electron/shared/domain/consent/exceptions.ts';

const EXCEPTIONS = EXCEPTION_KINDS.map((k) => ({ value: k, label: LEGAL_EXCEPTIONS[k].label }));

export function LegalExceptionSelect({ value, onChange, whenNone }: { value: ExceptionKind | null; onChange(value: ExceptionKind | null): void; whenNone: string }) {
  return (
    <Select
      label="Legal exception"
      description={value ? (LEGAL_EXCEPTIONS[value].limit ?? LEGAL_EXCEPTIONS[value].cite) : whenNone}
      placeholder="None: a release must cover it"
      data={EXCEPTIONS}
      clearable
      clearButtonProps={{ 'aria-label': 'Clear the legal exception' }}
      maw={520}
      value={value}
      onChange={(v) => onChange(v as ExceptionKind | null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
