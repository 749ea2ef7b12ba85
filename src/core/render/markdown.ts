// The Markdown report, written for the person who must act on it: what was audited and the
// verdict (with a baseline, the regressions first), what to do, every question in words, what is
// not true, the exemptions, and an appendix with every answer. One paragraph is one line, so it
// reads well pasted into a PR comment or a job summary. User text is escaped; the output passes
// markdownlint (MD013, line length, aside).
import type { Comparison, Report, StatementPresence } from '../model.js';
import { hasRegressions } from '../compare.js';
import { labelsFor, teamWordsFor, type Labels } from '../words.js';
import { escapeMarkdown, escapeMarkdownShort } from './markdown-escape.js';
import { actionPlan, doneActions, statusWords } from './action-plan.js';
import { markdownTable } from './markdown-table.js';
import { teamAnswerCells, teamMarkdown } from './markdown-team.js';
import { teamNotes, whoSaidNo } from './team-view.js';
import type { RenderOptions } from './options.js';
import {
  answerWord,
  auditedTitle,
  baselineOutcome,
  exemptions,
  notTrue,
  questionnaireTitle,
  questions,
  removedText,
  sectionTitle,
  statementText,
  unsatisfiedReason,
  versionChanges,
  type StatementView,
  type StatementWords,
  type VersionChangeView,
} from './view.js';

const e = escapeMarkdown;

/**
 * The changes since a baseline. `heading` is the level of its own heading: 1 when it is a
 * document of its own (`trustcheck diff`), 2 inside a report. What the report no longer holds is
 * named by its words in the `baseline` report, when it is given.
 */
export function renderComparisonMarkdown(
  c: Comparison,
  report: Report,
  heading = 1,
  baseline?: Report,
): string {
  const l = labelsFor(report.language);
  const h = '#'.repeat(heading);
  const out: string[] = [`${h} ${e(l.changes(c.baseline.date))}`, ''];
  out.push(e(l.baseline(c.baseline.subject, c.baseline.date)), '');
  const changed = versionChanges(c, report, l, baseline);
  // said at the top when this is a document of its own; a report says it under its verdict
  if (heading === 1) out.push(...versionChangeParagraphs(changed, l));
  const id = (x: StatementPresence) => `\`${x.questionnaire}.${x.section}.${x.statement}\``;
  const ref = (x: StatementPresence) => {
    const text = statementText(report, x.questionnaire, x.section, x.statement, baseline);
    return text === undefined ? id(x) : `${e(text)} (${id(x)})`;
  };
  const words = ({ ref: x, text }: StatementWords) =>
    text === undefined ? id(x) : `${e(text)} (${id(x)})`;
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    out.push(`${h}# ${title}`, '', ...items.map((i) => `- ${i}`), '');
  };
  if (!hasRegressions(c)) out.push(l.noRegressions, '');
  list(l.regressions, c.regressions.map(ref));
  list(
    l.sectionRegressions,
    c.sectionRegressions.map((x) => {
      const title = sectionTitle(report, x.questionnaire, x.section, baseline);
      const id = `\`${x.questionnaire}.${x.section}\``;
      return title === undefined ? id : `${e(title)} (${id})`;
    }),
  );
  list(
    l.missing,
    c.missingQuestionnaires.map((id) => {
      const title = questionnaireTitle(baseline, id);
      return title === undefined ? `\`${id}\`` : `${e(title)} (\`${id}\`)`;
    }),
  );
  list(l.improvements, c.improvements.map(ref));
  // a questionnaire of another version: what it no longer has and what it has new, each its own list
  for (const v of changed) {
    list(e(v.removedHeading), v.removed.map(words));
    list(e(v.addedHeading), v.added.map(words));
  }
  const otherVersion = new Set(changed.map((v) => v.change.questionnaire));
  const same = (x: StatementPresence) => !otherVersion.has(x.questionnaire);
  list(l.added, c.added.filter(same).map(ref));
  list(
    l.removed,
    c.removed.filter(same).map((x) => words({ ref: x, text: removedText(x, baseline) })),
  );
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Each questionnaire whose version changed since the baseline, one paragraph each, and what that
 * means for the comparison: said near the top of a report and of `trustcheck diff`.
 */
