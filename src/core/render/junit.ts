// The JUnit XML report (Apache Ant's schema): one testsuite per questionnaire (its name carries
// the subject, so merged reports of several clients stay apart), one testcase per statement, a
// failure for each unsatisfied statement (message: the statement), skipped for N/A; under a
// baseline's regression policy only regressions fail. Deterministic: the timestamp is the date.
import type { Report } from '../model.js';
import { escapeMarkup } from '../text/controls.js';
import { labelsFor, type Labels } from '../words.js';
import type { RenderOptions } from './options.js';
import { teamNotes, whoSaidNo } from './team-view.js';
import {
  goneQuestionnaire,
  goneStatement,
  unsatisfiedReason,
  versionChanges,
  type StatementWords,
  type VersionChangeView,
} from './view.js';
import { gatesOn } from '../policy.js';
import { statusWords } from './action-plan.js';

// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const XML_ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return escapeMarkup(text.replace(NOT_XML, ''), XML_ENTITIES);
}

interface Case {
  classname: string;
  name: string;
  failure?: { message: string; type: 'unsatisfied' | 'regression' | 'overdue'; body: string };
  skipped?: string;
}

function suite(
  name: string,
  id: number,
  timestamp: string,
  properties: [string, string][],
  cases: Case[],
  systemOut = '',
): string {
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const out = [
    `  <testsuite name="${escapeXml(name)}" package="trustcheck" id="${id}" timestamp="${timestamp}" hostname="trustcheck" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    '    <properties>',
    ...properties.map(
      ([k, v]) => `      <property name="${escapeXml(k)}" value="${escapeXml(v)}"/>`,
    ),
    '    </properties>',
  ];
  for (const c of cases) {
    const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}" time="0"`;
    if (c.failure !== undefined) {
      out.push(
        `${open}>`,
        `      <failure message="${escapeXml(c.failure.message)}" type="${c.failure.type}">${escapeXml(c.failure.body)}</failure>`,
        '    </testcase>',
      );
    } else if (c.skipped !== undefined) {
      out.push(`${open}>`, `      <skipped message="${escapeXml(c.skipped)}"/>`, '    </testcase>');
    } else {
      out.push(`${open}/>`);
    }
  }
  out.push(
    systemOut === '' ? '    <system-out/>' : `    <system-out>${escapeXml(systemOut)}</system-out>`,
    '    <system-err/>',
    '  </testsuite>',
  );
  return out.join('\n');
}

const key = (q: string, s: string, st: string): string => JSON.stringify([q, s, st]);

/** Text for an XML comment: no `--` in it, and no `-` at its end. */
const commentText = (text: string): string => text.replace(NOT_XML, '').replace(/-(?=-|$)/g, '- ');

/**
 * With a baseline under --fail-on regression, a failure is what makes CI fail: a regression.
 * What was already not true in the baseline, or is new since (a statement added, or re-meant,
 * by a new version of the questionnaire), is skipped, so that the test report agrees with the
 * exit code. A questionnaire whose version changed says so in its suite (a property and its
 * standard output, with the statements removed and added) and in a comment at the top.
 */
