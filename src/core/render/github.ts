// GitHub Actions workflow commands: first a `::notice` per questionnaire whose version changed
// since the baseline, then one `::error` annotation per unsatisfied statement (with a baseline
// under the regression policy: per regression, a statement or questionnaire gone since included)
// on its line of the answers file, and a `::notice` with the verdict, all in the audit's language.
// GitHub shows at most 10 error annotations per step: the rest are summed up in the tenth and
// listed in a collapsed group.
import type { Report } from '../model.js';
import { withoutControls } from '../text/controls.js';
import { shownCiCommands } from '../text/terminal.js';
import { labelsFor } from '../words.js';
import type { RenderOptions } from './options.js';
import { verdictLine } from './verdict.js';
import { asPolicy, defaultFailOn, gatesOn } from '../policy.js';
import { statusWords } from './action-plan.js';
import {
  goneQuestionnaire,
  goneStatement,
  questionnaireTitle,
  sectionTitle,
  statementText,
  versionChanges,
  type StatementWords,
} from './view.js';

const MAX_ERRORS = 10;

/** A line of the findings' list: controls removed, line breaks made spaces. */
const oneLine = (text: string): string =>
  withoutControls(text.replace(/\r\n?|[\n\u2028\u2029]/g, ' '));

// controls removed first: the annotations are printed, to a log or a terminal
const data = (text: string): string =>
  withoutControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

interface Annotation {
  /** The file it points at, when it is not the answers file (a team respondent's). */
  file?: string | undefined;
  /** The file as typed, for the list of findings. */
  shownFile?: string | undefined;
  line: number | undefined;
  title: string;
  message: string;
}

function command(name: string, file: string | undefined, a: Annotation): string {
  const props = [
    ...(file === undefined ? [] : [`file=${property(file)}`]),
    ...(file === undefined || a.line === undefined ? [] : [`line=${a.line}`]),
    `title=${property(a.title)}`,
  ];
  return `::${name} ${props.join(',')}::${data(a.message)}`;
}

export function renderGithub(report: Report, options: RenderOptions = {}): string {
  const failOn = asPolicy(options.failOn ?? defaultFailOn(report.comparison !== null));
  const source = options.source;
  const l = labelsFor(report.language);
  const comparison = report.comparison;
  const gated = comparison !== null && gatesOn(failOn, 'regression');
  const regressed = new Set(
    (comparison?.regressions ?? []).map(
      (r) => `${r.questionnaire}\u0000${r.section}\u0000${r.statement}`,
    ),
  );
  const annotations: Annotation[] = [];
  for (const q of report.questionnaires) {
    for (const s of q.sections) {
      for (const st of s.statements) {
        if (st.satisfied) continue;
        if (gated && !regressed.has(`${q.id}\u0000${s.id}\u0000${st.id}`)) continue;
        if (st.answers !== undefined && options.respondentSources !== undefined) {
          // a team: one annotation per respondent who did not make it true, on their file
          st.answers.forEach((a, i) => {
            const own = options.respondentSources![i];
            if (a.satisfied || own === undefined) return;
            annotations.push({
              file: own.annotationFile ?? own.file,
              shownFile: own.file,
              line: own.line(q.id, s.id, st.id),
              title: s.title,
              message: [`${a.respondent}: ${st.text}`, a.note ?? null, st.remedy]
                .filter((x) => x !== null)
                .join('\n'),
            });
          });
          continue;
        }
        annotations.push({
          line: source?.line(q.id, s.id, st.id),
          title: s.title,
          message: [st.text, st.note, st.remedy].filter((x) => x !== null).join('\n'),
        });
      }
    }
  }
  // an overdue action, on its due: line, when the policy gates on it
  if (gatesOn(failOn, 'overdue')) {
    for (const q of report.questionnaires)
      for (const s of q.sections)
        for (const st of s.statements)
          for (const a of st.actions ?? []) {
            if (a.status !== 'overdue') continue;
            annotations.push({
              line:
                source?.line(q.id, s.id, st.id, ['action', 'due']) ??
                source?.line(q.id, s.id, st.id),
              title: `${l.actionStatus.overdue}: ${a.owner}, ${a.due}`,
              message: [a.what === '' ? st.text : a.what, st.text, statusWords(a, l)].join('\n'),
            });
          }
  }
  if (gated) {
    const baseline = options.baseline;
    // regressions with no statement in this report: true in the baseline, gone now
    for (const r of comparison.regressions) {
      if (statementText(report, r.questionnaire, r.section, r.statement) !== undefined) continue;
      annotations.push({
        line: undefined,
        title: sectionTitle(report, r.questionnaire, r.section, baseline) ?? r.section,
        message: l.goneNow(goneStatement(baseline, r.questionnaire, r.section, r.statement)),
      });
    }
    for (const id of comparison.missingQuestionnaires) {
      annotations.push({
        line: undefined,
        title: questionnaireTitle(baseline, id) ?? id,
        message: l.questionnaireGone(goneQuestionnaire(baseline, id)),
      });
    }
  }
  // where the runner finds the answers file; the list below names it as it was typed
  const annotated = source?.annotationFile ?? source?.file;
  // first, each questionnaire whose version changed: its removed and added statements are no
  // regressions, and are listed here by their words
  const lines: string[] = [];
  if (comparison !== null) {
    for (const v of versionChanges(comparison, report, l, options.baseline)) {
      const named = (x: StatementWords) =>
        `- ${x.text ?? `${x.ref.questionnaire}.${x.ref.section}.${x.ref.statement}`}`;
      const message = [
        `${v.sentence}. ${l.versionCompared}`,
        ...(v.renew ? [l.renewBaseline(v.title, v.change.to)] : []),
        ...(v.removed.length === 0 ? [] : [`${v.removedHeading}:`, ...v.removed.map(named)]),
        ...(v.added.length === 0 ? [] : [`${v.addedHeading}:`, ...v.added.map(named)]),
      ].join('\n');
      lines.push(
        command('notice', undefined, {
          line: undefined,
          title: `trustcheck: ${v.title} ${v.change.from} → ${v.change.to}`,
          message,
        }),
      );
    }
  }
  const shown =
    annotations.length > MAX_ERRORS ? annotations.slice(0, MAX_ERRORS - 1) : annotations;
  for (const a of shown) lines.push(command('error', a.file ?? annotated, a));
  if (annotations.length > shown.length) {
    const rest = annotations.slice(shown.length);
    lines.push(
      command('error', rest[0]!.file ?? annotated, {
        line: rest[0]!.line,
        title: l.more(rest.length),
        message: rest.map((a) => a.message.split('\n')[0]!).join('\n'),
      }),
    );
  }
  if (annotations.length > 0) {
    lines.push(`::group::trustcheck: ${l.allFindings}`);
    for (const a of annotations) {
      const file = a.shownFile ?? source?.file;
      const where =
        file === undefined ? '' : `${file}${a.line === undefined ? '' : `:${a.line}`}: `;
      // one line, which gives the runner no command of its own
      const line = `${where}${a.title}: ${a.message.split('\n')[0]!}`;
      lines.push(shownCiCommands(oneLine(line)));
    }
    lines.push('::endgroup::');
  }
  const verdict = verdictLine(report, failOn, options.baselineFile);
  lines.push(`::notice title=trustcheck::${data(verdict.text)}`);
  return `${lines.join('\n')}\n`;
}
