/** The caseload channels: students, contacts, programs, team, goals, notes, search. */
import * as contacts from '../caseload/contacts.ts';
import { dueSoonAcrossCaseload, listCaseload, search } from '../caseload/list.ts';
import * as notes from '../caseload/notes.ts';
import * as programs from '../caseload/programs.ts';
import { studentRecord } from '../caseload/record.ts';
import * as students from '../caseload/students.ts';
import * as roster from '../roster/import.ts';
import { readSettings } from '../settings.ts';
import type { VaultSession } from '../vault-session.ts';
import type { HandlersFor } from './types.ts';

type CaseloadChannel =
  | 'caseload:list'
  | 'caseload:dueSoon'
  | 'search:query'
  | 'students:get'
  | 'students:create'
  | 'students:update'
  | 'schools:create'
  | 'households:linkSibling'
  | 'households:unlink'
  | 'contacts:add'
  | 'contacts:update'
  | 'contacts:remove'
  | 'enrollments:create'
  | 'enrollments:update'
  | 'enrollments:changeStatus'
  | 'enrollments:markEntered'
  | 'team:add'
  | 'team:remove'
  | 'goals:add'
  | 'goals:update'
  | 'notes:save'
  | 'notes:addAddendum'
  | 'notes:discardDraft'
  | 'roster:preview'
  | 'roster:commit'
  | 'roster:sources';

export function caseloadHandlers(session: VaultSession): HandlersFor<CaseloadChannel> {
  const v = () => session.current;
  return {
    'caseload:list': async (filter) => listCaseload(v(), filter, await readSettings(v())),
    'caseload:dueSoon': async () => dueSoonAcrossCaseload(v(), await readSettings(v())),
    'search:query': ({ text, limit }) => search(v(), text, limit),
    'students:get': async ({ id }) => studentRecord(v(), id, await readSettings(v())),
    'students:create': (fields) => students.createStudent(v(), fields),
    'students:update': ({ id, patch }) => students.updateStudent(v(), id, patch),
    'schools:create': ({ name, districtName }) => students.createSchool(v(), name, districtName),
    'households:linkSibling': ({ studentId, siblingId }) => students.linkSibling(v(), studentId, siblingId),
    'households:unlink': ({ studentId }) => students.unlinkHousehold(v(), studentId),
    'contacts:add': ({ studentId, contact }) => contacts.addContact(v(), studentId, contact),
    'contacts:update': ({ studentId, contactId, contact }) => contacts.updateContact(v(), studentId, contactId, contact),
    'contacts:remove': ({ studentId, contactId }) => contacts.removeContact(v(), studentId, contactId),
    'enrollments:create': (input) => programs.createEnrollment(v(), input),
    'enrollments:update': ({ id, dates }) => programs.updateEnrollment(v(), id, dates),
    'enrollments:changeStatus': ({ id, status, changedOn, note }) => programs.changeEnrollmentStatus(v(), id, status, changedOn, note),
    'enrollments:markEntered': ({ changeId, enteredOn }) => programs.markChangeEntered(v(), changeId, enteredOn),
    'team:add': ({ studentId, member }) => programs.addTeamMember(v(), studentId, member),
    'team:remove': ({ id }) => programs.removeTeamMember(v(), id),
    'goals:add': ({ studentId, goal, owner, dueOn }) => programs.addGoal(v(), studentId, goal, owner, dueOn),
    'goals:update': ({ id, status }) => programs.updateGoal(v(), id, status),
    'notes:save': (note) => notes.saveNote(v(), note),
    'notes:addAddendum': ({ noteId, body }) => notes.addAddendum(v(), noteId, body),
    'notes:discardDraft': ({ id }) => notes.deleteDraft(v(), id),
    'roster:preview': ({ mapping, ...file }) => roster.previewImport(v(), file, mapping),
    'roster:commit': ({ mapping, ...file }) => roster.commitImport(v(), file, mapping),
    'roster:sources': () => roster.listSources(v()),
  };
}
