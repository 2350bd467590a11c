/**
 * The fixed wording of the release of information, per language. These are
 * defaults: a district or county may edit them in Settings, and every edited
 * copy must get a new `version` so a signed form can always be matched to the
 * exact words the family saw.
 *
 * Sentences may hold {placeholders}. The form fills them once, as plain text:
 * data is never read as template syntax, and the template is never read as
 * markup.
 *
 * Sources for each statement are named beside it. This is not legal advice:
 * districts and counties should have their counsel confirm the wording,
 * especially the two notices to the recipient (DHS 92 and 42 CFR Part 2).
 */

export type ReleaseLanguage = 'en' | 'es';
export type ReleaseRegime = 'FERPA' | 'HIPAA' | 'WI_51_30' | 'WI_146_81' | 'CFR42_PART2';

export const RELEASE_REGIMES: readonly ReleaseRegime[] = ['FERPA', 'HIPAA', 'WI_51_30', 'WI_146_81', 'CFR42_PART2'];

export interface Statement {
  lead: string;
  text: string;
}

export interface ReleaseTemplate {
  language: ReleaseLanguage;
  /** Printed on the form, e.g. 'en-2026-11'. Change it with every edit. */
  version: string;
  title: string;
  /** Footer line on every page. */
  confidentiality: string;
  labels: {
    form: string;
    version: string;
    verificationCode: string;
    /** Under the QR code. */
    verificationHint: string;
    studentName: string;
    dateOfBirth: string;
    recipients: string;
    /** "{laws}": the chosen regimes' names. */
    regimesLine: string;
    /** "{name}", "{date}". */
    preparedBy: string;
    /** Between the last two items of a list: "A, B and C". */
    and: string;
  };
  headings: {
    authorization: string;
    records: string;
    purpose: string;
    period: string;
    statements: string;
    notices: string;
    signatures: string;
  };
  /** "{disclosers}", "{student}". */
  authorize: string;
  recordsIntro: string;
  /** "{date}" / "{event}". */
  expiry: { date: string; event: string };
  /** Each statement prints as a bold lead-in followed by its text. */
  statements: {
    /** HIPAA 164.508(c)(2)(i), 42 CFR 2.31(a)(6): right to revoke in writing, the exception, and how. "{name}", "{address}". */
    revocation: Statement;
    /** HIPAA 164.508(c)(2)(ii), 42 CFR 2.31: whether anything depends on signing. */
    conditioning: Statement;
    /** HIPAA 164.508(c)(2)(iii). Printed when HIPAA is among the regimes. */
    redisclosureHipaa: Statement;
    /** FERPA 99.33, s. 51.30, s. 146.82, 42 CFR Part 2. "{laws}". Printed when any of those is among the regimes (or none is chosen). */
    redisclosureProtected: Statement;
    /** FERPA 99.30(c): a copy of the records disclosed on request; rights pass to the student at 18. */
    ferpa: Statement;
    /** 42 CFR 2.31(a)(10) as amended in 2024: how a Part 2 record may be redisclosed under this consent. */
    part2Redisclosure: Statement;
  };
  /** Short names of the laws, for "{laws}". */
  lawNames: Record<ReleaseRegime, string>;
  /** DHS 92.03(1): the statement that goes with every disclosure of a s. 51.30 treatment record. */
  dhs92: { heading: string; text: string };
  /** 42 CFR 2.32(a)(1) as amended in 2024: the notice that goes with every disclosure of a Part 2 record. */
  part2Notice: { heading: string; text: string };
  signature: {
    intro: string;
    signature: string;
    printedName: string;
    date: string;
    authority: string;
    /** "{date}", "{by}": printed as blanks to fill in by hand. */
    copyGiven: string;
  };
}

