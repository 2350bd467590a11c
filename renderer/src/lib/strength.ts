/**
 * Passphrase strength, estimated by zxcvbn (guessing patterns, common words,
 * names, keyboard runs) rather than by character-class rules.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

let factory: ZxcvbnFactory | null = null;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

export interface Strength {
  /** 0 (trivial) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  advice: string;
  acceptable: boolean;
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

/** Below "fair" is refused: the key file can be attacked offline if the laptop is stolen. */
export const MINIMUM_SCORE = 2;

export function passphraseStrength(value: string): Strength {
  if (value.length === 0) return { score: 0, label: '', advice: '', acceptable: false };
  const result = estimator().check(value.slice(0, 256));
  const score = result.score as Strength['score'];
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? '';
  const advice =
    score >= 3
      ? 'Good. Make sure you will remember it.'
      : hint || 'Add another unrelated word or two.';
  return { score, label: LABELS[score], advice, acceptable: score >= MINIMUM_SCORE && value.length >= 8 };
}
