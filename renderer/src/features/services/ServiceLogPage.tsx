/** The Service log area: every student's entries by month, and logging a service. */
import { Button } from '@mantine/core';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ServiceLog } from './ServiceLog.tsx';

export function ServiceLogPage() {
  return (
    <>
      <PageTitle>Service log</PageTitle>
      <ServiceLog renderLogButton={(open) => <Button onClick={open}>Log a service</Button>} />
    </>
  );
}
