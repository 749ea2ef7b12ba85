// What `trustcheck verify` checks of a report, as pure functions that return findings (each at
// its place in the report, in words of the report's language): that its verdicts follow from its
// answers (derive.ts), that its questions, statements and texts are those of the questionnaire it
// names, and that it is what an answer file gives. Which questionnaire a report names (its digest
// among the shipped ones and those given) is the application's to find (app/verify.ts).
import { mapStatements } from './actions.js';
import { forgedClaims, type ForgedClaim } from './derive.js';
import { quote, type Issue, type Path } from './issues.js';
import type { Questionnaire, Report, ReportQuestionnaire, ReportSection } from './model.js';
import { buildReport } from './report.js';
import { score } from './scoring.js';
import {
  labelsFor,
  verifyWordsFor,
  type AnswerField,
  type TextKind,
  type VerifyWords,
} from './words.js';

/** Which check a finding comes from, in the order they are made. */
export const CHECKS = ['consistency', 'questionnaire', 'texts', 'answers'] as const;
export type Check = (typeof CHECKS)[number];

export interface Finding extends Issue {
  check: Check;
}

/** A forged claim in words: whose, which field, what it says, and what the answers give. */
export function claimMessage(claim: ForgedClaim, w: VerifyWords): string {
  const { because } = claim;
  const reason =
    because.kind === 'answer'
      ? w.answer(because, claim.field)
      : because.kind === 'count'
        ? w.count(because)
        : because.kind === 'action'
          ? w.action(because)
          : because.kind === 'plan'
            ? w.plan(because)
            : because.kind === 'respondents'
              ? w.respondents(because)
              : w.size(because);
  return w.claim(w.owner(claim.owner), claim.field, String(claim.claimed), reason);
}

/** Forged claims as issues at their keys (`"passed": true`), in `language`. */
export function claimIssues(claims: readonly ForgedClaim[], language: string): Issue[] {
  const w = verifyWordsFor(language);
  return claims.map((claim) => ({ path: claim.path, at: 'key', message: claimMessage(claim, w) }));
}

// every finding is placed at its key: the start of `"passed": true` in the report

/** Every verdict of the report that does not follow from its answers. */
export function consistencyFindings(report: Report, language: string): Finding[] {
  return claimIssues(forgedClaims(report), language).map((issue) => ({
    ...issue,
    check: 'consistency',
  }));
}

/** How the report's questionnaire `qi` is named in a message: `trustability 1.1.1`. */
export function namedQuestionnaire(q: Pick<ReportQuestionnaire, 'id' | 'version'>): string {
  return `${q.id} ${q.version}`;
}

/**
 * The report's questionnaire `qi` read against `questionnaire`, the one it was audited against:
 * every question and statement there, once, in the questionnaire's order; the title, questions,
 * statements and remedies in the words the questionnaire gives in the report's language (as an
 * audit writes them: buildReport makes the expected texts); and "na" only where allowed.
 */
export function questionnaireFindings(
  report: Report,
  qi: number,
  questionnaire: Questionnaire,
  language: string,
): Finding[] {
  const w = verifyWordsFor(language);
  const findings: Finding[] = [];
  const add = (check: Check, path: Path, message: string) =>
    findings.push({ check, path, at: 'key', message });
  const rq = report.questionnaires[qi]!;
  const expected = buildReport([score(questionnaire, {}, { date: report.date })], {
    toolVersion: '',
    subject: '',
    date: report.date,
    language: report.language,
    digests: {},
  }).questionnaires[0]!;
  const at: Path = ['questionnaires', qi];
  const qName = namedQuestionnaire(rq);
  const text = (
    kind: TextKind,
    path: Path,
    where: string,
    found: string | null,
    want: string | null,
  ) => {
    if (found === want) return;
    add('texts', path, w.textDiffers(kind, where, shown(found, w), shown(want, w)));
  };
  text('title', [...at, 'title'], qName, rq.title, expected.title);

  const allowed = new Map(
    questionnaire.sections.map((s) => [
      s.id,
      new Map(s.statements.map((st) => [st.id, st.allowNotApplicable === true])),
    ]),
  );
  matchById(
    rq.sections,
    expected.sections,
    [...at, 'sections'],
    'question',
    qName,
    w,
    add,
    (section, want, si) => {
      const sAt: Path = [...at, 'sections', si];
      const sName = w.owner({ kind: 'section', questionnaire: rq.id, section: section.id });
      text('questionTitle', [...sAt, 'title'], sName, section.title, want.title);
      matchById(
        section.statements,
        want.statements,
        [...sAt, 'statements'],
        'statement',
        sName,
        w,
        add,
        (statement, wantStatement, sti) => {
          const stAt: Path = [...sAt, 'statements', sti];
          const stName = w.owner({
            kind: 'statement',
            questionnaire: rq.id,
            section: section.id,
            statement: statement.id,
          });
          text('statementText', [...stAt, 'text'], stName, statement.text, wantStatement.text);
          text('remedy', [...stAt, 'remedy'], stName, statement.remedy, wantStatement.remedy);
          if (statement.answer === 'na' && allowed.get(section.id)?.get(statement.id) !== true) {
            add('questionnaire', [...stAt, 'answer'], w.naNotAllowed(stName, qName));
          }
        },
      );
    },
  );
  return findings;
}

