/** Small pieces the month close screens share. */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { forwardRef, type ReactNode } from 'react';
import type { ApiError } from '../../lib/api.ts';
import { useNavigate } from '../../lib/navigation.ts';
import { isMissingSignerName } from '../student/kit.tsx';

/** A refusal or failure in the server's own words, with a way to Settings when that is where the fix is. */
export function BillingError({ error, title, children }: { error: ApiError | null; title: string; children?: ReactNode }) {
  const navigate = useNavigate();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{error.message}</Text>
        {children}
        {isMissingSignerName(error) ? (
          <Button size="xs" variant="default" onClick={() => navigate({ area: 'settings' })}>
            Open Settings
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/**
 * A short confirmation that stays until the next change, read out by screen
 * readers. It can take focus: the fix that produced it often removes the row
 * (and the button) she was on, and focus should land somewhere that says what happened.
 */
export const Notice = forwardRef<HTMLParagraphElement, { text: string | null }>(function Notice({ text }, ref) {
  return (
    <Text ref={ref} tabIndex={-1} fz="sm" fw={600} c="#1e6b30" role="status" aria-live="polite" style={{ outlineOffset: 2 }}>
      {text ?? ''}
    </Text>
  );
});
