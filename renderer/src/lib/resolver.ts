/**
 * A react-hook-form resolver over the contract's zod schemas that words every
 * error the same way the API does ("Passphrase must be at least 8 characters."),
 * so a field error reads the same whether the form or the service caught it.
 */
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { describeIssue } from '../../../electron/shared/errors.ts';

export function plainResolver<T extends FieldValues>(schema: z.ZodType<T>): Resolver<T> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      if (errors[key]) continue;
      errors[key] = { type: issue.code, message: describeIssue(issue, values).message };
    }
    return { values: {}, errors: errors as unknown as FieldErrors<T> };
  };
}