/**
 * The report's items (questions or statements) against the questionnaire's, by id: each found
 * one is compared by `each`; a missing, unknown or repeated id, and another order, is a finding.
 */
function matchById<T extends { id: string }, E extends { id: string }>(
  found: readonly T[],
  expected: readonly E[],
  path: Path,
  what: 'question' | 'statement',
  parent: string,
  w: VerifyWords,
  add: (check: Check, path: Path, message: string) => void,
  each: (item: T, want: E, index: number) => void,
): void {
  const wanted = new Map(expected.map((e, i) => [e.id, { item: e, index: i }]));
  const seen = new Set<string>();
  let last = -1;
  let ordered = true;
  found.forEach((item, i) => {
    const want = wanted.get(item.id);
    if (want === undefined) {
      add('questionnaire', [...path, i, 'id'], w.extra(what, item.id, parent));
      return;
    }
    if (seen.has(item.id)) {
      add('questionnaire', [...path, i, 'id'], w.twice(what, item.id, parent));
      return;
    }
    seen.add(item.id);
    if (want.index < last) ordered = false;
    last = want.index;
    each(item, want.item, i);
  });
  for (const e of expected) {
    if (!seen.has(e.id)) add('questionnaire', path, w.missing(what, e.id, parent));
  }
  if (!ordered) add('questionnaire', path, w.order(what, parent));
}

/** A text of a report in a message: quoted and shortened, or "nothing". */
function shown(text: string | null, w: VerifyWords): string {
  return text === null ? w.nothing : quote(text);
}

/**
 * The report against `produced`, the report its answer file gives (audited at the report's date,
 * in its language, against the questionnaires it names): the subject, assessor and date, and each
 * statement's answer, note, evidence and end date. The verdicts and texts follow from these and
 * are checked by the checks above. `answersAt` places a path of the answer file (`file:line:col`);
 * questionnaires in `skip` (not answered at all, said once) are not compared statement by
 * statement.
 */
export function reproductionFindings(
  report: Report,
  produced: Report,
  language: string,
  answersAt: (path: Path) => string,
  skip: ReadonlySet<string> = new Set(),
): Finding[] {
  const w = verifyWordsFor(language);
  const l = labelsFor(language);
  const findings: Finding[] = [];
  const value = (field: AnswerField, v: string | null): string => {
    if (field === 'answer')
      return v === null ? l.answers.none : l.answers[v as 'yes' | 'no' | 'na'];
    return v === null ? w.nothing : quote(v);
  };
  const differs = (
    path: Path,
    where: string,
    field: AnswerField,
    found: string | null,
    given: string | null,
    answersPath: Path,
  ) => {
    if (found === given) return;
    findings.push({
      check: 'answers',
      path,
      at: 'key',
      message: w.differs(
        where,
        w.fieldName[field],
        value(field, found),
        value(field, given),
        answersAt(answersPath),
      ),
    });
  };
  const reportName = w.owner({ kind: 'report' });
  for (const field of ['subject', 'assessor', 'date'] as const) {
    differs([field], reportName, field, report[field], produced[field], [field]);
  }
  const producedById = new Map(produced.questionnaires.map((q) => [q.id, q]));
  report.questionnaires.forEach((rq, qi) => {
    const pq = producedById.get(rq.id);
    if (pq === undefined || skip.has(rq.id)) return;
    const sections = new Map<string, ReportSection>(pq.sections.map((s) => [s.id, s]));
    rq.sections.forEach((rs, si) => {
      const ps = sections.get(rs.id);
      if (ps === undefined) return; // not in the questionnaire: said by questionnaireFindings
      const statements = new Map(ps.statements.map((st) => [st.id, st]));
      rs.statements.forEach((st, sti) => {
        const pst = statements.get(st.id);
        if (pst === undefined) return;
        const where = w.owner({
          kind: 'statement',
          questionnaire: rq.id,
          section: rs.id,
          statement: st.id,
        });
        const at: Path = ['questionnaires', qi, 'sections', si, 'statements', sti];
        const answerAt: Path = ['questionnaires', rq.id, 'answers', rs.id, st.id];
        for (const field of ['answer', 'note', 'evidence', 'until'] as const) {
          differs([...at, field], where, field, st[field], pst[field], answerAt);
        }
      });
    });
  });
  return findings;
}

