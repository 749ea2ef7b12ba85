// What `trustcheck upgrade` says it does (or, with --dry-run, would do) to an answer file, in the
// file's language: per questionnaire the versions, how many answers carry over, the statements
// that moved with their answer, the statements no longer asked (whose answers are dropped) and
// the new ones to answer, each by its words.
import { count } from '../words.js';
import { pick } from '../language.js';
import type { Questionnaire } from '../model.js';
import { localize, pickLanguage } from '../questionnaire.js';
import { safeLine } from '../text/terminal.js';
import type { StatementKey } from '../meanings.js';
import type { UpgradePlan } from '../upgrade.js';
import { changesAnything } from '../upgrade.js';
import type { TerminalLine } from './terminal.js';

const WORDS = {
  en: {
    versions: (title: string, from: string, to: string) => `${title}: ${from} → ${to}`,
    readAs: (pinned: string, from: string) => ` (pinned ${pinned}, read as ${from})`,
    newest: (title: string, version: string) =>
      `${title}: ${version} is the newest version; nothing to do`,
    kept: (n: number, of: number) =>
      `${count(n, 'answer', 'answers')} of ${of} kept: the statement kept its id and meaning`,
    wordingOnly: 'every statement kept its id and meaning (new wording)',
    moved: 'moved to another question, with its answer:',
    movedTo: (text: string, question: string) => `“${text}” now under “${question}”`,
    quote: (text: string) => `“${text}”`,
    dropped: (n: number) =>
      `${count(n, 'statement', 'statements')} no longer asked (removed, or its meaning changed), so ${n === 1 ? 'its answer is' : 'their answers are'} dropped:`,
    added: (n: number) =>
      `${count(n, 'new statement', 'new statements')}, left unanswered (~) to answer:`,
    was: (answer: string) => `(was: ${answer})`,
    answers: { yes: 'yes', no: 'no', na: 'na', none: 'unanswered' },
    untouched: (id: string, nearest: string | undefined) =>
      `${id}: not a built-in questionnaire${nearest === undefined ? '' : ` (did you mean "${nearest}"?)`}; left as it is: upgrade moves the built-in questionnaires only`,
  },
  nl: {
    versions: (title: string, from: string, to: string) => `${title}: ${from} → ${to}`,
    readAs: (pinned: string, from: string) => ` (vastgelegd op ${pinned}, gelezen als ${from})`,
    newest: (title: string, version: string) =>
      `${title}: ${version} is de nieuwste versie; er is niets te doen`,
    kept: (n: number, of: number) =>
      `${count(n, 'antwoord', 'antwoorden')} van ${of} behouden: de uitspraak hield haar id en betekenis`,
    wordingOnly: 'elke uitspraak hield haar id en betekenis (nieuwe formulering)',
    moved: 'verplaatst naar een andere vraag, met het antwoord:',
    movedTo: (text: string, question: string) => `„${text}” staat nu bij „${question}”`,
    quote: (text: string) => `„${text}”`,
    dropped: (n: number) =>
      `${count(n, 'uitspraak wordt', 'uitspraken worden')} niet meer gevraagd (verwijderd, of de betekenis is veranderd), dus ${n === 1 ? 'het antwoord vervalt' : 'de antwoorden vervallen'}:`,
    added: (n: number) =>
      `${count(n, 'nieuwe uitspraak', 'nieuwe uitspraken')}, onbeantwoord gelaten (~) om te beantwoorden:`,
    was: (answer: string) => `(was: ${answer})`,
    answers: { yes: 'ja', no: 'nee', na: 'n.v.t.', none: 'onbeantwoord' },
    untouched: (id: string, nearest: string | undefined) =>
      `${id}: geen ingebouwde vragenlijst${nearest === undefined ? '' : ` (bedoel je "${nearest}"?)`}; ongewijzigd gelaten: upgrade zet alleen de ingebouwde vragenlijsten over`,
  },
};

/** The words of a statement or question of a questionnaire, in `language`, safe to print. */
function textsOf(q: Questionnaire, language: string) {
  const lang = pickLanguage(q, language);
  const say = (text: Parameters<typeof localize>[0]) =>
    safeLine(localize(text, lang, q.languages[0]) ?? '');
  return {
    title: say(q.title),
    statement: (key: StatementKey) => {
      const section = q.sections.find((s) => s.id === key.section);
      const statement = section?.statements.find((st) => st.id === key.statement);
      return statement === undefined ? `${key.section}.${key.statement}` : say(statement.text);
    },
    question: (section: string) => {
      const found = q.sections.find((s) => s.id === section);
      return found === undefined ? section : say(found.title);
    },
  };
}

/**
 * The lines that say what an upgrade does to each questionnaire of a file, each with the indent
 * of its continuation lines when a terminal wraps it.
 */
export function upgradeLines(
  plans: readonly UpgradePlan[],
  language: string,
  untouched: readonly { id: string; nearest: string | undefined }[] = [],
): TerminalLine[] {
  const w = pick(WORDS, language);
  const lines: TerminalLine[] = [];
  // a list item hangs under its text, any other line two columns in
  const push = (text: string) => {
    const indent = /^ *(– )?/.exec(text)![0];
    lines.push({ text, hang: indent.length + (indent.endsWith('– ') ? 0 : 2) });
  };
  for (const plan of plans) {
    const from = textsOf(plan.from, language);
    const to = textsOf(plan.to, language);
    if (!changesAnything(plan)) {
      push(w.newest(to.title, plan.to.version));
      continue;
    }
    const pinned =
      plan.pinned !== undefined && plan.pinned !== plan.from.version
        ? w.readAs(safeLine(plan.pinned), plan.from.version)
        : '';
    push(`${w.versions(to.title, plan.from.version, plan.to.version)}${pinned}`);
    const answered = plan.kept.length + plan.dropped.length;
    if (plan.dropped.length === 0 && plan.added.length === 0) {
      push(`  ${w.wordingOnly}`);
    }
    if (answered > 0) push(`  ${w.kept(plan.kept.length, answered)}`);
    const moved = plan.kept.filter((k) => k.from.section !== k.to.section);
    if (moved.length > 0) {
      push(`  ${w.moved}`);
      for (const k of moved) {
        push(`    – ${w.movedTo(to.statement(k.to), to.question(k.to.section))}`);
      }
    }
    if (plan.dropped.length > 0) {
      push(`  ${w.dropped(plan.dropped.length)}`);
      for (const d of plan.dropped) {
        const answer = w.answers[d.answer ?? 'none'];
        push(`    – ${w.quote(from.statement(d.key))} ${w.was(answer)}`);
      }
    }
    if (plan.added.length > 0) {
      push(`  ${w.added(plan.added.length)}`);
      for (const key of plan.added) push(`    – ${w.quote(to.statement(key))}`);
    }
  }
  for (const { id, nearest } of untouched) push(w.untouched(safeLine(id), nearest));
  return lines;
}
