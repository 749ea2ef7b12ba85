// The interactive audit: a manager answers statement by statement on a terminal, with progress
// over the whole audit, help in the source's words, Back, notes, and a review screen at the end
// where any answer can be changed. It only asks and saves: every answer is written to the
// answers file at once (before its note is asked), so Ctrl-C, a signal or a crash loses nothing
// but the text being typed. A changed answer never keeps its note or evidence unasked: each is
// shown with the change, to keep, change or clear. It returns the answers file (and where the
// report goes); the caller runs the audit on it. Every word is in the audit's language, wrapped
// to the terminal's width.
import {
  ATTACHED_FIELDS,
  type AttachedField,
  type Choice as AnswerChoice,
  type GivenAnswer,
} from '../core/answers.js';
import type { ActionSource } from '../core/actions.js';
import { isCalendarDate, isImpossibleDate } from '../core/dates.js';
import { defaultLanguage, type Language } from '../core/language.js';
import { formatIssue } from '../core/issues.js';
import type { Questionnaire, Section, Statement } from '../core/model.js';
import { localize, pickLanguage } from '../core/questionnaire.js';
import { extensionFor, type ReportFormat } from '../core/render/index.js';
import type { Styles } from '../core/render/styles.js';
import { scoreSection } from '../core/scoring.js';
import { renderTemplate } from '../core/template.js';
import { safeLine } from '../core/text/terminal.js';
import { shellQuote } from '../core/text/shell.js';
import { shortenWords, terminalWidth, wrap } from '../core/text/wrap.js';
import { loadAnswerFile } from '../app/load.js';
import { defaultQuestionnaires, isPathRef, resolveRef } from '../app/registry.js';
import { assertAnswersTarget } from '../app/answers-target.js';
import { schemaRefFor } from '../app/schema-ref.js';
import { selectQuestionnaires, type Selection } from '../app/select.js';
import { TrustcheckError, unwrap } from '../errors.js';
import { AnswersFile, type SavedAnswer } from './answers-file.js';
import { isInterrupt, type Choice as PromptChoice, type Prompts, type Theme } from './prompts.js';
import { textsFor, type Texts } from './texts.js';

/** What the interview writes on: the terminal's error stream, in the user's colours. */
export interface Terminal {
  stderr: { write(text: string): unknown; columns?: number };
  color: Styles;
  env: Readonly<Record<string, string | undefined>>;
  /** A message line, silent under --quiet. */
  info(message: string): void;
  warn(message: string): void;
}

export interface InterviewPlan {
  /** The answers file: created (a new audit) or continued (`existing`). */
  file: string;
  existing: boolean;
  /** A new audit may replace an existing file. */
  force: boolean;
  subject?: string | undefined;
  /** --assessor and --role: who answers; a new audit asks for them when --assessor is not given. */
  assessor?: string | undefined;
  role?: string | undefined;
  /** -q REFs; asked when not given. */
  questionnaires?: readonly string[] | undefined;
  /** --lang */
  language?: Language | undefined;
  /** The audit's date, for the verdict of each section (an N/A may have expired). */
  today: string;
  /** Ask where the report goes, in this format (unless the path's extension says another). */
  askReportPath?: { format: ReportFormat } | undefined;
  /** Why a report path cannot be written, in the audit's language, if it cannot (asked again then). */
  reportPathProblem?: ((path: string, language: Language) => string | undefined) | undefined;
  /** What follows the interview: a report (an audit, the default), or nothing (`trustcheck upgrade`). */
  ending?: 'report' | 'saved' | undefined;
}

export type InterviewOutcome =
  | { status: 'done'; file: string; language: Language; reportPath?: string }
  | { status: 'interrupted'; message: string };

interface Step {
  questionnaire: Questionnaire;
  section: Section;
  sectionIndex: number;
  statement: Statement;
}

type Pick = AnswerChoice | 'back' | 'help';

/** What the interview knows while it asks: where it writes, in which words, at which width. */
interface Session {
  term: Terminal;
  prompts: Prompts;
  t: Texts;
  language: string;
  today: string;
  answers: AnswersFile;
  steps: Step[];
  /** The answer of each statement answered when the session started. */
  before: Map<Step, AnswerChoice>;
  theme: Theme;
}