/**
 * The first place where the report is not what its answers give, if there is one, apart from
 * the tool's version and the comparison with a baseline (which verify cannot make) and an
 * `naExpired` that an older report does not carry. The checks above name every difference they
 * know of; this is the net under them, so that a report never holds by a field they miss.
 */
export function otherDifference(
  report: Report,
  produced: Report,
  language: string,
): Finding | undefined {
  const w = verifyWordsFor(language);
  // against a baseline, what an action's status says of it (postponed, new, a baseline's action
  // done since) is not checked here: the consistency check holds it to the answers and dates
  const againstBaseline = report.comparison !== null;
  const found = firstDifference(
    withoutBaselineParts(
      { ...report, tool: { ...report.tool, version: '' }, comparison: null },
      againstBaseline,
      produced,
    ),
    withoutBaselineParts(
      { ...produced, tool: { ...produced.tool, version: '' }, comparison: null },
      againstBaseline,
      produced,
    ),
    [],
  );
  if (found === undefined) return undefined;
  const where = found.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
  return {
    check: 'answers',
    path: found.path,
    at: 'key',
    message: w.otherDifference(where, describe(found.a, w), describe(found.b, w)),
  };
}

function describe(value: unknown, w: VerifyWords): string {
  if (value === undefined || value === null) return w.nothing;
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quote(JSON.stringify(value));
}

function firstDifference(
  a: unknown,
  b: unknown,
  path: (string | number)[],
): { path: Path; a: unknown; b: unknown } | undefined {
  if (a === b) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return { path, a, b };
  }
  if (Array.isArray(a) !== Array.isArray(b)) return { path, a, b };
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], [...path, i]);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    // a report written before `naExpired` existed does not carry it
    if (key === 'naExpired' && !Object.hasOwn(x, key)) continue;
    const d = firstDifference(
      Object.hasOwn(x, key) ? x[key] : undefined,
      Object.hasOwn(y, key) ? y[key] : undefined,
      [...path, key],
    );
    if (d !== undefined) return d;
  }
  return undefined;
}

/**
 * A report of an audit against a baseline as verify can check it without the baseline: each
 * action as the answers give it (what, owner, due), without the statuses and totals that the
 * baseline decides, and without a baseline's done action that the answers no longer hold.
 */
function withoutBaselineParts(report: Report, againstBaseline: boolean, produced: Report): Report {
  if (!againstBaseline) return report;
  const given = new Set<string>();
  for (const q of produced.questionnaires)
    for (const s of q.sections)
      for (const st of s.statements)
        for (const a of st.actions ?? [])
          given.add(JSON.stringify([q.id, s.id, st.id, a.what, a.owner, a.due]));
  const { actionTotals: _totals, ...rest } = report;
  return mapStatements(rest, (st, q, s) =>
    st.actions === undefined
      ? st
      : {
          ...st,
          actions: st.actions
            .filter(
              (a) =>
                a.status !== 'done' ||
                given.has(JSON.stringify([q.id, s.id, st.id, a.what, a.owner, a.due])),
            )
            .map((a) => ({ ...a, status: 'open' as const, previousDue: null })),
        },
  );
}