function versionChangeParagraphs(changed: readonly VersionChangeView[], l: Labels): string[] {
  if (changed.length === 0) return [];
  const out: string[] = [];
  for (const v of changed) {
    out.push(`**${e(v.sentence)}.**`, '');
    if (v.renew)
      out.push(
        l.renewBaseline(e(v.title), e(v.change.to), (c) => `\`${c}\``),
        '',
      );
  }
  out.push(e(l.versionCompared), '');
  return out;
}

function where(v: StatementView): string {
  return `${v.number} ${e(v.section.title)}`;
}

export function renderMarkdown(report: Report, options: RenderOptions = {}): string {
  const l = labelsFor(report.language);
  const t = report.totals;
  // the heading names the subject shortened (in full in the list below), so it stays one line
  const title = e(auditedTitle(report, l));
  const room = Math.max(20, 80 - `# ${title}: , ${report.date}`.length);
  const subject = escapeMarkdownShort(report.subject, room);
  const out: string[] = [
    subject === '' ? `# ${title}, ${report.date}` : `# ${title}: ${subject}, ${report.date}`,
    '',
  ];

  // the verdict, and with a baseline the outcome against it
  const verdict = `**${l.auditVerdict}: ${report.passed ? l.passed : l.failed}**: ${l.questionsPassed(t.sectionsPassed, t.sections)}; ${l.statementsTrue(t.statementsSatisfied, t.statements)}.`;
  out.push(verdict, '');
  const c = report.comparison;
  if (c !== null) {
    const outcome = baselineOutcome(c, l);
    out.push(`**${outcome.head}:** ${outcome.detail}`, '');
    out.push(...versionChangeParagraphs(versionChanges(c, report, l, options.baseline), l));
  }
  out.push(`- ${l.subject}: ${e(report.subject)}`.trimEnd(), `- ${l.date}: ${report.date}`);
  if (report.assessor !== null) out.push(`- ${l.assessor}: ${e(report.assessor)}`.trimEnd());
  out.push('', l.rule, '');

  if (c !== null && hasRegressions(c))
    out.push(renderComparisonMarkdown(c, report, 2, options.baseline).trimEnd(), '');

  // a team audit: where the respondents disagree
  out.push(...teamMarkdown(report, l));

  // what to do: the action plan
  const failing = notTrue(report);
  out.push(renderPlanMarkdown(report).trimEnd(), '');

  // every question
  out.push(`## ${l.questionsTable}`, '');
  out.push(
    ...markdownTable(
      [l.number, l.section, l.verdict, l.satisfied],
      questions(report).map(({ number, questionnaire, section: s }) => [
        number,
        `${e(s.title)} (\`${questionnaire.id}.${s.id}\`)`,
        s.passed ? l.pass : `**${l.fail}**`,
        `${s.satisfied}/${s.total}`,
      ]),
    ),
    '',
  );
  if (report.questionnaires.length > 1) {
    report.questionnaires.forEach((q, i) =>
      out.push(`- ${i + 1}: ${e(q.title)} (\`${q.id}@${q.version}\`)`),
    );
    out.push('');
  }

  // what is not true, question by question
  if (failing.length > 0) {
    out.push(`## ${l.notSatisfied}`, '');
    let current: string | undefined;
    for (const v of failing) {
      if (v.number !== current) {
        if (current !== undefined) out.push('');
        current = v.number;
        out.push(`### ${where(v)}`, '');
      }
      const st = v.statement;
      out.push(`- ${e(st.text)} (\`${st.id}\`, ${unsatisfiedReason(st, l, report.date)})`);
      for (const who of whoSaidNo(report, st, l, e)) out.push(`  - ${who}`);
      // a team's notes and evidence, each with whose it is (or none, when anonymous)
      const notes = teamNotes(report, st, l, e);
      const evidence = teamNotes(report, st, l, e, 'evidence');
      if (notes !== undefined && notes !== '') out.push(`  - ${l.note}: ${notes}`);
      if (evidence !== undefined && evidence !== '') out.push(`  - ${l.evidence}: ${evidence}`);
      if (st.note !== null) out.push(`  - ${l.note}: ${e(st.note)}`);
      if (st.evidence !== null) out.push(`  - ${l.evidence}: ${e(st.evidence)}`);
      if (st.remedy !== null) out.push(`  - ${l.remedy}: ${e(st.remedy)}`);
    }
    out.push('');
  }

  // the exemptions
  out.push(`## ${l.exempt}`, '');
  const exempt = exemptions(report);
  if (exempt.length === 0) out.push(l.noExempt, '');
  else {
    for (const v of exempt) {
      const st = v.statement;
      const until = st.until === null ? l.noUntil : `${l.until} ${st.until}`;
      const flag = v.expiresIn === undefined ? '' : ` **${l.expiresSoon(v.expiresIn)}**`;
      const note = teamNotes(report, st, l, e) ?? e(st.note ?? '');
      out.push(`- ${e(st.text)} (${where(v)}): ${note} (${until})${flag}`);
    }
    out.push('');
  }

  // the remaining changes since the baseline
  if (c !== null && !hasRegressions(c))
    out.push(renderComparisonMarkdown(c, report, 2, options.baseline).trimEnd(), '');

  // every answer
  out.push(`## ${l.appendix}`, '');
  for (const q of report.questionnaires) {
    out.push(`### ${e(q.title)} (\`${q.id}@${q.version}\`)`, '');
    const team = report.respondents !== undefined;
    const rows = questions(report)
      .filter((x) => x.questionnaire === q)
      .flatMap((v) =>
        v.section.statements.map((st) => {
          const answer = st.satisfied ? answerWord(st, l) : `**${answerWord(st, l)}**`;
          const until = st.answer === 'na' && st.until !== null ? ` (${l.until} ${st.until})` : '';
          if (team) {
            // a team: each respondent's answer, and the notes and evidence with whose they are
            const cells = teamAnswerCells(report, st, l);
            return [v.number, e(st.text), answer, cells.each, cells.note, cells.evidence];
          }
          return [
            v.number,
            e(st.text),
            `${answer}${until}`,
            e(st.note ?? ''),
            e(st.evidence ?? ''),
          ];
        }),
      );
    const header = team
      ? [l.number, l.statement, l.answer, teamWordsFor(report.language).each, l.note, l.evidence]
      : [l.number, l.statement, l.answer, l.note, l.evidence];
    out.push(...markdownTable(header, rows), '');
  }
  out.push(l.generated(report.tool.version));
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The action plan: each statement not true with its actions (who, by when, what), the earliest
 * due date first, overdue flagged, "no owner yet" where none; with a baseline, what was done.
 */
export function renderPlanMarkdown(report: Report): string {
  const l = labelsFor(report.language);
  const out: string[] = [`## ${l.plan}`, ''];
  const plan = actionPlan(report, l);
  if (plan.length === 0) out.push(l.noActions, '');
  else {
    const t = report.actionTotals;
    if (t !== undefined)
      out.push(`${l.planIntro} ${l.planTotals(t.planned, t.unplanned, t.overdue)}`, '');
    for (const item of plan) {
      const about = `(${l.section} ${item.number}: ${e(item.statement.text)})`;
      if (item.actions.length === 0) {
        out.push(`- *${l.noOwner}*: ${e(item.remedy)} ${about}`);
        continue;
      }
      for (const a of item.actions) {
        const flag =
          a.status === 'open'
            ? ''
            : a.status === 'overdue'
              ? ` **${l.actionStatus.overdue}**`
              : ` *${statusWords(a, l)}*`;
        out.push(
          `- ${a.due}, ${e(a.owner)}:${flag} ${e(a.what === '' ? item.remedy : a.what)} ${about}`,
        );
      }
    }
    out.push('');
  }
  const done = doneActions(report);
  if (done.length > 0) {
    out.push(`### ${l.planDone}`, '');
    for (const d of done)
      out.push(
        `- ${e(d.action.owner)}: ${e(d.action.what === '' ? d.statement.text : d.action.what)} (${l.section} ${d.number}: ${e(d.statement.text)})`,
      );
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
