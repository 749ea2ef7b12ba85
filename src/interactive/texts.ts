// The words of the interactive audit, in English and Dutch.
import { pick } from '../core/language.js';

export const TEXTS = {
  en: {
    subject: 'Which organisation do you audit?',
    subjectRequired: 'Please give the name of the organisation.',
    questionnaires: 'Which questionnaires?',
    yes: 'Yes',
    no: 'No',
    na: 'Not applicable',
    back: 'Back',
    noteOptional: 'A note (why not, or what is missing)? Leave empty to skip.',
    noteRequired: 'Why does it not apply? (a note is required)',
    noteMissing: 'Not applicable needs a note.',
    rule: 'The answer is "yes" only if ALL statements below are true.',
    progress: (title: string, section: number, sections: number, answered: number, total: number) =>
      `${title} · question ${section}/${sections} · ${answered} of ${total} answered`,
    sectionPassed: (n: number) => `yes: all ${n} statements are true`,
    sectionFailed: (ids: string[]) => `no: not true: ${ids.join(', ')}`,
    reportPath: 'Write the report to',
    saved: (file: string) => `answers are saved in ${file} as you go`,
    interrupted: (count: number, file: string) =>
      `interrupted: every answer is saved in ${file} (${count} given now); continue with: trustcheck audit --resume ${file}`,
    nothingToAsk: (file: string) => `every statement in ${file} is answered already`,
    exists: (file: string) =>
      `continue it with \`trustcheck audit --resume ${file}\`, or start over with --force`,
  },
  nl: {
    subject: 'Welke organisatie licht je door?',
    subjectRequired: 'Geef de naam van de organisatie.',
    questionnaires: 'Welke vragenlijsten?',
    yes: 'Ja',
    no: 'Nee',
    na: 'Niet van toepassing',
    back: 'Terug',
    noteOptional: 'Een toelichting (waarom niet, of wat ontbreekt)? Leeg laten om over te slaan.',
    noteRequired: 'Waarom is het niet van toepassing? (toelichting verplicht)',
    noteMissing: 'Niet van toepassing vraagt om een toelichting.',
    rule: 'Het antwoord is alleen "ja" als ALLE uitspraken hieronder waar zijn.',
    progress: (title: string, section: number, sections: number, answered: number, total: number) =>
      `${title} · vraag ${section}/${sections} · ${answered} van ${total} beantwoord`,
    sectionPassed: (n: number) => `ja: alle ${n} uitspraken zijn waar`,
    sectionFailed: (ids: string[]) => `nee: niet waar: ${ids.join(', ')}`,
    reportPath: 'Rapport opslaan als',
    saved: (file: string) => `antwoorden worden meteen opgeslagen in ${file}`,
    interrupted: (count: number, file: string) =>
      `onderbroken: elk antwoord is opgeslagen in ${file} (${count} nu gegeven); ga verder met: trustcheck audit --resume ${file}`,
    nothingToAsk: (file: string) => `alle uitspraken in ${file} zijn al beantwoord`,
    exists: (file: string) =>
      `ga verder met \`trustcheck audit --resume ${file}\`, of begin opnieuw met --force`,
  },
} as const;

export type Texts = (typeof TEXTS)['en'] | (typeof TEXTS)['nl'];

export function textsFor(language: string): Texts {
  return pick<Texts>(TEXTS, language);
}
