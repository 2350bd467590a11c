/** Where she is in the app: an area, and within the caseload optionally one student. */
import { createContext, useContext } from 'react';
import type { AreaId } from '../ui/areas.ts';

export interface Place {
  area: AreaId;
  /** The student record open in the Caseload area. */
  studentId?: string;
  /** A tab of the student record to open on. */
  tab?: string;
}

export const NavigationContext = createContext<(place: Place) => void>(() => undefined);

/** Go somewhere: `navigate({ area: 'caseload', studentId })`. */
export function useNavigate(): (place: Place) => void {
  return useContext(NavigationContext);
}