export async function interview(
  term: Terminal,
  prompts: Prompts,
  plan: InterviewPlan,
): Promise<InterviewOutcome> {
  const { file } = plan;
  let answers: AnswersFile | undefined;
  let language: Language = plan.language ?? defaultLanguage(term.env, undefined);
  let t: Texts = textsFor(language);
  let session: Session | undefined;
  try {
    let questionnaires: Questionnaire[];
    let subject: string;
    if (plan.existing) {
      const loaded = unwrap(loadAnswerFile(file));
      language = plan.language ?? defaultLanguage(term.env, loaded.value.language);
      t = textsFor(language);
      questionnaires = selected(selectQuestionnaires(loaded, plan.questionnaires), term);
      answers = new AnswersFile(file, loaded.parsed.doc);
      subject = plan.subject ?? loaded.value.subject;
    } else {
      assertAnswersTarget(file, plan.force, t.exists(file));
      const theme = themeFor(t, term.color);
      // who answers, first (a team's respondent); Enter skips the name, and then the role
      const optional = async (message: string): Promise<string | undefined> =>
        (await prompts.input({ message: promptText(message, widthOf(term)), theme })).trim() ||
        undefined;
      const assessor = plan.assessor ?? (await optional(t.assessor));
      const role =
        plan.role ??
        (plan.assessor === undefined && assessor !== undefined
          ? await optional(t.role)
          : undefined);
      subject =
        plan.subject ??
        (
          await prompts.input({
            message: promptText(t.subject, widthOf(term)),
            validate: (v) => v.trim() !== '' || t.subjectRequired,
            theme,
          })
        ).trim();
      const refs =
        plan.questionnaires ??
        (await prompts.checkbox({
          message: promptText(t.questionnaires, widthOf(term)),
          validate: (chosen) => chosen.length > 0 || t.pickOne,
          choices: defaultQuestionnaires().map((id) => {
            const q = unwrap(resolveRef(id)).value;
            return {
              name: `${localize(q.title, pickLanguage(q, language))} (${id})`,
              value: id,
              checked: true,
            };
          }),
          theme,
        }));
      questionnaires = selected(selectQuestionnaires(undefined, refs), term);
      answers = AnswersFile.fromText(
        file,
        renderTemplate(questionnaires, {
          subject,
          assessor,
          role,
          language,
          schemaRef: schemaRefFor(file),
        }),
      );
      answers.save();
      inform(term, t.saved(file), (l) => term.color.dim(l));
    }
    session = {
      term,
      prompts,
      t,
      language,
      today: plan.today,
      answers,
      steps: questionnaires.flatMap((questionnaire) =>
        questionnaire.sections.flatMap((section, sectionIndex) =>
          section.statements.map((statement) => ({
            questionnaire,
            section,
            sectionIndex,
            statement,
          })),
        ),
      ),
      before: new Map(),
      theme: themeFor(t, term.color),
    };
    for (const step of session.steps) {
      const given = answers.get(step.questionnaire.id, step.section.id, step.statement.id);
      if (isAnswered(session, step) && given.answer !== null)
        session.before.set(step, given.answer);
    }
    if (plan.existing) {
      inform(term, t.resuming(safeLine(subject), session.before.size, session.steps.length), (l) =>
        term.color.bold(l),
      );
    }
    await askAll(session);
    await review(session, plan.ending === 'saved' ? t.reviewDoneSaved : t.reviewDone);
    const reportPath =
      plan.askReportPath === undefined
        ? undefined
        : await prompts.input({
            message: promptText(t.reportPath, widthOf(term)),
            default: `trustcheck-report${extensionFor(plan.askReportPath.format)}`,
            validate: (v) =>
              v.trim() === ''
                ? t.reportPathMissing
                : (plan.reportPathProblem?.(v.trim(), language) ?? true),
            theme: session.theme,
          });
    return {
      status: 'done',
      file,
      language,
      ...(reportPath === undefined ? {} : { reportPath: reportPath.trim() }),
    };
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    if (answers === undefined) return { status: 'interrupted', message: t.interruptedEarly };
    const { given, changed } = session === undefined ? { given: 0, changed: 0 } : tally(session);
    return {
      status: 'interrupted',
      message: t.interrupted(given, changed, file, resumeCommand(file, plan.questionnaires)),
    };
  }
}

