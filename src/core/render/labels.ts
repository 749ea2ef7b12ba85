// The words reports are written in, per language.
import { pick } from '../language.js';
import type { ReportStatement } from '../model.js';

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
    rule: 'A question passes only when all of its statements are true (all-must-be-true).',
    totals: (sp: number, s: number, ss: number, st: number) =>
      `${sp} of ${s} questions passed; ${ss} of ${st} statements true.`,
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
    junitGone: (id: string) => `regression: ${id} was true in the baseline and is gone now`,
    junitMissing: (id: string) =>
      `regression: questionnaire ${id} is in the baseline but not in this audit`,
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
    rule: 'Een vraag is pas "ja" als alle uitspraken eronder waar zijn (alles-moet-waar-zijn).',
    totals: (sp: number, s: number, ss: number, st: number) =>
      `${sp} van ${s} vragen voldaan; ${ss} van ${st} uitspraken waar.`,
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
    junitGone: (id: string) => `achteruitgang: ${id} was waar in de basislijn en ontbreekt nu`,
    junitMissing: (id: string) =>
      `achteruitgang: vragenlijst ${id} staat in de basislijn maar niet in deze audit`,
  },
} as const;

export type Labels = (typeof LABELS)['en'] | (typeof LABELS)['nl'];

/** Why a statement is not satisfied, in words. */
export function unsatisfiedReason(st: ReportStatement, l: Labels): string {
  if (st.answer === null) return l.unanswered;
  if (st.answer === 'no') return l.answerNo;
  if (st.answer === 'na' && st.naExpired === true && st.until !== null)
    return l.naExpired(st.until);
  return l.naInvalid;
}

export function labelsFor(language: string): Labels {
  return pick<Labels>(LABELS, language);
}
