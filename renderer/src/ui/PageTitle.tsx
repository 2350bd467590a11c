import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The page's one h1, with room for actions on the right. */
export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="lg" wrap="nowrap">
      <Title order={1} fz={26}>
        {children}
      </Title>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
