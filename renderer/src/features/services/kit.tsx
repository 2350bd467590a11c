/** Small pieces the service log screens share, usable inside and outside the student record. */
import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../../lib/api.ts';
import { useNavigate } from '../../lib/navigation.ts';
import { isMissingSignerName } from '../student/kit.tsx';

/**
 * An API error said plainly, with a way to Settings when her name is what is
 * missing. `beforeLeaving` lets a window (the Ctrl+N one) close first.
 */
export function ServiceError({ error, title, children, beforeLeaving }: { error: ApiError | null; title: string; children?: ReactNode; beforeLeaving?: () => void }) {
  const navigate = useNavigate();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{error.message}</Text>
        {children}
        {isMissingSignerName(error) ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              beforeLeaving?.();
              navigate({ area: 'settings' });
            }}
          >
            Open Settings to add your name
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** A short confirmation that stays until the next change, read out by screen readers. */
export function Notice({ text }: { text: string | null }) {
  return (
    <Text fz="sm" fw={600} c="#1e6b30" role="status" aria-live="polite" mih={text ? undefined : 0}>
      {text ?? ''}
    </Text>
  );
}
