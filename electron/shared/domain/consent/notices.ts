/**
 * Versioned notice and statement texts printed on releases (and, for the
 * 42 CFR 2.32 notice, sent with each disclosure of Part 2 records).
 *
 * TEMPLATE TEXT: written in plain English from the substance of each rule, not
 * copied from it. A district may edit its own copy; an edit is a new version
 * with its own id and effective date, never a change to an old one, so a
 * printed release can always say which text it carried. The Spanish texts are
 * working translations and should be reviewed by the district's interpreter.
 */
import type { IsoDate, Language, Statements } from './types.ts';

export type NoticeKind = keyof Statements;

export interface NoticeText {
  /** Stable id of this exact text, kept with each printed release and each disclosure. */
  versionId: string;
  kind: NoticeKind;
  language: Language;
  /** First day this version is used; the newest version in effect wins. */
  effectiveFrom: IsoDate;
  /** The rule the text answers to. */
  source: string;
  /** Always true for shipped texts: a district may replace them. */
  editableTemplate: true;
  text: string;
}

export const NOTICE_TEXTS: readonly NoticeText[] = [
  {
    versionId: 'revocation-right-en-1',
    kind: 'revocationRight',
    language: 'en',
    effectiveFrom: '2024-01-01',
    source: '45 CFR 164.508(c)(2)(i); 42 CFR 2.31(a)(6)',
    editableTemplate: true,
    text:
      'You may cancel (revoke) this release at any time by writing to the school social worker or to county ' +
      'human services. You may also tell us in person or by phone; we will write down the date and who took it. ' +
      'Cancelling stops sharing from the day we receive it, but it cannot undo sharing that already happened.',
  },
  {
    versionId: 'revocation-right-es-1',
    kind: 'revocationRight',
    language: 'es',
    effectiveFrom: '2024-01-01',
    source: '45 CFR 164.508(c)(2)(i); 42 CFR 2.31(a)(6)',
    editableTemplate: true,
    text:
      'Usted puede cancelar (revocar) esta autorización en cualquier momento por escrito a la trabajadora social ' +
      'escolar o a los servicios humanos del condado. También puede decírnoslo en persona o por teléfono; ' +
      'anotaremos la fecha y quién lo recibió. La cancelación detiene el intercambio de información desde el día ' +
      'en que la recibimos, pero no deshace lo que ya se compartió.',
  },
  {
    versionId: 'conditioning-en-1',
    kind: 'conditioningStatement',
    language: 'en',
    effectiveFrom: '2024-01-01',
    source: '45 CFR 164.508(c)(2)(ii)',
    editableTemplate: true,
    text:
      'You do not have to sign this release. Your child’s services, treatment, payment, enrollment or ' +
      'eligibility for benefits will not depend on whether you sign it.',
  },
  {
    versionId: 'conditioning-es-1',
    kind: 'conditioningStatement',
    language: 'es',
    effectiveFrom: '2024-01-01',
    source: '45 CFR 164.508(c)(2)(ii)',
    editableTemplate: true,
    text:
      'Usted no está obligado a firmar esta autorización. Los servicios, el tratamiento, el pago, la inscripción ' +
      'o la elegibilidad de su hijo o hija para beneficios no dependen de que usted la firme.',
  },
  {
    versionId: 'redisclosure-en-1',
    kind: 'redisclosureNotice',
    language: 'en',
    effectiveFrom: '2024-01-01',
    source: '45 CFR 164.508(c)(2)(iii); 42 CFR 2.31(a)(4)(iii)',
    editableTemplate: true,
    text:
      'Once information is shared, the person or agency who receives it may share it again, and the privacy ' +
      'laws that protect it here may no longer protect it there. Alcohol and drug treatment records stay ' +
      'protected by federal law against use in legal proceedings against the student.',
  },
  {
    versionId: 'redisclosure-es-1',
    kind: 'redisclosureNotice',
    language: 'es',
    effectiveFrom: '2024-01-01',
    source: '45 CFR 164.508(c)(2)(iii); 42 CFR 2.31(a)(4)(iii)',
    editableTemplate: true,
    text:
      'Una vez compartida, la persona o agencia que recibe la información puede volver a compartirla, y las leyes ' +
      'de privacidad que la protegen aquí quizás ya no la protejan allí. Los expedientes de tratamiento de alcohol ' +
      'y drogas siguen protegidos por la ley federal contra su uso en procesos legales contra el estudiante.',
  },
  {
    versionId: 'dhs92-confidentiality-en-1',
    kind: 'dhs92Confidentiality',
    language: 'en',
    effectiveFrom: '2024-01-01',
    source: 'Wis. Stat. § 51.30; Wis. Admin. Code DHS 92.03(1)',
    editableTemplate: true,
    text:
      'CONFIDENTIAL: This information comes from treatment records that Wisconsin law (Wis. Stat. § 51.30 and ' +
      'DHS 92) keeps confidential. You may use it only for the purpose stated on the release and may not share ' +
      'it further without the written consent of the person it is about, or of someone legally allowed to ' +
      'consent for them, unless the law allows it.',
  },
  {
    versionId: 'dhs92-confidentiality-es-1',
    kind: 'dhs92Confidentiality',
    language: 'es',
    effectiveFrom: '2024-01-01',
    source: 'Wis. Stat. § 51.30; Wis. Admin. Code DHS 92.03(1)',
    editableTemplate: true,
    text:
      'CONFIDENCIAL: Esta información proviene de expedientes de tratamiento que la ley de Wisconsin (Wis. Stat. ' +
      '§ 51.30 y DHS 92) mantiene confidenciales. Solo puede usarla para el propósito indicado en la autorización ' +
      'y no puede compartirla sin el consentimiento por escrito de la persona a quien se refiere, o de alguien ' +
      'legalmente autorizado para dar su consentimiento, salvo que la ley lo permita.',
  },
  {
    versionId: 'part2-notice-en-2024-1',
    kind: 'part2Notice',
    language: 'en',
    // The 2024 Part 2 rule took effect on this day; compliance was required by 02/16/2026.
    effectiveFrom: '2024-04-16',
    source: '42 CFR 2.32 (2024 final rule)',
    editableTemplate: true,
    text:
      'This record is protected by federal confidentiality rules for substance use disorder records (42 CFR ' +
      'Part 2). You may not use this record, or testimony about what it contains, in any civil, criminal, ' +
      'administrative or legislative proceeding against the patient unless the patient consents in writing or ' +
      'a court orders it under 42 CFR Part 2. You may not use or share it in any other way unless the patient’s ' +
      'written consent allows it, Part 2 otherwise allows it, or you are a HIPAA covered entity or business ' +
      'associate that received it for treatment, payment or health care operations. A general release of ' +
      'medical or other information is NOT enough consent to share this record again.',
  },
  {
    versionId: 'part2-notice-es-2024-1',
    kind: 'part2Notice',
    language: 'es',
    effectiveFrom: '2024-04-16',
    source: '42 CFR 2.32 (2024 final rule)',
    editableTemplate: true,
    text:
      'Este expediente está protegido por las normas federales de confidencialidad para expedientes de trastornos ' +
      'por uso de sustancias (42 CFR Parte 2). No puede usar este expediente, ni testimonios sobre su contenido, ' +
      'en ningún proceso civil, penal, administrativo o legislativo contra el paciente, salvo que el paciente lo ' +
      'consienta por escrito o un tribunal lo ordene conforme a 42 CFR Parte 2. No puede usarlo ni compartirlo de ' +
      'otra forma salvo que el consentimiento escrito del paciente lo permita, la Parte 2 lo permita, o usted sea ' +
      'una entidad cubierta o socio comercial de HIPAA que lo recibió para tratamiento, pago u operaciones de ' +
      'atención médica. Una autorización general para divulgar información médica u otra NO es suficiente para ' +
      'volver a compartir este expediente.',
  },
];

/**
 * The text in effect on a day (the newest version whose effectiveFrom is not
 * after it), from `texts` (a district's own list, or the shipped one). Falls
 * back to English when no text exists in the language; null if none at all.
 */
export function noticeFor(
  kind: NoticeKind,
  language: Language,
  onDate: IsoDate,
  texts: readonly NoticeText[] = NOTICE_TEXTS,
): NoticeText | null {
  const pick = (lang: Language) => {
    let best: NoticeText | null = null;
    for (const t of texts) {
      // ISO dates compare as strings; both sides are YYYY-MM-DD.
      if (t.kind !== kind || t.language !== lang || t.effectiveFrom > onDate) continue;
      if (!best || t.effectiveFrom > best.effectiveFrom) best = t;
    }
    return best;
  };
  return pick(language) ?? (language === 'en' ? null : pick('en'));
}
