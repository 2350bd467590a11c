/** Puts an API error next to the field it is about, or returns it for a form-level alert. */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from './api.ts';

export function placeError<T extends FieldValues>(error: ApiError, setError: UseFormSetError<T>, fields: readonly Path<T>[]): ApiError | null {
  if (error.field && (fields as readonly string[]).includes(error.field)) {
    setError(error.field as Path<T>, { type: 'server', message: error.message }, { shouldFocus: true });
    return null;
  }
  return error;
}
