// The words of the interactive audit, in English and Dutch: prompts, key hints, validation
// messages, progress, verdicts, the review screen, and what is asked when an answer changes.
// The all-must-be-true rule is the core's one sentence (RULE), as in reports.
import type { AttachedField } from '../core/answers.js';
import { pick, RULE } from '../core/language.js';

export const TEXTS = {
  en: {
    assessor: 'Your name (Enter to skip)',
    role: 'Your role, such as Sales or Support (Enter to skip)',
    subject: 'Which organisation do you audit?',
    subjectRequired: 'Please give the name of the organisation.',
    questionnaires: 'Which questionnaires?',
    pickOne: 'Choose at least one questionnaire (space ticks it).',
    yes: 'Yes',
    no: 'No',
    na: 'Not applicable',
    help: 'Help',
    back: 'Back',
    noteOptional: 'A note (why not, or what is missing)? Leave empty to skip.',
    noteRequired: 'Why does it not apply? (a note is required)',
    noteMissing: 'Not applicable needs a note.',
    rule: RULE.en,
    /** The key hints of the prompts, by the action @inquirer names. */
    keys: {
      navigate: 'move',
      toggle: 'tick',
      select: 'choose',
      all: 'all',
      invert: 'invert',
      submit: 'confirm',
    } as Record<string, string>,
    keyNames: { space: 'space' } as Record<string, string>,
    progress: (title: string, section: number, sections: number, answered: number, total: number) =>
      `${title} · question ${section}/${sections} · ${answered} of ${total} answered`,
    sectionPassed: (n: number) => `yes: all ${n} statements are true`,
    sectionFailed: (n: number, total: number) =>
      `no: ${n} of ${total} ${total === 1 ? 'statement' : 'statements'} ${n === 1 ? 'is' : 'are'} not true:`,
    resuming: (subject: string, answered: number, total: number) =>
      `Resuming ${subject}: ${answered} of ${total} answered`,
    review: 'Review: every question and its verdict. Choose one to change an answer.',
    reviewDone: 'Done: write the report',
    reviewDoneSaved: 'Done: every answer is saved',
    offer: (n: number, file: string) =>
      `Answer the ${n === 1 ? 'new statement' : `${n} new statements`} of ${file} now?`,
    offerNow: 'Yes, now',
    offerLater: 'No, later',
    reviewStatement: 'Which statement do you want to answer again?',
    verdictYes: 'yes',
    verdictNo: 'no',
    answerWord: { yes: 'yes', no: 'no', na: 'n/a' } as Record<string, string>,
    unanswered: 'open',
    reportPath: 'Write the report to',
    reportPathMissing: 'Give a file name.',
    saved: (file: string) => `answers are saved in ${file} as you go`,
    interrupted: (given: number, changed: number, file: string, resume: string) =>
      `interrupted: every answer is saved in ${file} (${given} given now${changed > 0 ? `, ${changed} changed` : ''}); continue with: ${resume}`,
    interruptedEarly: 'interrupted before the audit started; nothing was written',
    nothingToAsk: (file: string) => `every statement in ${file} is answered already`,
    answerChanged: (from: string, to: string) => `The answer changed from ${from} to ${to}.`,
    /** What is asked of each field of a changed answer: what it was, and its new text. */
    attached: {
      note: { was: (text: string) => `Its note was: “${text}”.`, edit: 'The note:' },
      evidence: { was: (text: string) => `Its evidence was: “${text}”.`, edit: 'The evidence:' },
      action: { was: (text: string) => `Its action was: ${text}.`, edit: '' },
    } satisfies Record<AttachedField, { was: (text: string) => string; edit: string }>,
    actionAsk: 'Who will make this true, and by when?',
    actionOwner: 'Who? (a name, or a team; Enter skips)',
    actionDue: 'By when? (YYYY-MM-DD)',
    actionDueInvalid: 'Write a date as YYYY-MM-DD, such as 2027-03-31.',
    actionDueImpossible: (date: string) => `${date} does not exist; write a real date.`,
    actionShown: (owner: string, due: string) => `${owner}, by ${due}`,
    reviewNoAction: (n: number) =>
      n === 1 ? '(no owner yet for 1 statement)' : `(no owner yet for ${n} statements)`,
    keep: 'Keep it',
    change: 'Change it',
    clear: 'Clear it',
    untilGone: (until: string) =>
      `Its end date (until ${until}) belonged to Not applicable and is removed.`,
    exists: (file: string) =>
      `continue it with \`trustcheck audit --resume ${file}\`, or start over with --force`,
  },
  nl: {
    assessor: 'Je naam (Enter om over te slaan)',
    role: 'Je rol, bijvoorbeeld Verkoop of Klantenservice (Enter om over te slaan)',
    subject: 'Welke organisatie licht je door?',
    subjectRequired: 'Geef de naam van de organisatie.',
    questionnaires: 'Welke vragenlijsten?',
    pickOne: 'Kies minstens één vragenlijst (met de spatiebalk).',
    yes: 'Ja',
    no: 'Nee',
    na: 'Niet van toepassing',
    help: 'Uitleg',
    back: 'Terug',
    noteOptional: 'Een toelichting (waarom niet, of wat ontbreekt)? Leeg laten om over te slaan.',
    noteRequired: 'Waarom is het niet van toepassing? (toelichting verplicht)',
    noteMissing: 'Niet van toepassing vraagt om een toelichting.',
    rule: RULE.nl,
    keys: {
      navigate: 'kiezen',
      toggle: 'aan/uit',
      select: 'bevestigen',
      all: 'alles',
      invert: 'omdraaien',
      submit: 'bevestigen',
    } as Record<string, string>,
    keyNames: { space: 'spatie' } as Record<string, string>,
    progress: (title: string, section: number, sections: number, answered: number, total: number) =>
      `${title} · vraag ${section}/${sections} · ${answered} van ${total} beantwoord`,
    sectionPassed: (n: number) => `ja: alle ${n} uitspraken zijn waar`,
    sectionFailed: (n: number, total: number) =>
      `nee: ${n} van de ${total} ${total === 1 ? 'uitspraak' : 'uitspraken'} ${n === 1 ? 'is' : 'zijn'} niet waar:`,
    resuming: (subject: string, answered: number, total: number) =>
      `Verder met ${subject}: ${answered} van ${total} beantwoord`,
    review: 'Overzicht: elke vraag met haar oordeel. Kies er een om een antwoord te wijzigen.',
    reviewDone: 'Klaar: schrijf het rapport',
    reviewDoneSaved: 'Klaar: alle antwoorden zijn opgeslagen',
    offer: (n: number, file: string) =>
      `${n === 1 ? 'De nieuwe uitspraak' : `De ${n} nieuwe uitspraken`} van ${file} nu beantwoorden?`,
    offerNow: 'Ja, nu',
    offerLater: 'Nee, later',
    reviewStatement: 'Welke uitspraak wil je opnieuw beantwoorden?',
    verdictYes: 'ja',
    verdictNo: 'nee',
    answerWord: { yes: 'ja', no: 'nee', na: 'n.v.t.' } as Record<string, string>,
    unanswered: 'open',
    reportPath: 'Rapport opslaan als',
    reportPathMissing: 'Geef een bestandsnaam.',
    saved: (file: string) => `antwoorden worden meteen opgeslagen in ${file}`,
    interrupted: (given: number, changed: number, file: string, resume: string) =>
      `onderbroken: elk antwoord is opgeslagen in ${file} (${given} nu gegeven${changed > 0 ? `, ${changed} gewijzigd` : ''}); ga verder met: ${resume}`,
    interruptedEarly: 'onderbroken voordat de audit begon; er is niets geschreven',
    nothingToAsk: (file: string) => `alle uitspraken in ${file} zijn al beantwoord`,
    answerChanged: (from: string, to: string) => `Het antwoord is veranderd van ${from} in ${to}.`,
    attached: {
      note: { was: (text: string) => `De toelichting was: „${text}”.`, edit: 'De toelichting:' },
      evidence: { was: (text: string) => `Het bewijs was: „${text}”.`, edit: 'Het bewijs:' },
      action: { was: (text: string) => `De actie was: ${text}.`, edit: '' },
    } satisfies Record<AttachedField, { was: (text: string) => string; edit: string }>,
    actionAsk: 'Wie maakt dit waar, en wanneer?',
    actionOwner: 'Wie? (een naam, of een team; Enter slaat over)',
    actionDue: 'Uiterlijk wanneer? (JJJJ-MM-DD)',
    actionDueInvalid: 'Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2027-03-31.',
    actionDueImpossible: (date: string) => `${date} bestaat niet; geef een echte datum.`,
    actionShown: (owner: string, due: string) => `${owner}, uiterlijk ${due}`,
    reviewNoAction: (n: number) =>
      n === 1 ? '(nog geen eigenaar voor 1 uitspraak)' : `(nog geen eigenaar voor ${n} uitspraken)`,
    keep: 'Behouden',
    change: 'Aanpassen',
    clear: 'Wissen',
    untilGone: (until: string) =>
      `De einddatum (tot ${until}) hoorde bij Niet van toepassing en is verwijderd.`,
    exists: (file: string) =>
      `ga verder met \`trustcheck audit --resume ${file}\`, of begin opnieuw met --force`,
  },
} as const;

export type Texts = (typeof TEXTS)['en'] | (typeof TEXTS)['nl'];

export function textsFor(language: string): Texts {
  return pick<Texts>(TEXTS, language);
}