export function renderJunit(report: Report, options: RenderOptions = {}): string {
  const l = labelsFor(report.language);
  const timestamp = `${report.date}T00:00:00`;
  const common: [string, string][] = [
    ['subject', report.subject],
    ['date', report.date],
    ['language', report.language],
    ...(report.assessor === null ? [] : ([['assessor', report.assessor]] as [string, string][])),
  ];
  const comparison = report.comparison;
  const gated =
    comparison !== null && options.failOn !== undefined && gatesOn(options.failOn, 'regression');
  // under --fail-on overdue, an overdue action fails its statement's test, as it fails CI
  const overdueGated = options.failOn !== undefined && gatesOn(options.failOn, 'overdue');
  const regressed = new Set(
    (comparison?.regressions ?? []).map((r) => key(r.questionnaire, r.section, r.statement)),
  );
  const added = new Set(
    (comparison?.added ?? []).map((r) => key(r.questionnaire, r.section, r.statement)),
  );
  const changed = new Map(
    (comparison === null ? [] : versionChanges(comparison, report, l, options.baseline)).map(
      (v) => [v.change.questionnaire, v],
    ),
  );
  const seen = new Set<string>();
  const suites = report.questionnaires.map((q, i) => {
    const cases: Case[] = q.sections.flatMap((s) =>
      s.statements.map((st): Case => {
        const id = key(q.id, s.id, st.id);
        seen.add(id);
        const c: Case = { classname: `${q.id}.${s.id}`, name: st.id };
        if (st.satisfied) {
          if (st.answer === 'na') c.skipped = teamNotes(report, st, l) || (st.note ?? 'N/A');
          return c;
        }
        // a team's statement: who said no, and each respondent's note and evidence
        const notes = teamNotes(report, st, l);
        const evidence = teamNotes(report, st, l, undefined, 'evidence');
        const body = [
          unsatisfiedReason(st, l),
          ...whoSaidNo(report, st, l),
          st.note === null ? '' : `${l.note}: ${st.note}`,
          notes === undefined || notes === '' ? '' : `${l.note}: ${notes}`,
          st.evidence === null ? '' : `${l.evidence}: ${st.evidence}`,
          evidence === undefined || evidence === '' ? '' : `${l.evidence}: ${evidence}`,
          st.remedy === null ? '' : `${l.remedy}: ${st.remedy}`,
          ...(st.actions ?? []).map(
            (a) => `${l.action}: ${a.what} (${a.owner}, ${l.due} ${a.due}, ${statusWords(a, l)})`,
          ),
          `${s.title}`,
        ]
          .filter((x) => x !== '')
          .join('\n');
        const late = overdueGated && (st.actions ?? []).some((a) => a.status === 'overdue');
        if (!gated || regressed.has(id)) {
          c.failure = {
            message: st.text,
            type: regressed.has(id) ? 'regression' : late ? 'overdue' : 'unsatisfied',
            body,
          };
        } else if (late) {
          c.failure = { message: st.text, type: 'overdue', body };
        } else {
          c.skipped = added.has(id)
            ? l.junitNew(st.text, comparison.baseline.date)
            : l.junitKnown(st.text, comparison.baseline.date);
        }
        return c;
      }),
    );
    // regressions without a statement in this report: satisfied in the baseline, gone now
    for (const r of (comparison?.regressions ?? []).filter((x) => x.questionnaire === q.id)) {
      if (seen.has(key(r.questionnaire, r.section, r.statement))) continue;
      cases.push({
        classname: `${q.id}.${r.section}`,
        name: r.statement,
        failure: {
          message: l.goneNow(
            goneStatement(options.baseline, r.questionnaire, r.section, r.statement),
          ),
          type: 'regression',
          body: `${r.questionnaire}.${r.section}.${r.statement}`,
        },
      });
    }
    const change = changed.get(q.id);
    return suite(
      `${q.id}@${q.version} (${report.subject})`,
      i,
      timestamp,
      [
        ...common,
        ['version', q.version],
        ['digest', q.digest],
        ...(change === undefined
          ? []
          : ([
              ['baseline-version', change.change.from],
              ['version-change', change.sentence],
            ] as [string, string][])),
      ],
      cases,
      change === undefined ? '' : versionText(change, l),
    );
  });
  for (const id of comparison?.missingQuestionnaires ?? []) {
    suites.push(
      suite(`${id}@missing (${report.subject})`, suites.length, timestamp, common, [
        {
          classname: `${id}.regressions`,
          name: 'questionnaire-missing',
          failure: {
            message: l.questionnaireGone(goneQuestionnaire(options.baseline, id)),
            type: 'regression',
            body: id,
          },
        },
      ]),
    );
  }
  const top = [...changed.values()].map((v) => `<!-- ${commentText(v.sentence)} -->\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${top}<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}

/** A version change in words: the sentence, the statements removed and added, what to do. */
function versionText(v: VersionChangeView, l: Labels): string {
  const lines = (heading: string, items: StatementWords[]) =>
    items.length === 0
      ? []
      : [
          `${heading}:`,
          ...items.map(
            (x) => `- ${x.text ?? `${x.ref.questionnaire}.${x.ref.section}.${x.ref.statement}`}`,
          ),
        ];
  return [
    `${v.sentence}.`,
    l.versionCompared,
    ...(v.renew ? [l.renewBaseline(v.title, v.change.to)] : []),
    ...lines(v.removedHeading, v.removed),
    ...lines(v.addedHeading, v.added),
  ].join('\n');
}
