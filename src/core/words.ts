// The words trustcheck's reports and portfolio summaries are written in, per language: one table,
// picked through the language module's `pick`. What the reports do with the words (which reason a
// statement is not true, how a list is joined) is in render/view.ts.
import type { ClaimOwner, Reason } from './derive.js';
import { pick, RULE, type Language } from './language.js';

/** A number and its noun, singular for exactly one: "1 question", "0 questions", "2 vragen". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A command in a sentence, as a terminal or Markdown shows it. */
const backticks = (command: string): string => `\`${command}\``;

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
    versionChanged: (title: string, from: string, to: string, removed: number, added: number) =>
      `${title} changed from ${from} to ${to}: ${count(removed, 'statement', 'statements')} removed, ${added} added`,
    versionCompared:
      'Only statements that kept their question, id and meaning are compared with the baseline; the removed and added ones are listed with the changes, never as regressions or improvements.',
    renewBaseline: (title: string, to: string, code: (command: string) => string = backticks) =>
      `Renew the baseline: make this report the new baseline, so that every statement of ${title} ${to} is compared next time (answer files move to ${to} with ${code('trustcheck upgrade FILE')}).`,
    removedIn: (title: string, from: string, to: string) =>
      `${title}: in ${from}, not in ${to} (removed, re-meant or moved)`,
    addedIn: (title: string, from: string, to: string) =>
      `${title}: new in ${to} since ${from} (not compared with the baseline)`,
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
    plan: 'Action plan',
    planIntro:
      'Every statement that is not true, with who makes it true and by when; the earliest due date first.',
    planDone: 'Done since the baseline',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    action: 'Action',
    noOwner: 'no owner yet',
    actionStatus: {
      done: 'done',
      overdue: 'overdue',
      postponed: 'postponed',
      new: 'new',
      open: 'planned',
    },
    postponedFrom: (from: string, to: string) => `postponed from ${from} to ${to}`,
    overdueSince: (due: string) => `overdue since ${due}`,
    planTotals: (planned: number, unplanned: number, overdue: number) =>
      `${planned} planned, ${unplanned} without an owner, ${overdue} overdue.`,
    tileOverdue: 'actions overdue',
    overdueActions: 'Overdue actions',
    noOverdue: 'None.',
    openActions: (date: string) => `Open actions, as of ${date}`,
    openActionsIntro: (n: number, overdue: number, subjects: number) =>
      `${count(n, 'open action', 'open actions')} of ${count(subjects, 'subject', 'subjects')}, ${overdue} overdue; overdue first, then by due date. Each subject's latest report.`,
    noOpenActions: 'No open actions: every action is done, or none is planned.',
    reportDate: 'Report',
    actionsTally: (n: number, subjects: number, overdue: number, date: string) =>
      `${count(n, 'open action', 'open actions')} of ${count(subjects, 'subject', 'subjects')}, ${overdue} overdue as of ${date}`,
    wroteList: (file: string) => `wrote ${file}`,
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
    reportDescription: (what: string, subject: string, date: string, passed: boolean) =>
      `${what} of ${subject}, ${date}: ${passed ? 'passed' : 'failed'}.`,
    portfolioDescription: (subjects: number, reports: number, passed: number) =>
      `Trustability portfolio of ${count(subjects, 'subject', 'subjects')} (${count(reports, 'report', 'reports')}): ${passed} of ${subjects} passed in their latest report.`,
    scrollHint: 'Scroll sideways for every question; the first column stays in view.',
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
    versionChanged: (title: string, from: string, to: string, removed: number, added: number) =>
      `${title} is veranderd van ${from} naar ${to}: ${count(removed, 'uitspraak', 'uitspraken')} verwijderd, ${added} toegevoegd`,
    versionCompared:
      'Alleen uitspraken met dezelfde vraag, id en betekenis worden met de basislijn vergeleken; de verwijderde en toegevoegde staan bij de veranderingen, nooit als achteruitgang of verbetering.',
    renewBaseline: (title: string, to: string, code: (command: string) => string = backticks) =>
      `Vernieuw de basislijn: maak dit rapport de nieuwe basislijn, zodat de volgende keer elke uitspraak van ${title} ${to} wordt vergeleken (antwoordbestanden zet je over naar ${to} met ${code('trustcheck upgrade BESTAND')}).`,
    removedIn: (title: string, from: string, to: string) =>
      `${title}: in ${from}, niet in ${to} (verwijderd, van betekenis veranderd of verplaatst)`,
    addedIn: (title: string, from: string, to: string) =>
      `${title}: nieuw in ${to} sinds ${from} (niet vergeleken met de basislijn)`,
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
    plan: 'Actieplan',
    planIntro:
      'Elke uitspraak die niet waar is, met wie haar waar maakt en wanneer; de vroegste einddatum eerst.',
    planDone: 'Gedaan sinds de basislijn',
    owner: 'Eigenaar',
    due: 'Uiterlijk',
    status: 'Stand',
    action: 'Actie',
    noOwner: 'nog geen eigenaar',
    actionStatus: {
      done: 'gedaan',
      overdue: 'te laat',
      postponed: 'uitgesteld',
      new: 'nieuw',
      open: 'gepland',
    },
    postponedFrom: (from: string, to: string) => `uitgesteld van ${from} naar ${to}`,
    overdueSince: (due: string) => `te laat sinds ${due}`,
    planTotals: (planned: number, unplanned: number, overdue: number) =>
      `${planned} gepland, ${unplanned} zonder eigenaar, ${overdue} te laat.`,
    tileOverdue: 'acties te laat',
    overdueActions: 'Acties die te laat zijn',
    noOverdue: 'Geen.',
    openActions: (date: string) => `Openstaande acties, per ${date}`,
    openActionsIntro: (n: number, overdue: number, subjects: number) =>
      `${count(n, 'openstaande actie', 'openstaande acties')} van ${count(subjects, 'organisatie', 'organisaties')}, ${overdue} te laat; eerst wat te laat is, dan op einddatum. Per organisatie het laatste rapport.`,
    noOpenActions: 'Geen openstaande acties: elke actie is gedaan, of er is er geen gepland.',
    reportDate: 'Rapport',
    actionsTally: (n: number, subjects: number, overdue: number, date: string) =>
      `${count(n, 'openstaande actie', 'openstaande acties')} van ${count(subjects, 'organisatie', 'organisaties')}, ${overdue} te laat per ${date}`,
    wroteList: (file: string) => `geschreven: ${file}`,
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
    reportDescription: (what: string, subject: string, date: string, passed: boolean) =>
      `${what} van ${subject}, ${date}: ${passed ? 'voldaan' : 'niet voldaan'}.`,
    portfolioDescription: (subjects: number, reports: number, passed: number) =>
      `Betrouwbaarheidsportfolio van ${count(subjects, 'organisatie', 'organisaties')} (${count(reports, 'rapport', 'rapporten')}): ${passed} van de ${subjects} ${passed === 1 ? 'voldoet' : 'voldoen'} in het laatste rapport.`,
    scrollHint: 'Veeg of scroll opzij voor alle vragen; de eerste kolom blijft staan.',
  },
} as const;

