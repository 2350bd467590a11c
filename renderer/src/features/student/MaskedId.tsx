/** A Medicaid or county participant ID, hidden until she asks to see it (and hidden again after a minute). */
import { Anchor, Group, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';

export function MaskedId({ label, value }: { label: string; value: string | null }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(false), 60_000);
    return () => clearTimeout(timer);
  }, [shown]);

  if (!value) {
    return (
      <Text span fz="sm" c="dimmed">
        {label}: none recorded
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Text span fz="sm">
        {label}:
      </Text>
      {shown ? (
        <Text span fz="sm" ff="monospace">
          {value}
        </Text>
      ) : (
        <Text span fz="sm" ff="monospace">
          <span aria-hidden="true">••••••</span>
          <VisuallyHidden>hidden</VisuallyHidden>
        </Text>
      )}
      <Anchor component="button" type="button" fz="xs" onClick={() => setShown(!shown)} aria-label={`${shown ? 'Hide' : 'Show'} ${label}`}>
        {shown ? 'Hide' : 'Show'}
      </Anchor>
    </Group>
  );
}
