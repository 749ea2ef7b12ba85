// A team audit: several respondents answer for one organisation, and their reports are combined
// into one under all-must-be-true across people (SPEC section 4). A statement is satisfied only
// when every respondent satisfied it; its combined answer is derived from the respondents'
// answers (derive.ts, `combinedAnswer`), which the report keeps per respondent. Pure: the files
// are read and checked against each other in app/team-audit.ts.
import { derivedStatus, withActionTotals } from './actions.js';
import { combinedAnswer } from './derive.js';
import { collisionKey, NAME_MAX_BYTES, safeFileName, shortenName } from './report-name.js';
import type {
  Report,
  ReportQuestionnaire,
  ReportStatement,
  Respondent,
  RespondentAnswer,
} from './model.js';

/** One respondent: who, and the report their answers alone give (at the team's date). */
export interface TeamMember {
  name: string;
  role: string | undefined;
  /** sha256 of the respondent's answer file. */
  digest: string;
  report: Report;
}

/** The label of a respondent in an anonymous report: "Respondent 1" (the same in en and nl). */
export const anonymousName = (index: number): string => `Respondent ${index + 1}`;

/**
 * The one report of a team: every respondent's report has the same questionnaires, sections and
 * statements (the same questionnaires at the same versions, checked before), so they are walked
 * together. Under `anonymous`, nothing points at a person: respondents are "Respondent N" in the
 * order of the files, without role or digest, and notes and evidence are listed per statement,
 * sorted, without saying whose they are.
 */
export function combineTeam(
  members: readonly TeamMember[],
  meta: { subject: string; anonymous: boolean },
): Report {
  const first = members[0]!.report;
  const names = members.map((m, i) => (meta.anonymous ? anonymousName(i) : m.name));
  const respondents: Respondent[] = members.map((m, i) => ({
    name: names[i]!,
    role: meta.anonymous ? null : (m.role ?? null),
    answers: meta.anonymous ? null : m.digest,
  }));
  let questionnairesPassed = 0;
  let sectionsPassed = 0;
  let sections = 0;
  let statements = 0;
  let statementsSatisfied = 0;
  const questionnaires = first.questionnaires.map((q, qi): ReportQuestionnaire => {
    let passedHere = 0;
    const out: ReportQuestionnaire = {
      ...q,
      sections: q.sections.map((s, si) => {
        let satisfied = 0;
        const combined = s.statements.map((st, sti): ReportStatement => {
          const given = members.map(
            (m) => m.report.questionnaires[qi]!.sections[si]!.statements[sti]!,
          );
          const answers = given.map((g, i): RespondentAnswer => {
            const answer: RespondentAnswer = {
              respondent: names[i]!,
              answer: g.answer,
              satisfied: g.satisfied,
            };
            if (!meta.anonymous) {
              answer.note = g.note;
              answer.evidence = g.evidence;
            }
            if (g.until !== null) answer.until = g.until;
            return answer;
          });
          const answer = combinedAnswer(answers, first.date);
          if (answer !== 'no') satisfied++;
          const statement: ReportStatement = {
            id: st.id,
            text: st.text,
            answer,
            satisfied: answer !== 'no',
            note: null,
            evidence: null,
            until: null,
            remedy: st.remedy,
            // every respondent's action, in the order of the files: two are both shown, never
            // merged; whose it is, unless anonymous
            actions: given.flatMap((g, i) =>
              (g.actions ?? []).map((a) => {
                const action = {
                  what: a.what,
                  owner: a.owner,
                  due: a.due,
                  status: derivedStatus(answer !== 'no', { due: a.due }, first.date, false),
                  previousDue: null,
                };
                return meta.anonymous ? action : { ...action, respondent: names[i]! };
              }),
            ),
            answers,
          };
          if (meta.anonymous) {
            const notes = given.flatMap((g) => (g.note === null ? [] : [g.note])).sort(byCode);
            const evidence = given
              .flatMap((g) => (g.evidence === null ? [] : [g.evidence]))
              .sort(byCode);
            if (notes.length > 0 || evidence.length > 0) {
              statement.unattributed = { notes, evidence };
            }
          }
          return statement;
        });
        const passed = satisfied === combined.length;
        if (passed) passedHere++;
        sections++;
        statements += combined.length;
        statementsSatisfied += satisfied;
        return { ...s, passed, satisfied, total: combined.length, statements: combined };
      }),
    };
    out.passed = passedHere === q.sections.length;
    if (out.passed) questionnairesPassed++;
    sectionsPassed += passedHere;
    return out;
  });
  return withActionTotals({
    format: first.format,
    tool: first.tool,
    subject: meta.subject,
    assessor: null,
    date: first.date,
    language: first.language,
    passed: questionnaires.length > 0 && questionnairesPassed === questionnaires.length,
    totals: {
      questionnaires: questionnaires.length,
      questionnairesPassed,
      sections,
      sectionsPassed,
      statements,
      statementsSatisfied,
    },
    questionnaires,
    comparison: null,
    respondents,
    ...(meta.anonymous ? { anonymous: true } : {}),
  });
}