export type Labels = (typeof LABELS)['en'] | (typeof LABELS)['nl'];

export function labelsFor(language: string): Labels {
  return pick<Labels>(LABELS, language);
}

/** Why the report could not be appended to the job summary, in words (see io/write.ts). */
type AppendReasons = Record<
  | 'pipe'
  | 'folder'
  | 'no-folder'
  | 'not-a-folder'
  | 'permission'
  | 'full'
  | 'busy'
  | 'no-device'
  | 'changed',
  string
> & { error: (code: string) => string };

/** What an audit says on stderr when it does not append its report to the GitHub job summary. */
export const STEP_SUMMARY_WORDS: Record<
  Language,
  {
    isInput: (summary: string, input: string) => string;
    isOutput: (summary: string, output: string) => string;
    cannot: (summary: string, reason: string) => string;
    reasons: AppendReasons;
  }
> = {
  en: {
    isInput: (summary, input) =>
      `the job summary (GITHUB_STEP_SUMMARY=${summary}) is ${input}, which this audit reads; trustcheck never writes over its own input, so the report was not appended to it`,
    isOutput: (summary, output) =>
      `the job summary (GITHUB_STEP_SUMMARY=${summary}) is ${output}, where this audit writes its report; the report was not appended to it a second time`,
    cannot: (summary, reason) =>
      `cannot append the report to the job summary ${summary}: ${reason}; the audit goes on`,
    reasons: {
      pipe: 'it is a pipe or a socket, which could keep the audit waiting; give a file',
      folder: 'it is a folder; give a file',
      'no-folder': 'its folder does not exist',
      'not-a-folder': 'a part of its path is a file, not a folder',
      permission: 'you may not write there (no permission, or read-only)',
      full: 'the disk is full',
      busy: 'the device takes nothing now',
      'no-device': 'there is no device behind it',
      changed: 'the file was replaced while trustcheck opened it',
      error: (code) => `an unexpected system error (${code})`,
    },
  },
  nl: {
    isInput: (summary, input) =>
      `de samenvatting van de job (GITHUB_STEP_SUMMARY=${summary}) is ${input}, dat deze audit leest; trustcheck schrijft nooit over zijn eigen invoer, dus het rapport is er niet aan toegevoegd`,
    isOutput: (summary, output) =>
      `de samenvatting van de job (GITHUB_STEP_SUMMARY=${summary}) is ${output}, waar deze audit zijn rapport al schrijft; het rapport is er niet nog een keer aan toegevoegd`,
    cannot: (summary, reason) =>
      `kan het rapport niet toevoegen aan de samenvatting van de job ${summary}: ${reason}; de audit gaat door`,
    reasons: {
      pipe: 'het is een pipe of een socket, waardoor de audit zou kunnen blijven wachten; geef een bestand',
      folder: 'het is een map; geef een bestand',
      'no-folder': 'de map bestaat niet',
      'not-a-folder': 'een deel van het pad is een bestand, geen map',
      permission: 'je mag daar niet schrijven (geen toestemming, of alleen-lezen)',
      full: 'de schijf is vol',
      busy: 'het apparaat neemt nu niets aan',
      'no-device': 'er zit geen apparaat achter',
      changed: 'het bestand werd vervangen terwijl trustcheck het opende',
      error: (code) => `een onverwachte systeemfout (${code})`,
    },
  },
};

