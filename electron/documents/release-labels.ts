/** Record categories and signer roles as printed, in the form's language (editable template text). */
import { RECORD_CATEGORY_LABELS, SIGNER_ROLE_LABELS, type RecordCategory, type SignerRole } from '../shared/domain/consent/index.ts';

const CATEGORY_ES: Record<RecordCategory, string> = {
  education_progress: 'Registros de progreso escolar (calificaciones, boletas, resultados de pruebas)',
  behavioral: 'Registros de conducta (notas de conversaciones, evaluaciones de conducta)',
  mental_health_treatment: 'Registros de tratamiento de salud mental',
  aoda_treatment: 'Registros de tratamiento por alcohol y drogas (AODA)',
  iep_504: 'Plan IEP o plan 504',
  attendance: 'Registros de asistencia',
  screening_results: 'Resultados de evaluaciones de detección',
  medical: 'Registros médicos y de salud',
  other: 'Otros registros (descritos en el formulario)',
};

const ROLE_ES: Record<SignerRole, string> = {
  parent_or_guardian: 'Padre, madre o tutor',
  student: 'Estudiante',
  legal_representative: 'Representante legal',
};

/** What the form prints when a release has no end date (FERPA alone allows that). */
const UNTIL_REVOKED = { en: 'I revoke it in writing', es: 'yo la revoque por escrito' } as const;

export function categoryLabel(category: RecordCategory, language: 'en' | 'es'): string {
  return language === 'es' ? CATEGORY_ES[category] : RECORD_CATEGORY_LABELS[category];
}

export function signerCaption(role: SignerRole, language: 'en' | 'es'): string {
  return language === 'es' ? ROLE_ES[role] : SIGNER_ROLE_LABELS[role];
}

export function untilRevoked(language: 'en' | 'es'): string {
  return UNTIL_REVOKED[language];
}