/**
 * Whether to answer the `count` new statements of an answers file now (`trustcheck upgrade` on a
 * terminal), in the file's language; "interrupted" on Ctrl-C or a signal.
 */
export async function offerToAnswer(
  term: Terminal,
  prompts: Prompts,
  count: number,
  file: string,
  language: Language,
): Promise<boolean | 'interrupted'> {
  const t = textsFor(language);
  try {
    return await prompts.select<boolean>({
      message: promptText(t.offer(count, safeLine(file)), widthOf(term)),
      choices: [
        { name: t.offerNow, value: true },
        { name: t.offerLater, value: false },
      ],
      default: true,
      loop: false,
      theme: themeFor(t, term.color),
    });
  } catch (error) {
    if (isInterrupt(error)) return 'interrupted';
    throw error;
  }
}

/**
 * What this session did, as the progress counts it: statements answered that were open when it
 * started (answering one again is not a new answer), and answers it changed.
 */
function tally(session: Session): { given: number; changed: number } {
  let given = 0;
  let changed = 0;
  for (const step of session.steps) {
    const was = session.before.get(step);
    if (was === undefined) {
      if (isAnswered(session, step)) given++;
    } else if (answerOf(session, step).answer !== was) changed++;
  }
  return { given, changed };
}

/**
 * The command that resumes an interrupted audit, ready to paste: a custom questionnaire (a
 * path) is not in the registry, so the questionnaires are given again with -q.
 */
export function resumeCommand(file: string, refs: readonly string[] | undefined): string {
  const again =
    refs !== undefined && refs.some(isPathRef)
      ? refs.map((r) => ` -q ${shellQuote(r)}`).join('')
      : '';
  return `trustcheck audit --resume ${shellQuote(file)}${again}`;
}

/** The key hints of the prompts in the audit's words (`↑↓ move • ⏎ choose`). */
function themeFor(t: Texts, c: Styles): Theme {
  return {
    style: {
      keysHelpTip: (keys) =>
        c.dim(
          keys
            .map(([key, action]) => {
              // in a checkbox, space "selects": it ticks or unticks
              const words = key === 'space' ? t.keys.toggle : t.keys[action];
              return `${t.keyNames[key] ?? key} ${words ?? action}`;
            })
            .join(' • '),
        ),
    },
  };
}

/** The questionnaires of a selection; its problems end the interview, its warnings are shown. */
function selected(selection: Selection, term: Terminal): Questionnaire[] {
  if (selection.issues.length > 0) throw TrustcheckError.fromIssues(selection.issues);
  for (const w of selection.warnings) term.warn(formatIssue(w));
  return selection.selected.map((q) => q.value);
}

/** Answered: yes or no, or an N/A with its note (an N/A whose note was never given is asked again). */
function isAnswered(session: Session, s: Step): boolean {
  const given = session.answers.get(s.questionnaire.id, s.section.id, s.statement.id);
  return given.answer !== null && (given.answer !== 'na' || given.note !== undefined);
}

/** A text of a questionnaire in the audit's language, safe to print. */
function textOf(q: Questionnaire, language: string) {
  const lang = pickLanguage(q, language);
  return (x: Parameters<typeof localize>[0] | undefined): string | undefined =>
    x === undefined ? undefined : safeForScreen(localize(x, lang, q.languages[0]) ?? '');
}

const safeForScreen = (text: string) =>
  text
    .split('\n')
    .map((line) => safeLine(line))
    .join('\n');

const widthOf = (term: Terminal) => terminalWidth(term.stderr.columns);

/** A prompt's message wrapped with a hanging indent: its first line follows the "? " of the prompt. */
function promptText(text: string, width: number): string {
  return wrap(`? ${text}`, width, { hang: '  ' }).join('\n').slice(2);
}