/** A verdict a report claims, and what its answers give instead (see derive.ts). */
type ClaimWords = {
  owner: (owner: ClaimOwner) => string;
  claim: (owner: string, field: string, claimed: string, reason: string) => string;
  answer: (reason: Extract<Reason, { kind: 'answer' }>, field: string) => string;
  count: (reason: Extract<Reason, { kind: 'count' }>) => string;
  size: (reason: Extract<Reason, { kind: 'size' }>) => string;
  action: (reason: Extract<Reason, { kind: 'action' }>) => string;
  plan: (reason: Extract<Reason, { kind: 'plan' }>) => string;
  respondents: (reason: Extract<Reason, { kind: 'respondents' }>) => string;
};

/** What `verify` says, and what a reader says of a report whose verdicts do not follow. */
export interface VerifyWords extends ClaimWords {
  /** A text of the report that is not the questionnaire's. */
  textDiffers: (what: TextKind, where: string, found: string, expected: string) => string;
  missing: (what: 'question' | 'statement', id: string, parent: string) => string;
  extra: (what: 'question' | 'statement', id: string, parent: string) => string;
  twice: (what: 'question' | 'statement', id: string, parent: string) => string;
  order: (what: 'question' | 'statement', parent: string) => string;
  naNotAllowed: (statement: string, questionnaire: string) => string;
  /** The report's digest is that of another questionnaire (or version) than it names. */
  digestOf: (named: string, actual: string) => string;
  /** The report names a shipped version (or one given with -q), with another digest. */
  digestChanged: (named: string, source: string) => string;
  shipped: string;
  /** A field of the report that is not what the answers give. */
  differs: (where: string, field: string, found: string, given: string, at: string) => string;
  fieldName: Record<AnswerField, string>;
  nothing: string;
  unanswered: (questionnaire: string) => string;
  /** The answers pin another major version than the report's: an audit refuses them. */
  pinned: (questionnaire: string, pinned: string, version: string) => string;
  /** A difference the checks above do not name (a safety net): where, and both values. */
  otherDifference: (path: string, found: string, given: string) => string;
  comparisonUnchecked: (date: string) => string;
  holds: (file: string, checked: string[]) => string;
  fails: (file: string, n: number) => string;
  checked: {
    consistent: string;
    /** The questionnaires, each with where it is from (`shipped`, or the file given). */
    questionnaires: (list: string) => string;
    shippedLabel: string;
    answers: (file: string, date: string) => string;
  };
}