const en: ReleaseTemplate = {
  language: 'en',
  version: 'en-2026-11',
  title: 'Authorization to Release and Exchange Information',
  confidentiality:
    'CONFIDENTIAL — This form and the records it covers are protected by federal and Wisconsin law. Do not share them without written consent or other legal authority.',
  labels: {
    form: 'Form',
    version: 'Version',
    verificationCode: 'Verification code',
    verificationHint: 'Matches a signed copy to its record.',
    studentName: 'Student',
    dateOfBirth: 'Date of birth',
    recipients: 'Recipients',
    regimesLine: 'This authorization is written to meet the consent requirements of {laws}.',
    preparedBy: 'Prepared by {name} on {date}.',
    and: 'and',
  },
  headings: {
    authorization: 'Authorization',
    records: 'Information to be released',
    purpose: 'Purpose of the release',
    period: 'When this authorization ends',
    statements: 'Your rights',
    notices: 'Notices to the recipient',
    signatures: 'Signatures',
  },
  authorize:
    'I authorize {disclosers} to release to, and exchange with, the recipients listed below the information about {student} that is checked on this form.',
  recordsIntro: 'Only the information checked below may be released.',
  expiry: {
    date: 'This authorization takes effect on the date it is signed and ends on {date}, unless I revoke it sooner.',
    event: 'This authorization takes effect on the date it is signed and ends when this happens: {event}. It ends sooner if I revoke it.',
  },
  statements: {
    revocation: {
      lead: 'Right to revoke.',
      text: 'I may revoke (cancel) this authorization at any time by writing to {name}, {address}. A revocation takes effect when it is received. It does not undo anything already released while this authorization was in effect.',
    },
    conditioning: {
      lead: 'Signing is voluntary.',
      text: 'Treatment, services, payment, enrollment and eligibility for benefits — including the student’s education and special education services — do not depend on whether I sign this form. (The HIPAA Privacy Rule, 45 CFR 164.508(b)(4), lets a health care provider require an authorization only for research-related treatment, for health plan enrollment or eligibility decisions, or for a service provided only to create information for a third party. None of these applies to this form.)',
    },
    redisclosureHipaa: {
      lead: 'Sharing again.',
      text: 'Once information is released under this authorization, the recipient may be able to share it again, and it may no longer be protected by the federal health privacy rule (HIPAA).',
    },
    redisclosureProtected: {
      lead: 'No sharing again without consent.',
      text: 'A recipient may not share records protected by {laws} with anyone else without written consent, except as those laws allow.',
    },
    ferpa: {
      lead: 'Education records.',
      text: 'I may ask for a copy of the education records released under this form. When the student turns 18, these rights pass to the student.',
    },
    part2Redisclosure: {
      lead: 'Substance use disorder records.',
      text: 'A recipient that is a HIPAA covered entity or business associate may share these records again only as the HIPAA rules allow, and never for use in a civil, criminal, administrative or legislative proceeding against the student without the student’s specific written consent or a court order. Any other recipient may share them again only as 42 CFR Part 2 allows.',
    },
  },
  lawNames: {
    FERPA: 'FERPA (34 CFR Part 99)',
    HIPAA: 'HIPAA (45 CFR 164.508)',
    WI_51_30: 'Wis. Stat. § 51.30 and Wis. Admin. Code ch. DHS 92',
    WI_146_81: 'Wis. Stat. §§ 146.81–146.84',
    CFR42_PART2: '42 CFR Part 2',
  },
  dhs92: {
    heading: 'Wisconsin mental health and AODA treatment records (DHS 92.03(1))',
    // Plain-words version of the DHS 92.03(1) statement. Districts and counties: confirm this wording with counsel.
    text: 'This information has been disclosed to you from records protected by Wisconsin law (s. 51.30, Wis. Stats., and ch. DHS 92, Wis. Adm. Code). Wisconsin law prohibits any further disclosure of this information without the specific written consent of the person it concerns, or as otherwise allowed by s. 51.30 and ch. DHS 92. A general authorization to release medical or other information is not enough for this purpose.',
  },
  part2Notice: {
    heading: 'Substance use disorder records (42 CFR 2.32)',
    // 42 CFR 2.32(a) requires one of two prescribed statements; this is Statement 1 as amended by the
    // 2024 final rule (89 FR 12472). Confirm against the current eCFR text before editing.
    text: 'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. (ii) You are a covered entity or business associate and have received the record for treatment, payment, or health care operations, or (iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).',
  },
  signature: {
    intro: 'By signing, I confirm that I have read this form, or had it read to me, and that I understand it.',
    signature: 'Signature',
    printedName: 'Printed name',
    date: 'Date',
    authority: 'Authority to sign for the student (for example: parent, legal guardian, court order)',
    copyGiven: 'Copy of this signed form given to the signer on {date} by {by}.',
  },
};