/** A message line (silent under --quiet), wrapped to the terminal. */
function inform(term: Terminal, text: string, style = (s: string) => s): void {
  term.info(wrap(text, widthOf(term), { hang: '  ' }).map(style).join('\n'));
}

/** Writes a block of text on stderr, wrapped to the terminal with a hanging indent. */
function say(session: Session, text: string, indent = '', style = (s: string) => s): void {
  const lines = wrap(text, widthOf(session.term), indent === '' ? {} : { indent, hang: indent });
  session.term.stderr.write(`${lines.map(style).join('\n')}\n`);
}

/**
 * Asks every unanswered statement in order. Back goes to the statement before, answered in this
 * session or before it (a resumed audit offers Back on its first prompt too), and from there on
 * every statement is asked again up to where Back was chosen.
 */
async function askAll(session: Session): Promise<void> {
  const { term, t, steps } = session;
  const c = term.color;
  const pending = new Set(steps.filter((s) => !isAnswered(session, s)));
  if (pending.size === 0) inform(term, t.nothingToAsk(session.answers.file));

  const nextPending = (from: number) => {
    let k = from;
    while (k < steps.length && !pending.has(steps[k]!)) k++;
    return k;
  };
  let i = nextPending(0);
  let shownSection: Section | undefined;
  const introduced = new Set<Questionnaire>();
  while (i < steps.length) {
    const step = steps[i]!;
    const q = step.questionnaire;
    const text = textOf(q, session.language);
    if (!introduced.has(q)) {
      introduced.add(q);
      term.stderr.write('\n');
      say(session, text(q.title) ?? q.id, '', (s) => c.bold(s));
      const description = text(q.description);
      if (description !== undefined) say(session, description);
    }
    if (shownSection !== step.section) {
      shownSection = step.section;
      showSection(session, step);
    }
    const pick = await askStatement(session, step, i > 0);
    if (pick === 'back') {
      i--;
      pending.add(steps[i]!);
      shownSection = undefined;
      continue;
    }
    pending.delete(step);
    const next = nextPending(i + 1);
    if (next >= steps.length || steps[next]!.section !== step.section) {
      sectionVerdict(session, step);
    }
    i = next;
  }
}

function showSection(session: Session, step: Step): void {
  const c = session.term.color;
  const text = textOf(step.questionnaire, session.language);
  session.term.stderr.write('\n');
  say(session, `${step.sectionIndex + 1}. ${text(step.section.title)}`, '', (s) => c.bold(s));
  // the rule in trustcheck's one wording; the section's own help (the source's words) is
  // shown with a statement's help, on request
  say(session, session.t.rule, '', (s) => c.dim(s));
}

/** A statement's answer as the file holds it now. */
function answerOf(session: Session, step: Step): GivenAnswer {
  return session.answers.get(step.questionnaire.id, step.section.id, step.statement.id);
}

/** Saves a statement's answer, and what goes with it, to the file at once. */
function save(session: Session, step: Step, given: SavedAnswer): void {
  session.answers.set(step.questionnaire.id, step.section.id, step.statement.id, given);
}

/**
 * Asks one statement (help on request, Back when `back`), saves the answer at once, then asks
 * for its note and saves again: an interrupted note keeps the answer. A changed answer's note
 * and evidence are decided first (`reconsider`), and saved with it: interrupted before that,
 * the file keeps the earlier answer with its note, as it was.
 */
