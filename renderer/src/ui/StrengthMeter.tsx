import { Progress, Text } from '@mantine/core';
import { passphraseStrength } from '../lib/strength.ts';

const COLORS = ['red', 'red', 'yellow', 'teal', 'green'] as const;

/** Shows how guessable a new passphrase is, in words as well as colour. */
export function StrengthMeter({ value, id }: { value: string; id: string }) {
  const strength = passphraseStrength(value);
  if (!value) {
    return (
      <Text id={id} fz="sm" c="dimmed">
        A few unrelated words are easy to remember and hard to guess.
      </Text>
    );
  }
  return (
    <div id={id} aria-live="polite">
      <Progress value={(strength.score + 1) * 20} color={COLORS[strength.score]} size="sm" aria-hidden="true" />
      <Text fz="sm" mt={6}>
        <Text span fw={600} fz="sm">
          Strength: {strength.label}.
        </Text>{' '}
        <Text span c="dimmed" fz="sm">
          {strength.advice}
        </Text>
      </Text>
    </div>
  );
}
