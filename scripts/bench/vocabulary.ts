/**
 * Word lists for the benchmark's generated caseload: names from the families
 * a west-central Wisconsin liaison serves (Hmong, Spanish-speaking,
 * Vietnamese, Somali, Anglo, Ho-Chunk and Ojibwe), with accents, and the
 * phrases case notes are written in, so full-text search meets realistic
 * term frequencies. Everything here is invented.
 */

export type Background = 'hmong' | 'spanish' | 'vietnamese' | 'somali' | 'anglo' | 'native';

export interface NameSet {
  weight: number;
  language: string;
  first: readonly string[];
  adultFirst: readonly string[];
  last: readonly string[];
  middle: readonly string[];
  /** Nicknames used as preferred names. */
  preferred: readonly string[];
}

export const NAMES: Record<Background, NameSet> = {
  hmong: {
    weight: 22,
    language: 'Hmong',
    first: ['Pa Nhia', 'Mai Yer', 'Txiv Neeb', 'Tou', 'Kou', 'Nou', 'Yia', 'Chue', 'Zoua', 'Mai Nou', 'Ntxhi', 'Koua', 'Pheng', 'Shoua', 'Nkauj Hnub', 'Xee', 'Lue', 'Tswb', 'Maiv', 'Yeeb'],
    adultFirst: ['Pa', 'Chong', 'Yer', 'Blia', 'Neng', 'Xai', 'Choua', 'Fue', 'Mee', 'Vang Pao', 'Ka', 'Nhia'],
    last: ['Vang', 'Xiong', 'Yang', 'Lee', 'Thao', 'Moua', 'Her', 'Lor', 'Vue', 'Khang', 'Hang', 'Cha', 'Kue', 'Lo', 'Chang', 'Yaj', 'Xyooj'],
    middle: ['Nou', 'Mai', 'Yee', 'Ntxawg'],
    preferred: ['Nhia', 'Tou', 'Mai', 'Kou'],
  },
  spanish: {
    weight: 20,
    language: 'Spanish',
    first: ['José', 'María José', 'Sofía', 'Ángel', 'Jesús', 'Ximena', 'Mateo', 'Valentina', 'Camila', 'Iñaki', 'Dayanara', 'Joaquín', 'Lucía', 'Andrés', 'Renée', 'Nayeli', 'Emiliano', 'Guadalupe'],
    adultFirst: ['María', 'Juan', 'Rosa', 'Luis', 'Guadalupe', 'Francisco', 'Marisol', 'Héctor', 'Yesenia', 'Ramón'],
    last: ['García', 'Núñez', 'Hernández', 'Peña', 'Muñoz', 'González Peña', 'Rodríguez', 'López', 'Martínez', 'Ibáñez', 'de la Cruz', 'Sánchez', 'Ortiz', 'Castañeda'],
    middle: ['Luis', 'Guadalupe', 'Alejandro', 'Inés', 'Ángeles'],
    preferred: ['Pepe', 'Lupita', 'Chuy', 'Vale', 'Sofi'],
  },
  vietnamese: {
    weight: 10,
    language: 'Vietnamese',
    first: ['Thảo', 'Minh', 'Tuấn', 'Ngọc Ánh', 'Phương', 'Hương', 'Quỳnh', 'Đức', 'Bảo', 'Khánh', 'Thị Hương', 'Hoàng', 'Việt', 'Lan'],
    adultFirst: ['Văn Minh', 'Thị Lan', 'Hùng', 'Hạnh', 'Dũng', 'Thu'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'],
    middle: ['Văn', 'Thị', 'Ngọc', 'Minh'],
    preferred: ['Tommy', 'Annie', 'Kevin', 'Lily'],
  },
  somali: {
    weight: 10,
    language: 'Somali',
    first: ['Faadumo', 'Hodan', 'Abdirahman', 'Ayaan', 'Ubax', 'Cabdi', 'Xamdi', 'Maryan', 'Khadar', 'Sahra', 'Ilhaan', 'Mustafe', 'Naima', 'Liibaan'],
    adultFirst: ['Mohamed', 'Halima', 'Abdi', 'Fartun', 'Hassan', 'Asha', 'Cali', 'Deeqa'],
    last: ['Mohamed', 'Abdi', 'Hassan', 'Warsame', 'Cali', 'Xasan', 'Farah', 'Jama', 'Omar', 'Ismail', 'Nur', 'Aden'],
    middle: ['Abdi', 'Ahmed', 'Ali'],
    preferred: ['Fadumo', 'Abdi', 'Maryam'],
  },
  anglo: {
    weight: 28,
    language: 'English',
    first: ['Liam', 'Zoë', 'Chloé', 'Emma', 'Noah', 'Olivia', 'Brantley', 'Kaylee', 'Easton', 'Harper', 'Jaxon', 'Brooklyn', 'Owen', 'Aubrée', 'Wyatt', 'Addison', 'Carter', 'Lillian'],
    adultFirst: ['Karen', 'Mike', 'Jessica', 'Travis', 'Amanda', 'Dale', 'Brenda', 'Josh', 'Heather', 'Kyle'],
    last: ['Olson', 'Smith', "O'Brien", 'Johnson', 'Larson', 'Anderson', 'Schultz', 'Kowalczyk', 'Smith, Jr.', 'Van Der Molen', 'Bjørnstad', 'Müller', 'Hanson', 'Nelson', 'Schmitz-Weber'],
    middle: ['James', 'Marie', 'Lynn', 'Ray', 'Ann'],
    preferred: ['Jax', 'Addie', 'Ollie', 'Bree'],
  },
  native: {
    weight: 10,
    language: 'English',
    first: ['Winona', 'Chaske', 'Aiyana', 'Nodin', 'Makwa', 'Waaseyaa', 'Ziigwan', 'Hąąp', 'Migizi', 'Ogimaa', 'Kateri', 'Dakota', 'Niibin', 'Wenona'],
    adultFirst: ['Rose', 'Dennis', 'Marlene', 'Ernest', 'Cheryl', 'Wayne', 'Bernadette'],
    last: ['Cloud', 'Decorah', 'Funmaker', 'Whiterabbit', 'Littlejohn', 'Greendeer', 'Blackdeer', 'Denomie', 'Bainbridge', 'Wiggins', 'Ninham', 'Wąkšik'],
    middle: ['Rose', 'Thunder', 'Grace'],
    preferred: ['Wino', 'Chas', 'Kat'],
  },
};

export const BACKGROUNDS = Object.keys(NAMES) as Background[];

/** Districts and their schools: four districts, twelve buildings. */
export const DISTRICTS: readonly { name: string; schools: readonly string[] }[] = [
  { name: 'Arcadia School District', schools: ['Arcadia Elementary', 'Arcadia Middle', 'Arcadia High'] },
  { name: 'Whitehall School District', schools: ['Whitehall Elementary School', 'Whitehall Middle School', 'Whitehall Memorial High'] },
  { name: 'Blair-Taylor School District', schools: ['Blair-Taylor Elementary', 'Blair-Taylor Middle', 'Blair-Taylor High'] },
  { name: 'Independence School District', schools: ['Independence Elementary', 'Independence Middle', 'Independence High'] },
];

export const GUARDIAN_RELATIONSHIPS: readonly { relationship: string; authority: 'parent' | 'legal_guardian' | 'legal_representative' | 'none'; weight: number }[] = [
  { relationship: 'Mother', authority: 'parent', weight: 50 },
  { relationship: 'Father', authority: 'parent', weight: 28 },
  { relationship: 'Grandmother', authority: 'legal_guardian', weight: 8 },
  { relationship: 'Legal guardian', authority: 'legal_guardian', weight: 5 },
  { relationship: 'Foster parent', authority: 'none', weight: 4 },
  { relationship: 'Stepfather', authority: 'none', weight: 3 },
  { relationship: 'Court-appointed representative', authority: 'legal_representative', weight: 2 },
];

export const OTHER_RELATIONSHIPS: readonly string[] = [
  'Grandmother', 'Grandfather', 'Aunt', 'Uncle', 'Emergency contact', 'Family friend', 'Adult sibling', 'Stepmother', 'Cousin', 'Neighbor',
];

export const TEAM_ROLES: readonly { role: string; organization: string }[] = [
  { role: 'Special education teacher', organization: 'school' },
  { role: 'School psychologist', organization: 'school' },
  { role: 'Speech-language pathologist', organization: 'school' },
  { role: 'Occupational therapist', organization: 'Gundersen Therapy' },
  { role: 'Physical therapist', organization: 'Mayo Clinic Health System' },
  { role: 'CLTS support and service coordinator', organization: 'Trempealeau County DHS' },
  { role: 'CCS service facilitator', organization: 'Trempealeau County DHS' },
  { role: 'Outpatient therapist', organization: 'Lutheran Social Services' },
  { role: 'Psychiatrist', organization: 'Vernon Memorial' },
  { role: 'School nurse', organization: 'school' },
  { role: 'Respite provider', organization: 'Family Support Services' },
  { role: 'Pediatrician', organization: 'Prevea Health' },
];

export const GOALS: readonly string[] = [
  'Will use a visual schedule to move between classes with no more than one prompt.',
  'Will attend school at least 90% of days this semester.',
  'Family will have respite at least twice a month.',
  'Will use coping strategies (breathing, break card) when upset, 4 of 5 times.',
  'Will complete morning routine independently with a picture checklist.',
  'Guardian will schedule the annual physical and dental visit.',
  'Will join one community activity of their choosing.',
  'Will ride the bus with an aide and no behavior reports for a month.',
  'Family will apply for SSI and Medicaid renewal before the deadline.',
  'Will use the AAC device to make requests at home and school.',
  'Will sleep through the night at least five nights a week.',
  'Will practice job skills at a supported work site two afternoons a week.',
  'Family will complete the adaptive equipment request for a bath chair.',
  'Will reduce elopement incidents to fewer than two per month.',
];

/** Sentences a case note is made of: a contact line, then what happened. Weighted toward the first entries (Zipf-like). */
export const CONTACT_OPENERS: readonly string[] = [
  'Phone call with', 'Met at school with', 'Home visit with', 'Texted', 'Emailed', 'Left voicemail for', 'Virtual meeting with',
  'Team meeting with', 'Met in the office with', 'Collateral call with', 'Spoke briefly at pickup with', 'Attempted home visit; no answer from',
];

export const CONTACT_PEOPLE: readonly string[] = [
  'mother', 'guardian', 'father', 'student', 'teacher', 'grandmother', 'school psychologist', 'foster parent', 'county worker',
  'speech therapist', 'occupational therapist', 'outpatient therapist', 'principal', 'school nurse', 'respite provider', 'interpreter',
];

export const CONTACT_TOPICS: readonly string[] = [
  'to review the ISP', 'about respite hours', 'about the functional screen', 'regarding the upcoming IEP meeting',
  'about transportation to therapy appointments', 'about adaptive equipment', 'regarding behavior at school', 'about the CCS service plan',
  'to discuss medication changes', 'about summer programming', 'about the CLTS waitlist', 'regarding Medicaid renewal paperwork',
  'to update the crisis plan', 'about attendance concerns', 'about sleep and toileting routines', 'regarding the release of information',
  'about the psychological evaluation', 'about a referral to feeding therapy', 'regarding housing instability', 'about the 504 plan accommodations',
  'to plan the transition meeting', 'about the prior authorization for therapy', 'regarding the guardianship hearing', 'about supported employment options',
];

export const NOTE_SENTENCES: readonly string[] = [
  'Guardian reports things are going well at home.',
  'No new concerns noted.',
  'Follow-up scheduled in two weeks.',
  'Student was calm and engaged during the visit.',
  'Interpreter used for the entire conversation.',
  'Provided resources for the parent support group.',
  'Guardian signed the release of information for the clinic.',
  'Reviewed outcomes in the individual service plan; progress is steady.',
  'Parent reports sleep has improved since the medication change.',
  'Teacher reports increased work refusal in the afternoons.',
  'Discussed respite options and provider availability in the county.',
  'Sent the functional screen packet to the family by mail.',
  'Student used the break card twice and returned to class.',
  'Guardian requested help with transportation to the Eau Claire clinic.',
  'Coordinated with the school nurse about the seizure action plan.',
  'Mandated report made to CPS per policy; supervisor notified.',
  'Family is waiting on the prior authorization for occupational therapy.',
  'Discussed transition planning and post-secondary goals.',
  'Mother shared that the family may move to a new apartment next month.',
  'Reviewed the crisis plan with the team; no changes needed.',
  'Student had two elopement incidents this week; the team adjusted supervision.',
  'Father asked about summer camp funding through CLTS.',
  'Grandmother is now the primary caregiver during the week.',
  'Scheduled the annual plan review with the family and county.',
  'Explained the appeal rights and gave the family a copy.',
  'Behavior plan data shows fewer aggressive incidents this month.',
  'Adaptive equipment vendor will deliver the bath chair next week.',
  'Family declined services at this time; will check in next quarter.',
  'Medicaid renewal was approved; coverage continues.',
  'Attendance has improved to about 92% of school days.',
  'Discussed feeding concerns and the referral to a dietitian.',
  'Student enjoyed the social skills group and wants to continue.',
  'Guardian reports the bus ride is going better with the aide.',
  'Shared the IEP progress report with the county worker with consent on file.',
  'Home visit completed; the home was clean and safe.',
  'Discussed sibling conflict and strategies for the evening routine.',
  'Outpatient therapist recommends weekly sessions for another twelve weeks.',
  'Parent expressed frustration with the waitlist; validated concerns and explained timelines.',
  'Provided a list of dentists who accept Medicaid and sedation.',
  'Team agreed to try a visual schedule during transitions.',
];

/** Words a person types into search: content words from the phrases above (4+ letters, no stop words). */
const STOP = new Set(['the', 'and', 'for', 'was', 'has', 'not', 'per', 'are', 'all', 'new', 'two', 'who', 'may', 'but', 'with', 'about', 'from', 'this', 'that', 'were', 'will', 'have', 'into', 'than', 'next', 'made', 'used', 'during', 'things', 'there', 'their', 'since', 'another', 'until', 'regarding']);
export const SEARCH_WORDS: readonly string[] = [
  ...new Set(
    [...CONTACT_OPENERS, ...CONTACT_PEOPLE, ...CONTACT_TOPICS, ...NOTE_SENTENCES]
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 4 && !STOP.has(w)),
  ),
].sort();

export const ADDENDUM_SENTENCES: readonly string[] = [
  'Correction: the meeting took place at the school, not the home.',
  'Late entry: guardian called back the same afternoon to confirm the plan.',
  'Correction: the interpreter was present by phone, not in person.',
  'Clarification: the release of information covers the clinic only.',
  'Late entry: teacher emailed the behavior data discussed above.',
  'Correction: the date of the incident was the day before.',
  'Addendum: supervisor reviewed this note and agrees with the safety plan.',
];

export const WORKERS: readonly string[] = ['Kari Olson, CLTS SSC', 'Pa Houa Vang, BSW', 'Ana Núñez, MSW'];

/** Adjacent content words as they occur in the phrases ("respite hours", "functional screen"): what a person types as two words. */
export const SEARCH_PAIRS: readonly [string, string][] = (() => {
  const pairs = new Map<string, [string, string]>();
  for (const phrase of [...CONTACT_TOPICS, ...NOTE_SENTENCES]) {
    const words = phrase.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3 && !STOP.has(w));
    for (let i = 0; i + 1 < words.length; i++) pairs.set(`${words[i]} ${words[i + 1]}`, [words[i]!, words[i + 1]!]);
  }
  return [...pairs.values()];
})();