async function askStatement(session: Session, step: Step, back: boolean): Promise<Pick> {
  const { term, t, steps } = session;
  const c = term.color;
  const q = step.questionnaire;
  const text = textOf(q, session.language);
  const width = widthOf(term);
  const answered = steps.filter((s) => isAnswered(session, s)).length;
  const progress = t.progress(
    text(q.title) ?? q.id,
    step.sectionIndex + 1,
    q.sections.length,
    answered,
    steps.length,
  );
  // the source's words: the question's help, then the statement's
  const helpTexts = [text(step.section.help), text(step.statement.help)].filter(
    (h): h is string => h !== undefined && h.trim() !== '',
  );
  const help = helpTexts.length === 0 ? undefined : helpTexts.join('\n');
  const previous = answerOf(session, step);
  // the "? " of the prompt takes two columns of the first line
  const message = [
    ...wrap(progress, width - 2, { hang: '' }).map((l, k) =>
      k === 0 ? c.dim(l) : c.dim(`  ${l}`),
    ),
    ...wrap(text(step.statement.text) ?? '', width, { indent: '  ', hang: '  ' }),
  ].join('\n');
  for (;;) {
    const pick = await session.prompts.select<Pick>({
      message: `${message}\n `,
      choices: [
        { name: t.yes, value: 'yes' },
        { name: t.no, value: 'no' },
        ...(step.statement.allowNotApplicable === true
          ? [{ name: t.na, value: 'na' as const }]
          : []),
        ...(help === undefined ? [] : [{ name: t.help, value: 'help' as const }]),
        ...(back ? [{ name: t.back, value: 'back' as const }] : []),
      ],
      ...(previous.answer === null ? {} : { default: previous.answer }),
      loop: false,
      theme: session.theme,
    });
    if (pick === 'help') {
      say(session, help ?? '', '  ', (s) => c.dim(s));
      continue;
    }
    if (pick === 'back') return pick;
    const changed = previous.answer !== null && previous.answer !== pick;
    const given: SavedAnswer = changed
      ? await reconsider(session, previous, pick)
      : { ...previous, answer: pick };
    save(session, step, given);
    // a note is asked after a No or an N/A, unless the change just decided it
    const noteDecided = changed && previous.note !== undefined;
    if ((pick === 'no' || pick === 'na') && !noteDecided) {
      const { note: old, ...rest } = given;
      // a note that cannot be typed on one line (a line break, a control) is kept, changed or
      // cleared, never offered as a default (which would print it raw)
      const note =
        old === undefined || isOneLine(old)
          ? await askNote(session, pick, old)
          : await keepChangeOrClear(session, 'note', old, '', pick);
      save(session, step, note === undefined ? rest : { ...rest, note });
    }
    // after a No: who will make it true, and by when (skippable); an action already there is
    // kept, and one a change just decided is not asked again
    const actionDecided = changed && previous.action !== undefined;
    if (pick === 'no' && !actionDecided) {
      const current = answerOf(session, step);
      if (current.action === undefined) {
        const action = await askAction(session);
        if (action !== undefined) save(session, step, { ...current, answer: pick, action });
      }
    }
    return pick;
  }
}

/**
 * The note of a No or an N/A: optional after a No, required after an N/A; an earlier note is the
 * default (Enter keeps it; Backspace removes it, and an empty note clears it).
 */
async function askNote(
  session: Session,
  answer: AnswerChoice,
  old: string | undefined,
): Promise<string | undefined> {
  const { t, term } = session;
  const note = await session.prompts.input({
    message: promptText(answer === 'na' ? t.noteRequired : t.noteOptional, widthOf(term)),
    ...(old === undefined ? {} : { default: old }),
    ...(answer === 'na' ? { validate: (v: string) => v.trim() !== '' || t.noteMissing } : {}),
    theme: session.theme,
  });
  return note.trim() === '' ? undefined : note.trim();
}

/** Text that can be put on a prompt's line as it is: one line, no control characters. */
function isOneLine(text: string): boolean {
  return safeLine(text) === text;
}

/**
 * A changed answer, with what was written for the earlier one decided by the user: each field
 * attached to it (its note, its evidence) is shown with the change, and kept, changed or cleared
 * (an N/A keeps a note: it needs one). An N/A's end date goes with the N/A. Nothing is saved
 * here: the caller saves the answer with what was decided.
 */