// a stable order that does not follow the order of the files
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A statement on which respondents gave different answer values (yes, no, na, or none). */
export interface Disagreement {
  questionnaire: ReportQuestionnaire;
  section: ReportQuestionnaire['sections'][number];
  statement: ReportStatement;
  /** Some respondents satisfied it and some did not: their answers decide the verdict. */
  changesVerdict: boolean;
}

/** Whether the respondents gave different answer values to a statement. */
export function disagreed(statement: ReportStatement): boolean {
  const answers = statement.answers;
  if (answers === undefined || answers.length < 2) return false;
  const first = answers[0]!.answer;
  return answers.some((a) => a.answer !== first);
}

/**
 * Every disagreement of a team report: those that change the verdict (one "no" beside a "yes")
 * first, each group in the report's order.
 */
export function disagreements(report: Report): Disagreement[] {
  const changing: Disagreement[] = [];
  const other: Disagreement[] = [];
  for (const questionnaire of report.questionnaires) {
    for (const section of questionnaire.sections) {
      for (const statement of section.statements) {
        if (!disagreed(statement)) continue;
        const changesVerdict =
          statement.answers!.some((a) => a.satisfied) &&
          statement.answers!.some((a) => !a.satisfied);
        (changesVerdict ? changing : other).push({
          questionnaire,
          section,
          statement,
          changesVerdict,
        });
      }
    }
  }
  return [...changing, ...other];
}

/** A team report's counts: respondents, statements agreed true, agreed not true, disagreed. */
export interface TeamCounts {
  respondents: number;
  agreedTrue: number;
  agreedNotTrue: number;
  disagreed: number;
}

export function teamCounts(report: Report): TeamCounts {
  const counts: TeamCounts = {
    respondents: report.respondents?.length ?? 0,
    agreedTrue: 0,
    agreedNotTrue: 0,
    disagreed: 0,
  };
  for (const q of report.questionnaires) {
    for (const s of q.sections) {
      for (const st of s.statements) {
        if (disagreed(st)) counts.disagreed++;
        else if (st.satisfied) counts.agreedTrue++;
        else counts.agreedNotTrue++;
      }
    }
  }
  return counts;
}

/** Whether a report is a team report. */
export const isTeamReport = (report: Report): boolean => report.respondents !== undefined;

/**
 * The text of a name as two files are compared: trimmed, NFC, runs of white space as one space,
 * case folded ("Anna " and "anna" are one person).
 */
export function sameName(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('und');
}

/** A subject as team files are compared: trimmed and NFC. */
export const sameSubject = (text: string): string => text.normalize('NFC').trim();

/** Who did not answer what: each respondent with the statements they left open. */
export function unanswered(
  report: Report,
): { respondent: string; statements: ReportStatement[] }[] {
  const open = new Map<string, ReportStatement[]>();
  for (const r of report.respondents ?? []) open.set(r.name, []);
  for (const q of report.questionnaires) {
    for (const s of q.sections) {
      for (const st of s.statements) {
        for (const a of st.answers ?? []) {
          if (a.answer === null) open.get(a.respondent)?.push(st);
        }
      }
    }
  }
  return [...open]
    .filter(([, list]) => list.length > 0)
    .map(([respondent, statements]) => ({
      respondent,
      statements,
    }));
}

/** "Anna (Sales)" -> Anna, with the role Sales; "Anna" -> Anna, without a role. */
export function parseRespondent(text: string): { name: string; role: string | undefined } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/su.exec(text.trim());
  if (m === null || m[1]!.trim() === '') return { name: text.trim(), role: undefined };
  const role = m[2]!.trim();
  return { name: m[1]!.trim(), role: role === '' ? undefined : role };
}

/**
 * One answer file name per respondent (`anna-de-vries.yaml`): safe on every file system, within
 * its byte limit, and unique where a file system takes two names for one (case, normalisation):
 * a second "Anna" is `anna-2.yaml`.
 */
export function respondentFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = safeFileName(name).replace(/ /g, '-').toLowerCase();
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`;
      const file = `${shortenName(base, NAME_MAX_BYTES - '.yaml'.length - suffix.length)}${suffix}.yaml`;
      const key = collisionKey(file);
      if (taken.has(key)) continue;
      taken.add(key);
      return file;
    }
  });
}