const es: ReleaseTemplate = {
  language: 'es',
  version: 'es-2026-11',
  title: 'Autorización para divulgar e intercambiar información',
  confidentiality:
    'CONFIDENCIAL — Este formulario y los registros que abarca están protegidos por leyes federales y de Wisconsin. No los comparta sin consentimiento por escrito u otra autorización legal.',
  labels: {
    form: 'Formulario',
    version: 'Versión',
    verificationCode: 'Código de verificación',
    verificationHint: 'Vincula una copia firmada con su registro.',
    studentName: 'Estudiante',
    dateOfBirth: 'Fecha de nacimiento',
    recipients: 'Destinatarios',
    regimesLine: 'Esta autorización está redactada para cumplir con los requisitos de consentimiento de {laws}.',
    preparedBy: 'Preparado por {name} el {date}.',
    and: 'y',
  },
  headings: {
    authorization: 'Autorización',
    records: 'Información que se divulgará',
    purpose: 'Propósito de la divulgación',
    period: 'Cuándo vence esta autorización',
    statements: 'Sus derechos',
    notices: 'Avisos para el destinatario',
    signatures: 'Firmas',
  },
  authorize:
    'Autorizo a {disclosers} a divulgar a los destinatarios indicados abajo, y a intercambiar con ellos, la información sobre {student} que está marcada en este formulario.',
  recordsIntro: 'Solo se puede divulgar la información marcada abajo.',
  expiry: {
    date: 'Esta autorización entra en vigor en la fecha en que se firma y vence el {date}, a menos que yo la revoque antes.',
    event: 'Esta autorización entra en vigor en la fecha en que se firma y vence cuando ocurra lo siguiente: {event}. Vence antes si yo la revoco.',
  },
  statements: {
    revocation: {
      lead: 'Derecho a revocar.',
      text: 'Puedo revocar (cancelar) esta autorización en cualquier momento enviando una carta a {name}, {address}. La revocación entra en vigor cuando se recibe. No anula lo que ya se haya divulgado mientras esta autorización estaba vigente.',
    },
    conditioning: {
      lead: 'Firmar es voluntario.',
      text: 'El tratamiento, los servicios, el pago, la inscripción y la elegibilidad para beneficios —incluidos la educación y los servicios de educación especial del estudiante— no dependen de que yo firme este formulario. (La Regla de Privacidad de HIPAA, 45 CFR 164.508(b)(4), permite que un proveedor de salud exija una autorización solo para tratamientos relacionados con una investigación, para decisiones de inscripción o elegibilidad en un plan de salud, o para un servicio prestado únicamente para crear información para un tercero. Ninguno de estos casos se aplica a este formulario.)',
    },
    redisclosureHipaa: {
      lead: 'Nueva divulgación.',
      text: 'Una vez que se divulgue la información según esta autorización, el destinatario podría volver a compartirla, y es posible que ya no esté protegida por la norma federal de privacidad de la salud (HIPAA).',
    },
    redisclosureProtected: {
      lead: 'Prohibido volver a compartir sin consentimiento.',
      text: 'Ningún destinatario puede compartir con otras personas los registros protegidos por {laws} sin consentimiento por escrito, salvo en los casos que esas leyes permitan.',
    },
    ferpa: {
      lead: 'Registros educativos.',
      text: 'Puedo pedir una copia de los registros educativos divulgados según este formulario. Cuando el estudiante cumpla 18 años, estos derechos pasan al estudiante.',
    },
    part2Redisclosure: {
      lead: 'Registros sobre trastornos por consumo de sustancias.',
      text: 'Un destinatario que sea una entidad cubierta o un socio comercial según HIPAA puede volver a compartir estos registros solo como lo permitan las normas de HIPAA, y nunca para usarlos en un procedimiento civil, penal, administrativo o legislativo contra el estudiante sin el consentimiento específico por escrito del estudiante o una orden judicial. Cualquier otro destinatario puede volver a compartirlos solo como lo permita el 42 CFR parte 2.',
    },
  },
  lawNames: {
    FERPA: 'FERPA (34 CFR parte 99)',
    HIPAA: 'HIPAA (45 CFR 164.508)',
    WI_51_30: 'la sección 51.30 de los Estatutos de Wisconsin y el capítulo DHS 92',
    WI_146_81: 'las secciones 146.81 a 146.84 de los Estatutos de Wisconsin',
    CFR42_PART2: 'el 42 CFR parte 2',
  },
  dhs92: {
    heading: 'Registros de tratamiento de salud mental y de alcohol y drogas de Wisconsin (DHS 92.03(1))',
    // Versión en palabras sencillas de la declaración de DHS 92.03(1). Distritos y condados: confirmen la redacción con su asesor legal.
    text: 'Esta información se le ha divulgado a partir de registros protegidos por la ley de Wisconsin (sección 51.30 de los Estatutos de Wisconsin y capítulo DHS 92 del Código Administrativo de Wisconsin). La ley de Wisconsin prohíbe volver a divulgar esta información sin el consentimiento específico por escrito de la persona a quien se refiere, salvo en los casos que permitan la sección 51.30 y el capítulo DHS 92. Una autorización general para divulgar información médica o de otro tipo no es suficiente para este fin.',
  },
  part2Notice: {
    heading: 'Registros sobre trastornos por consumo de sustancias (42 CFR 2.32)',
    // Traducción de la Declaración 1 del 42 CFR 2.32(a), según la norma final de 2024. El texto oficial es el
    // inglés: confirmen la traducción con su asesor legal.
    text: 'Este registro que se le ha divulgado está protegido por las normas federales de confidencialidad (42 CFR parte 2). Estas normas le prohíben usar o divulgar este registro, o testimonios que describan la información que contiene, en cualquier procedimiento civil, penal, administrativo o legislativo de cualquier autoridad federal, estatal o local contra el paciente, salvo que el paciente lo autorice con su consentimiento, con excepción de lo dispuesto en el 42 CFR 2.12(c)(5) o de lo que autorice un tribunal conforme al 42 CFR 2.64 o 2.65. Además, las normas federales le prohíben hacer cualquier otro uso o divulgación de este registro, salvo que se cumpla al menos una de las siguientes condiciones: (i) el consentimiento por escrito de la persona cuya información se divulga en este registro permite expresamente otro uso o divulgación, o lo permite de otro modo el 42 CFR parte 2; (ii) usted es una entidad cubierta o un socio comercial y recibió el registro para tratamiento, pago u operaciones de atención médica; o (iii) usted recibió el registro de una entidad cubierta o de un socio comercial según lo permite el 45 CFR parte 164, subpartes A y E. Una autorización general para divulgar información médica o de otro tipo NO es suficiente para cumplir con los requisitos del consentimiento por escrito para volver a usar o divulgar el registro (vea el 42 CFR 2.31).',
  },
  signature: {
    intro: 'Al firmar, confirmo que leí este formulario, o que me lo leyeron, y que lo entiendo.',
    signature: 'Firma',
    printedName: 'Nombre en letra de molde',
    date: 'Fecha',
    authority: 'Autoridad para firmar en nombre del estudiante (por ejemplo: padre o madre, tutor legal, orden judicial)',
    copyGiven: 'Copia firmada entregada a quien firmó el {date} por {by}.',
  },
};

export const DEFAULT_RELEASE_TEMPLATES: Record<ReleaseLanguage, ReleaseTemplate> = { en, es };