async function reconsider(
  session: Session,
  previous: GivenAnswer,
  answer: AnswerChoice,
): Promise<SavedAnswer> {
  const { t, term } = session;
  const given: SavedAnswer = { answer };
  const label = (a: AnswerChoice) => (a === 'yes' ? t.yes : a === 'no' ? t.no : t.na);
  const change = t.answerChanged(label(previous.answer ?? answer), label(answer));
  for (const field of ATTACHED_FIELDS) {
    if (field === 'action') {
      const old = previous.action;
      if (old === undefined) continue;
      const decided = await keepChangeOrClearAction(session, old, change);
      if (decided !== undefined) given.action = decided;
      continue;
    }
    const old = previous[field];
    if (old === undefined) continue;
    const decided = await keepChangeOrClear(session, field, old, change, answer);
    if (decided !== undefined) given[field] = decided;
  }
  if (previous.until !== undefined) {
    if (answer === 'na') given.until = previous.until;
    else inform(term, t.untilGone(previous.until), (l) => term.color.dim(l));
  }
  return given;
}

/**
 * One field attached to an answer, shown after `lead` (the change, in words): kept, changed
 * (edited from its old text, when that fits on a line) or cleared (but an N/A's note).
 */
async function keepChangeOrClear(
  session: Session,
  field: Exclude<AttachedField, 'action'>,
  old: string,
  lead: string,
  answer: AnswerChoice,
): Promise<string | undefined> {
  const { t, term } = session;
  const words = t.attached[field];
  const required = field === 'note' && answer === 'na';
  const width = widthOf(term);
  const what = await session.prompts.select<'keep' | 'change' | 'clear'>({
    message: `${promptText(`${lead} ${words.was(safeForScreen(old))}`.trim(), width)}\n `,
    choices: [
      { name: t.keep, value: 'keep' },
      { name: t.change, value: 'change' },
      ...(required ? [] : [{ name: t.clear, value: 'clear' as const }]),
    ],
    default: 'keep',
    loop: false,
    theme: session.theme,
  });
  if (what === 'keep') return old;
  if (what === 'clear') return undefined;
  const text = await session.prompts.input({
    message: promptText(words.edit, width),
    ...(isOneLine(old) ? { default: old, prefill: 'editable' as const } : {}),
    ...(required ? { validate: (v: string) => v.trim() !== '' || t.noteMissing } : {}),
    theme: session.theme,
  });
  return text.trim() === '' ? undefined : text.trim();
}

/**
 * Who will make a statement true, and by when: an owner (Enter skips the action), then a real
 * date. `old` is offered as the defaults when an action is changed.
 */
async function askAction(session: Session, old?: ActionSource): Promise<ActionSource | undefined> {
  const { t, term } = session;
  const width = widthOf(term);
  const owner = await session.prompts.input({
    message: promptText(`${t.actionAsk} ${t.actionOwner}`, width),
    ...(old === undefined || !isOneLine(old.owner) ? {} : { default: old.owner }),
    theme: session.theme,
  });
  if (owner.trim() === '') return undefined;
  const due = await session.prompts.input({
    message: promptText(t.actionDue, width),
    ...(old === undefined ? {} : { default: old.due }),
    validate: (v: string) => {
      const text = v.trim();
      if (isCalendarDate(text)) return true;
      return isImpossibleDate(text) ? t.actionDueImpossible(text) : t.actionDueInvalid;
    },
    theme: session.theme,
  });
  const action: ActionSource = { owner: owner.trim(), due: due.trim() };
  return old?.what === undefined ? action : { what: old.what, ...action };
}

/** A changed answer's action: kept, changed (asked again, the old one as defaults) or cleared. */
async function keepChangeOrClearAction(
  session: Session,
  old: ActionSource,
  lead: string,
): Promise<ActionSource | undefined> {
  const { t, term } = session;
  const words = t.attached.action;
  const shown = safeForScreen(t.actionShown(old.owner, old.due));
  const what = await session.prompts.select<'keep' | 'change' | 'clear'>({
    message: `${promptText(`${lead} ${words.was(shown)}`.trim(), widthOf(term))}\n `,
    choices: [
      { name: t.keep, value: 'keep' },
      { name: t.change, value: 'change' },
      { name: t.clear, value: 'clear' },
    ],
    default: 'keep',
    loop: false,
    theme: session.theme,
  });
  if (what === 'keep') return old;
  if (what === 'clear') return undefined;
  return askAction(session, old);
}

