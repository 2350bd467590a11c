/** Moves the keyboard focus to a heading when it appears, so Esc and Ctrl+S reach the view and screen readers announce it. */
import { useCallback } from 'react';

export function useFocusOnMount<T extends HTMLElement>(): (el: T | null) => void {
  return useCallback((el: T | null) => el?.focus(), []);
}
