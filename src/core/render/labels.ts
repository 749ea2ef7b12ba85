// The words reports are written in, per language.
import { pick, RULE } from '../language.js';
import type { ReportStatement } from '../model.js';

/** A number and its noun, singular for exactly one: "1 question", "0 questions", "2 vragen". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const LABELS = {
  en: {
    title: 'Trustability audit',
    subject: 'Subject',
    date: 'Date',
    assessor: 'Assessor',
    verdict: 'Verdict',
    passed: 'Passed',
    failed: 'Failed',
    pass: 'pass',
    fail: 'FAIL',
    rule: RULE.en,
    totals: (sp: number, s: number, ss: number, st: number) =>
      `${sp} of ${count(s, 'question', 'questions')} passed; ${ss} of ${count(st, 'statement', 'statements')} true.`,
    sections: 'Questions',
    questionnaire: 'Questionnaire',
    section: 'Question',
    satisfied: 'True',
    notSatisfied: 'What is not true',
    answerNo: 'answered no',
    unanswered: 'not answered',
    naExpired: (until: string) => `N/A expired on ${until}`,
    naInvalid: 'N/A without a valid note, or not allowed here',
    note: 'Note',
    evidence: 'Evidence',
    remedy: 'Remedy',
    changes: (date: string) => `Changes since ${date}`,
    baseline: (subject: string, date: string) =>
      `Compared with the report of ${subject} of ${date}.`,
    regressions: 'Regressions',
    noRegressions: 'No regressions.',
    sectionRegressions: 'Questions that no longer pass',
    missing: 'Questionnaires missing since the baseline (each counts as a regression)',
    improvements: 'Improvements',
    added: 'Statements added',
    removed: 'Statements removed',
    junitKnown: (text: string, date: string) => `known since ${date}: ${text}`,
    junitNew: (text: string, date: string) => `new since ${date}, not true: ${text}`,
    goneNow: (what: string) => `regression: ${what} was true in the baseline and is gone now`,
    questionnaireGone: (what: string) =>
      `regression: questionnaire ${what} is in the baseline but not in this audit`,
    more: (n: number) => `${n} more`,
    allFindings: 'every finding',
    and: 'and',
    auditVerdict: 'Audit verdict',
    questionsPassed: (p: number, t: number) =>
      `${p} of ${count(t, 'question', 'questions')} passed`,
    statementsTrue: (p: number, t: number) => `${p} of ${count(t, 'statement', 'statements')} true`,
    ciNone: (date: string) => `No regressions against the baseline of ${date}`,
    ciSome: (n: number, date: string) =>
      `${count(n, 'regression', 'regressions')} against the baseline of ${date}`,
    ciNoneDetail: 'nothing that was true then is untrue now.',
    ciSomeDetail: 'listed first below.',
    actions: 'What to do',
    noActions: 'Nothing: every statement is true or exempt.',
    noRemedy: 'No remedy given: make this statement true.',
    questionsTable: 'Every question',
    number: 'No.',
    exempt: 'Exempt (not applicable)',
    noExempt: 'No statement is exempt.',
    until: 'until',
    untilHeader: 'Until',
    noUntil: 'no end date',
    expiresSoon: (days: number) =>
      days === 0 ? 'expires today' : `expires in ${count(days, 'day', 'days')}`,
    expiresSoonFlag: 'expires within 90 days',
    appendix: 'Appendix: every answer',
    statement: 'Statement',
    answer: 'Answer',
    answers: { yes: 'yes', no: 'no', na: 'n/a', none: 'not answered' },
    version: 'version',
    chart: (title: string, p: number, t: number) =>
      `Chart of ${title}: ${p} of ${count(t, 'question', 'questions')} passed; each bar is one question, its length the share of statements true.`,
    changedSince: (date: string) => `Changed since ${date}`,
    nowTrue: 'now true',
    noLongerTrue: 'no longer true',
    generated: (version: string) => `Made with trustcheck ${version}.`,
    legendPass: 'passed: all statements true',
    legendFail: 'failed: not all statements true',
    portfolio: 'Trustability portfolio',
    portfolioIntro: (subjects: number, reports: number) =>
      `${count(subjects, 'subject', 'subjects')}, ${count(reports, 'report', 'reports')}. ${RULE.en}`,
    matrix: 'Questions per subject (latest report)',
    trend: 'Trend over dated reports',
    commonFailures: 'Most common failing statements',
    noCommonFailures: 'None: every statement is satisfied.',
    subjectsFailing: (n: number) => count(n, 'subject', 'subjects'),
    portfolioVerdicts: 'Verdicts',
    portfolioRegressions: 'Regressions between reports',
    noPortfolioRegressions: 'None between reports of the same subject.',
    portfolioImprovements: 'Improvements between reports',
    noPortfolioImprovements: 'None between reports of the same subject.',
    between: (from: string, to: string) => `${from} to ${to}`,
    questionnaireMissing: (id: string) => `${id} (questionnaire missing)`,
    tileImprovements: 'improvements between reports',
    absent: 'not in this report',
    report: 'Reports',
    trendColumn: 'Share of statements true',
    questionsKey: 'Questions',
    tileQuestions: 'questions passed',
    tileStatements: 'statements true',
    tileActions: 'actions to take',
    tileExempt: 'exempt (not applicable)',
    failingSubjects: 'Subjects that fail it',
    subjectsPassed: 'subjects passed (latest report)',
    tileRegressions: 'regressions between reports',
  },
  nl: {
    title: 'Betrouwbaarheidsaudit',
    subject: 'Organisatie',
    date: 'Datum',
    assessor: 'Beoordelaar',
    verdict: 'Oordeel',
    passed: 'Voldaan',
    failed: 'Niet voldaan',
    pass: 'ja',
    fail: 'NEE',
    rule: RULE.nl,
    totals: (sp: number, s: number, ss: number, st: number) =>
      `${sp} van ${count(s, 'vraag', 'vragen')} voldaan; ${ss} van ${count(st, 'uitspraak', 'uitspraken')} waar.`,
    sections: 'Vragen',
    questionnaire: 'Vragenlijst',
    section: 'Vraag',
    satisfied: 'Waar',
    notSatisfied: 'Wat niet waar is',
    answerNo: 'beantwoord met nee',
    unanswered: 'niet beantwoord',
    naExpired: (until: string) => `n.v.t. verlopen op ${until}`,
    naInvalid: 'n.v.t. zonder geldige toelichting, of hier niet toegestaan',
    note: 'Toelichting',
    evidence: 'Bewijs',
    remedy: 'Oplossing',
    changes: (date: string) => `Veranderingen sinds ${date}`,
    baseline: (subject: string, date: string) =>
      `Vergeleken met het rapport van ${subject} van ${date}.`,
    regressions: 'Achteruitgang',
    noRegressions: 'Geen achteruitgang.',
    sectionRegressions: 'Vragen die niet meer voldaan zijn',
    missing: 'Vragenlijsten die sinds de basislijn ontbreken (elk telt als achteruitgang)',
    improvements: 'Verbeteringen',
    added: 'Uitspraken toegevoegd',
    removed: 'Uitspraken verwijderd',
    junitKnown: (text: string, date: string) => `bekend sinds ${date}: ${text}`,
    junitNew: (text: string, date: string) => `nieuw sinds ${date}, niet waar: ${text}`,
    goneNow: (what: string) => `achteruitgang: ${what} was waar in de basislijn en ontbreekt nu`,
    questionnaireGone: (what: string) =>
      `achteruitgang: vragenlijst ${what} staat in de basislijn maar niet in deze audit`,
    more: (n: number) => `nog ${n}`,
    allFindings: 'alle bevindingen',
    and: 'en',
    auditVerdict: 'Oordeel van de audit',
    questionsPassed: (p: number, t: number) => `${p} van ${count(t, 'vraag', 'vragen')} voldaan`,
    statementsTrue: (p: number, t: number) =>
      `${p} van ${count(t, 'uitspraak', 'uitspraken')} waar`,
    ciNone: (date: string) => `Geen achteruitgang ten opzichte van de basislijn van ${date}`,
    ciSome: (n: number, date: string) =>
      `${n} keer achteruitgang ten opzichte van de basislijn van ${date}`,
    ciNoneDetail: 'niets wat toen waar was, is nu onwaar.',
    ciSomeDetail: 'hieronder als eerste genoemd.',
    actions: 'Wat te doen',
    noActions: 'Niets: elke uitspraak is waar of vrijgesteld.',
    noRemedy: 'Geen oplossing gegeven: maak deze uitspraak waar.',
    questionsTable: 'Alle vragen',
    number: 'Nr.',
    exempt: 'Vrijgesteld (niet van toepassing)',
    noExempt: 'Geen uitspraak is vrijgesteld.',
    until: 'tot',
    untilHeader: 'Tot',
    noUntil: 'geen einddatum',
    expiresSoon: (days: number) =>
      days === 0 ? 'verloopt vandaag' : `verloopt over ${count(days, 'dag', 'dagen')}`,
    expiresSoonFlag: 'verloopt binnen 90 dagen',
    appendix: 'Bijlage: alle antwoorden',
    statement: 'Uitspraak',
    answer: 'Antwoord',
    answers: { yes: 'ja', no: 'nee', na: 'n.v.t.', none: 'niet beantwoord' },
    version: 'versie',
    chart: (title: string, p: number, t: number) =>
      `Grafiek van ${title}: ${p} van ${count(t, 'vraag', 'vragen')} voldaan; elke balk is een vraag, de lengte het deel van de uitspraken dat waar is.`,
    changedSince: (date: string) => `Veranderd sinds ${date}`,
    nowTrue: 'nu waar',
    noLongerTrue: 'niet meer waar',
    generated: (version: string) => `Gemaakt met trustcheck ${version}.`,
    legendPass: 'voldaan: alle uitspraken waar',
    legendFail: 'niet voldaan: niet alle uitspraken waar',
    portfolio: 'Betrouwbaarheidsportfolio',
    portfolioIntro: (subjects: number, reports: number) =>
      `${count(subjects, 'organisatie', 'organisaties')}, ${count(reports, 'rapport', 'rapporten')}. ${RULE.nl}`,
    matrix: 'Vragen per organisatie (laatste rapport)',
    trend: 'Verloop over de gedateerde rapporten',
    commonFailures: 'Uitspraken die het vaakst niet waar zijn',
    noCommonFailures: 'Geen: elke uitspraak is voldaan.',
    subjectsFailing: (n: number) => count(n, 'organisatie', 'organisaties'),
    portfolioVerdicts: 'Oordelen',
    portfolioRegressions: 'Achteruitgang tussen rapporten',
    noPortfolioRegressions: 'Geen tussen rapporten van dezelfde organisatie.',
    portfolioImprovements: 'Verbetering tussen rapporten',
    noPortfolioImprovements: 'Geen tussen rapporten van dezelfde organisatie.',
    between: (from: string, to: string) => `${from} tot ${to}`,
    questionnaireMissing: (id: string) => `${id} (vragenlijst ontbreekt)`,
    tileImprovements: 'keer verbetering tussen rapporten',
    absent: 'niet in dit rapport',
    report: 'Rapporten',
    trendColumn: 'Deel van de uitspraken waar',
    questionsKey: 'Vragen',
    tileQuestions: 'vragen voldaan',
    tileStatements: 'uitspraken waar',
    tileActions: 'acties',
    tileExempt: 'vrijgesteld (n.v.t.)',
    failingSubjects: 'Organisaties die niet voldoen',
    subjectsPassed: 'organisaties voldaan (laatste rapport)',
    tileRegressions: 'keer achteruitgang tussen rapporten',
  },
} as const;

export type Labels = (typeof LABELS)['en'] | (typeof LABELS)['nl'];

/** "A", "A and B", "A, B and C". */
export function joinWords(items: readonly string[], l: Labels): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${l.and} ${items.at(-1)!}`;
}

/** Days from `from` to `to` (both YYYY-MM-DD); negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** An answer in words. */
export function answerWord(st: ReportStatement, l: Labels): string {
  return st.answer === null ? l.answers.none : l.answers[st.answer];
}

/** A satisfied `na` answer: an exemption that counts. */
export function isExempt(st: ReportStatement): boolean {
  return st.answer === 'na' && st.satisfied;
}

/** Days until an exemption ends, when that is within 90 days of the report date. */
export function expiresWithin90(st: ReportStatement, date: string): number | undefined {
  if (st.until === null) return undefined;
  const days = daysBetween(date, st.until);
  return days >= 0 && days <= 90 ? days : undefined;
}

/**
 * Why a statement is not satisfied, in words. An `na` is expired as the scoring found it
 * (`naExpired`); a report written before that field existed falls back to the scoring rule
 * itself, given the report date.
 */
export function unsatisfiedReason(st: ReportStatement, l: Labels, date?: string): string {
  if (st.answer === null) return l.unanswered;
  if (st.answer === 'no') return l.answerNo;
  const expired = st.naExpired ?? (st.until !== null && (date === undefined || date > st.until));
  if (st.answer === 'na' && expired && st.until !== null) return l.naExpired(st.until);
  return l.naInvalid;
}

export function labelsFor(language: string): Labels {
  return pick<Labels>(LABELS, language);
}