/** The verdict of a question, in words, with the statements that are not true. */
function sectionVerdict(session: Session, step: Step): void {
  const { term, t, answers } = session;
  const c = term.color;
  const section = step.section;
  const text = textOf(step.questionnaire, session.language);
  const result = scoreSection(section, sectionAnswers(answers, step.questionnaire, section), {
    date: session.today,
  });
  const unsatisfied = result.statements.filter((s) => !s.satisfied);
  if (result.passed) {
    say(session, `✓ ${t.sectionPassed(result.total)}`, '', (s) => c.green(s));
    return;
  }
  say(session, `✗ ${t.sectionFailed(unsatisfied.length, result.total)}`, '', (s) => c.red(s));
  for (const s of unsatisfied) {
    const lines = wrap(`– ${text(s.statement.text) ?? s.statement.id}`, widthOf(term), {
      indent: '  ',
      hang: '    ',
    });
    term.stderr.write(`${lines.join('\n')}\n`);
  }
}

function sectionAnswers(answers: AnswersFile, q: Questionnaire, section: Section) {
  return Object.fromEntries(
    section.statements.map((s) => [s.id, answers.get(q.id, section.id, s.id)]),
  );
}

/**
 * The review screen: every question with its verdict; choosing one lists its statements with
 * their answers, and choosing a statement asks it again. "Done" ends the review.
 */
async function review(session: Session, done: string): Promise<void> {
  const { term, t, answers, steps } = session;
  const width = widthOf(term);
  const sections = [...new Map(steps.map((s) => [s.section, s])).values()];
  // the longest a choice may be: one line, after the cursor
  const fit = (s: string) => shortenWords(s, Math.max(20, width - 4));
  for (;;) {
    const choices: PromptChoice<Step | 'done'>[] = [{ name: done, value: 'done' }];
    for (const step of sections) {
      const text = textOf(step.questionnaire, session.language);
      const result = scoreSection(
        step.section,
        sectionAnswers(answers, step.questionnaire, step.section),
        { date: session.today },
      );
      const pad = Math.max(t.verdictYes.length, t.verdictNo.length);
      const verdict = result.passed
        ? `✓ ${t.verdictYes.padEnd(pad)}`
        : `✗ ${t.verdictNo.padEnd(pad)}`;
      const unplanned = result.statements.filter(
        (r) => !r.satisfied && r.answer.answer !== null && r.answer.action === undefined,
      ).length;
      const noOwner = unplanned === 0 ? '' : ` ${t.reviewNoAction(unplanned)}`;
      choices.push({
        name: fit(
          `${verdict} ${result.satisfied}/${result.total}${noOwner} ${text(step.section.title)}`,
        ),
        value: step,
      });
    }
    term.stderr.write('\n');
    const chosen = await session.prompts.select<Step | 'done'>({
      // the chosen line goes on a line of its own, under the message
      message: `${promptText(t.review, width)}\n `,
      choices,
      default: 'done',
      loop: false,
      pageSize: Math.min(choices.length, 12),
      theme: session.theme,
    });
    if (chosen === 'done') return;
    const inSection = steps.filter((s) => s.section === chosen.section);
    const text = textOf(chosen.questionnaire, session.language);
    const statement = await session.prompts.select<Step | 'back'>({
      message: `${promptText(`${text(chosen.section.title)}\n  ${t.reviewStatement}`, width)}\n `,
      choices: [
        ...inSection.map((s) => {
          const given = answers.get(s.questionnaire.id, s.section.id, s.statement.id).answer;
          const word = given === null ? t.unanswered : (t.answerWord[given] ?? given);
          return { name: fit(`[${word}] ${text(s.statement.text)}`), value: s };
        }),
        { name: t.back, value: 'back' as const },
      ],
      loop: false,
      pageSize: Math.min(inSection.length + 1, 12),
      theme: session.theme,
    });
    if (statement === 'back') continue;
    showSection(session, statement);
    await askStatement(session, statement, false);
    sectionVerdict(session, statement);
  }
}
