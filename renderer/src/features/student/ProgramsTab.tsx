/** Programs: the student's CLTS, CCS and other enrollments, and enrolling in a new one. */
import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { EnrollForm } from './EnrollForm.tsx';
import { EnrollmentCard } from './EnrollmentCard.tsx';
import { Empty, Section } from './kit.tsx';
import { useRecord } from './record-context.ts';

export function ProgramsTab() {
  const { record } = useRecord();
  const [enrolling, setEnrolling] = useState(false);
  // Open enrollments first, then closed ones.
  const enrollments = [...record.enrollments].sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed'));
  return (
    <Stack gap="md" maw={1100}>
      <Section
        title="Program enrollments"
        actions={
          enrolling ? null : (
            <Button size="compact-sm" variant="light" onClick={() => setEnrolling(true)}>
              Enroll in a program
            </Button>
          )
        }
      >
        {enrolling ? <EnrollForm onDone={() => setEnrolling(false)} /> : null}
        {enrollments.length === 0 ? (
          enrolling ? null : <Empty>Not enrolled in any program — use “Enroll in a program” to record a CLTS or CCS referral.</Empty>
        ) : (
          <Stack gap="md">
            {enrollments.map((e) => (
              <EnrollmentCard key={e.id} enrollment={e} />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