export type TextKind = 'title' | 'questionTitle' | 'statementText' | 'remedy';
export type AnswerField =
  'subject' | 'assessor' | 'date' | 'answer' | 'note' | 'evidence' | 'until';

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const VERIFY_WORDS: Readonly<Record<Language, VerifyWords>> = {
  en: {
    owner: (o) =>
      o.kind === 'statement'
        ? `statement "${o.statement}" (${o.questionnaire} › ${o.section})`
        : o.kind === 'section'
          ? `question "${o.section}" of ${o.questionnaire}`
          : o.kind === 'questionnaire'
            ? `questionnaire ${o.questionnaire}`
            : 'the report',
    claim: (owner, field, claimed, reason) => `${owner} says "${field}": ${claimed}, but ${reason}`,
    answer: (r, field) => {
      if (r.answer === null) return 'it is not answered';
      if (r.answer !== 'na')
        return field === 'naExpired'
          ? `its answer is ${r.answer}, not n/a`
          : `its answer is ${r.answer}`;
      if (r.expired) return `its n/a ended on ${r.until!}, before the report's date ${r.date}`;
      if (field === 'naExpired')
        return r.until === null
          ? 'its n/a has no end date'
          : `its n/a runs until ${r.until}, not before the report's date ${r.date}`;
      if (!r.noted) return 'its n/a has no note';
      return `its answer is n/a with a note${r.until === null ? '' : `, until ${r.until}`}`;
    },
    count: (r) => {
      if (r.of === 0) return `it holds no ${r.unit}`;
      if (r.count === r.of) {
        const state = r.unit === 'statement' ? 'true' : 'pass';
        if (r.of === 1) return `its one ${r.unit} ${state === 'true' ? 'is true' : 'passes'}`;
        return `all ${r.of} of its ${r.unit}s ${state === 'true' ? 'are true' : 'pass'}`;
      }
      const units = count(r.of, r.unit, `${r.unit}s`);
      return r.unit === 'statement'
        ? `${r.count} of its ${units} ${plural(r.count, 'is', 'are')} true`
        : `${r.count} of its ${units} ${plural(r.count, 'passes', 'pass')}`;
    },
    size: (r) => `there ${plural(r.of, 'is', 'are')} ${count(r.of, r.unit, `${r.unit}s`)}`,
    action: (r) =>
      r.satisfied
        ? 'its statement is true, so the action is done'
        : r.derived === 'overdue'
          ? `it was due on ${r.due}, before the report's date ${r.date}, and its statement is not true`
          : r.derived === 'postponed'
            ? `its due date ${r.due} is later than the baseline's ${r.previousDue!}, and not before the report's date ${r.date}`
            : `its statement is not true and it is due on ${r.due}, not before the report's date ${r.date}`,
    plan: (r) => `its statements and actions give ${r.of}`,
    respondents: (r) =>
      r.notSatisfied > 0
        ? `${r.notSatisfied} of its ${count(r.of, 'respondent', 'respondents')} did not make it true`
        : r.of === 0
          ? 'no respondent answered it'
          : `all ${count(r.of, 'respondent', 'respondents')} made it true${r.na > 0 ? ` (${r.na} with n/a)` : ''}`,
    textDiffers: (what, where, found, expected) =>
      `the ${what === 'statementText' ? 'text' : what === 'remedy' ? 'remedy' : 'title'} of ${where} is not the questionnaire's: the report has ${found}, the questionnaire ${expected}`,
    missing: (what, id, parent) => `${what} "${id}" of ${parent} is missing from the report`,
    extra: (what, id, parent) => `${what} "${id}" is not in ${parent}`,
    twice: (what, id, parent) => `${what} "${id}" appears twice in ${parent}`,
    order: (what, parent) => `the ${what}s of ${parent} are not in the questionnaire's order`,
    naNotAllowed: (statement, questionnaire) =>
      `${statement} is answered n/a, which ${questionnaire} does not allow for it`,
    digestOf: (named, actual) => `the report names ${named}, but its digest is that of ${actual}`,
    digestChanged: (named, source) =>
      `the digest of ${named} is not that of ${source}: the report was not made with that questionnaire, or its texts were changed`,
    shipped: 'the shipped file',
    differs: (where, field, found, given, at) =>
      `the ${field} of ${where} in the report is ${found}, but the answers give ${given} (${at})`,
    fieldName: {
      subject: 'subject',
      assessor: 'assessor',
      date: 'date',
      answer: 'answer',
      note: 'note',
      evidence: 'evidence',
      until: 'end date (until)',
    },
    nothing: 'nothing',
    unanswered: (q) =>
      `the answers do not answer ${q}, which the report holds; give the answer file the report was made from`,
    pinned: (q, pinned, version) =>
      `the answers were given against ${q} ${pinned}, another major version than the report's ${version}: an audit does not read them against it`,
    otherDifference: (path, found, given) =>
      `${path} in the report is ${found}, but the answers give ${given}`,
    comparisonUnchecked: (date) =>
      `the report's comparison with the baseline of ${date} is not checked (verify does not read the baseline)`,
    holds: (file, checked) => [`${file} holds:`, ...checked.map((c) => `  ✓ ${c}`)].join('\n'),
    fails: (file, n) =>
      `${file} does not hold: ${count(n, 'finding', 'findings')}; make the report again from its answers (trustcheck audit --answers FILE -f json)`,
    checked: {
      consistent: 'every verdict follows from its answers',
      questionnaires: (list) =>
        `its questionnaires are the ones it names, with their texts: ${list}`,
      shippedLabel: 'shipped',
      answers: (file, date) => `it is what ${file} gives, audited on ${date}`,
    },
  },
  nl: {
    owner: (o) =>
      o.kind === 'statement'
        ? `uitspraak "${o.statement}" (${o.questionnaire} › ${o.section})`
        : o.kind === 'section'
          ? `vraag "${o.section}" van ${o.questionnaire}`
          : o.kind === 'questionnaire'
            ? `vragenlijst ${o.questionnaire}`
            : 'het rapport',
    claim: (owner, field, claimed, reason) =>
      `${owner} zegt "${field}": ${claimed}, maar ${reason}`,
    answer: (r, field) => {
      const word = { yes: 'ja', no: 'nee', na: 'n.v.t.' };
      if (r.answer === null) return 'ze is niet beantwoord';
      if (r.answer !== 'na')
        return field === 'naExpired'
          ? `het antwoord is ${word[r.answer]}, geen n.v.t.`
          : `het antwoord is ${word[r.answer]}`;
      if (r.expired)
        return `de n.v.t. liep af op ${r.until!}, vóór de datum van het rapport (${r.date})`;
      if (field === 'naExpired')
        return r.until === null
          ? 'de n.v.t. heeft geen einddatum'
          : `de n.v.t. loopt tot ${r.until}, niet vóór de datum van het rapport (${r.date})`;
      if (!r.noted) return 'de n.v.t. heeft geen toelichting';
      return `het antwoord is n.v.t. met een toelichting${r.until === null ? '' : `, tot ${r.until}`}`;
    },
    count: (r) => {
      const names = {
        statement: ['uitspraak', 'uitspraken'],
        question: ['vraag', 'vragen'],
        questionnaire: ['vragenlijst', 'vragenlijsten'],
      } as const;
      const [one, many] = names[r.unit];
      if (r.of === 0) return `het bevat geen ${one}`;
      const state = r.unit === 'statement' ? 'waar' : 'voldaan';
      if (r.count === r.of) {
        return r.of === 1 ? `de enige ${one} is ${state}` : `alle ${r.of} ${many} zijn ${state}`;
      }
      return `${r.count} van de ${r.of} ${plural(r.of, one, many)} ${plural(r.count, 'is', 'zijn')} ${
        r.unit === 'statement' ? 'waar' : 'voldaan'
      }`;
    },
    respondents: (r) =>
      r.notSatisfied > 0
        ? `${r.notSatisfied} van de ${r.of} respondenten ${plural(r.notSatisfied, 'maakte', 'maakten')} de uitspraak niet waar`
        : r.of === 0
          ? 'geen respondent heeft haar beantwoord'
          : `alle ${r.of} respondenten maakten de uitspraak waar${r.na > 0 ? ` (${r.na} met n.v.t.)` : ''}`,
    size: (r) => {
      const [one, many] =
        r.unit === 'statement'
          ? ['uitspraak', 'uitspraken']
          : r.unit === 'question'
            ? ['vraag', 'vragen']
            : ['vragenlijst', 'vragenlijsten'];
      return `er ${plural(r.of, 'is', 'zijn')} ${count(r.of, one, many)}`;
    },
    action: (r) =>
      r.satisfied
        ? 'de uitspraak is waar, dus de actie is gedaan'
        : r.derived === 'overdue'
          ? `de actie moest af zijn op ${r.due}, vóór de datum van het rapport (${r.date}), en de uitspraak is niet waar`
          : r.derived === 'postponed'
            ? `de einddatum ${r.due} ligt later dan die van de basislijn (${r.previousDue!}), en niet vóór de datum van het rapport (${r.date})`
            : `de uitspraak is niet waar en de actie moet af zijn op ${r.due}, niet vóór de datum van het rapport (${r.date})`,
    plan: (r) => `de uitspraken en acties geven ${r.of}`,
    textDiffers: (what, where, found, expected) =>
      `${what === 'statementText' ? 'de tekst' : what === 'remedy' ? 'de oplossing' : 'de titel'} van ${where} is niet die van de vragenlijst: het rapport heeft ${found}, de vragenlijst ${expected}`,
    missing: (what, id, parent) =>
      `${what === 'question' ? 'vraag' : 'uitspraak'} "${id}" van ${parent} ontbreekt in het rapport`,
    extra: (what, id, parent) =>
      `${what === 'question' ? 'vraag' : 'uitspraak'} "${id}" staat niet in ${parent}`,
    twice: (what, id, parent) =>
      `${what === 'question' ? 'vraag' : 'uitspraak'} "${id}" staat twee keer in ${parent}`,
    order: (what, parent) =>
      `de ${what === 'question' ? 'vragen' : 'uitspraken'} van ${parent} staan niet in de volgorde van de vragenlijst`,
    naNotAllowed: (statement, questionnaire) =>
      `${statement} is beantwoord met n.v.t., wat ${questionnaire} daar niet toestaat`,
    digestOf: (named, actual) => `het rapport noemt ${named}, maar de digest is die van ${actual}`,
    digestChanged: (named, source) =>
      `de digest van ${named} is niet die van ${source}: het rapport is niet met die vragenlijst gemaakt, of de teksten zijn veranderd`,
    shipped: 'het meegeleverde bestand',
    differs: (where, field, found, given, at) =>
      `${field} van ${where} is in het rapport ${found}, maar de antwoorden geven ${given} (${at})`,
    fieldName: {
      subject: 'de organisatie',
      assessor: 'de beoordelaar',
      date: 'de datum',
      answer: 'het antwoord',
      note: 'de toelichting',
      evidence: 'het bewijs',
      until: 'de einddatum (until)',
    },
    nothing: 'niets',
    unanswered: (q) =>
      `de antwoorden beantwoorden ${q} niet, en het rapport bevat die wel; geef het antwoordbestand waaruit het rapport is gemaakt`,
    pinned: (q, pinned, version) =>
      `de antwoorden zijn gegeven voor ${q} ${pinned}, een andere hoofdversie dan ${version} van het rapport: een audit leest ze daar niet tegen`,
    otherDifference: (path, found, given) =>
      `${path} is in het rapport ${found}, maar de antwoorden geven ${given}`,
    comparisonUnchecked: (date) =>
      `de vergelijking van het rapport met de basislijn van ${date} is niet gecontroleerd (verify leest de basislijn niet)`,
    holds: (file, checked) => [`${file} klopt:`, ...checked.map((c) => `  ✓ ${c}`)].join('\n'),
    fails: (file, n) =>
      `${file} klopt niet: ${count(n, 'bevinding', 'bevindingen')}; maak het rapport opnieuw uit de antwoorden (trustcheck audit --answers BESTAND -f json)`,
    checked: {
      consistent: 'elk oordeel volgt uit de antwoorden',
      questionnaires: (list) => `de vragenlijsten zijn die het noemt, met hun teksten: ${list}`,
      shippedLabel: 'meegeleverd',
      answers: (file, date) => `het is wat ${file} geeft bij een audit op ${date}`,
    },
  },
};

