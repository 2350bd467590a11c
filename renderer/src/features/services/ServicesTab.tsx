/** The student's Services tab: this student's entries, logging one, and the prior authorizations they bill under. */
import { Stack } from '@mantine/core';
import { useState } from 'react';
import { Section } from '../student/kit.tsx';
import { useDirtyReport, useRecord } from '../student/record-context.ts';
import { AuthorizationsSection } from './AuthorizationsSection.tsx';
import { ServiceLog } from './ServiceLog.tsx';

export function ServicesTab() {
  const { record, studentId } = useRecord();
  const [dirty, setDirty] = useState(false);
  useDirtyReport(dirty);
  // A new authorization is most often for the program she bills for this student.
  const open = record.enrollments.filter((e) => e.status !== 'closed').map((e) => e.program);
  const defaultProgram = open.includes('CCS') && !open.includes('CLTS') ? 'CCS' : 'CLTS';

  return (
    <Stack gap="xl" maw={1200}>
      <Section title="Service entries">
        {/* New entries start from "Log a service" in the record's header, always in view. */}
        <ServiceLog studentId={studentId} startAllMonths onDirtyChange={setDirty} />
      </Section>
      <AuthorizationsSection studentId={studentId} defaultProgram={defaultProgram} />
    </Stack>
  );
}