export function verifyWordsFor(language: string): VerifyWords {
  return pick(VERIFY_WORDS, language);
}

/** The words of a team audit's report: who answered, and where they disagree. */
export interface TeamWords {
  disagreements: string;
  noDisagreements: string;
  /** The counts under the heading: respondents, agreed true, agreed not true, disagreed. */
  counts: (c: {
    respondents: number;
    agreedTrue: number;
    agreedNotTrue: number;
    disagreed: number;
  }) => string;
  respondents: string;
  respondent: string;
  role: string;
  /** A disagreement whose answers decide the verdict (one said no, another yes). */
  decides: string;
  /** A disagreement that does not change the verdict (yes beside n/a). */
  stillTrue: string;
  unattributed: string;
  /** Who said no (or did not answer), for a statement that is not true. */
  saidNo: (names: string) => string;
  notAnsweredBy: (names: string) => string;
  open: string;
  leftOpen: (who: string, n: number) => string;
  matrix: string;
  legendNo: string;
  legendYes: string;
  legendNa: string;
  legendNone: string;
  /** The respondents' answers in the appendix. */
  each: string;
}

export const TEAM_WORDS: Readonly<Record<Language, TeamWords>> = {
  en: {
    disagreements: 'Where your people disagree',
    noDisagreements: 'Nowhere: every respondent gave the same answer to every statement.',
    counts: (c) =>
      `${count(c.respondents, 'respondent', 'respondents')}; ${count(c.agreedTrue, 'statement', 'statements')} agreed true, ${c.agreedNotTrue} agreed not true, ${c.disagreed} disagreed.`,
    respondents: 'Respondents',
    respondent: 'Respondent',
    role: 'Role',
    decides: 'their answers decide the verdict',
    stillTrue: 'true either way',
    unattributed: 'Notes and evidence (not attributed)',
    saidNo: (names) => `Not true according to ${names}`,
    notAnsweredBy: (names) => `Not answered by ${names}`,
    open: 'Who did not answer',
    leftOpen: (who, n) => `${who} left ${count(n, 'statement', 'statements')} open`,
    matrix: 'Answers per respondent where they disagree',
    legendNo: 'no',
    legendYes: 'yes',
    legendNa: 'not applicable',
    legendNone: 'not answered',
    each: 'Each respondent',
  },
  nl: {
    disagreements: 'Waar uw mensen het oneens zijn',
    noDisagreements: 'Nergens: elke respondent gaf op elke uitspraak hetzelfde antwoord.',
    counts: (c) =>
      `${count(c.respondents, 'respondent', 'respondenten')}; ${count(c.agreedTrue, 'uitspraak', 'uitspraken')} volgens iedereen waar, ${c.agreedNotTrue} volgens iedereen niet waar, over ${c.disagreed} zijn ze het oneens.`,
    respondents: 'Respondenten',
    respondent: 'Respondent',
    role: 'Rol',
    decides: 'hun antwoorden bepalen het oordeel',
    stillTrue: 'hoe dan ook waar',
    unattributed: 'Toelichtingen en bewijs (zonder naam)',
    saidNo: (names) => `Niet waar volgens ${names}`,
    notAnsweredBy: (names) => `Niet beantwoord door ${names}`,
    open: 'Wie niet alles beantwoordde',
    leftOpen: (who, n) => `${who} liet ${count(n, 'uitspraak', 'uitspraken')} open`,
    matrix: 'Antwoorden per respondent waar zij het oneens zijn',
    legendNo: 'nee',
    legendYes: 'ja',
    legendNa: 'niet van toepassing',
    legendNone: 'niet beantwoord',
    each: 'Per respondent',
  },
};

export function teamWordsFor(language: string): TeamWords {
  return pick<TeamWords>(TEAM_WORDS, language);
}
