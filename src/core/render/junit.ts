// The JUnit XML report (Apache Ant's schema): one testsuite per questionnaire, one testcase per
// statement, a failure for each unsatisfied statement, skipped for N/A, and a failing testcase
// for each regression against the baseline. Deterministic: the timestamp is the audit date.
import type { Report } from '../model.js';
import { labelsFor, unsatisfiedReason } from './labels.js';

// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Case {
  classname: string;
  name: string;
  failure?: { message: string; body: string };
  skipped?: string;
}

function suite(
  name: string,
  id: number,
  timestamp: string,
  properties: [string, string][],
  cases: Case[],
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
        `      <failure message="${escapeXml(c.failure.message)}" type="unsatisfied">${escapeXml(c.failure.body)}</failure>`,
        '    </testcase>',
      );
    } else if (c.skipped !== undefined) {
      out.push(`${open}>`, `      <skipped message="${escapeXml(c.skipped)}"/>`, '    </testcase>');
    } else {
      out.push(`${open}/>`);
    }
  }
  out.push('    <system-out/>', '    <system-err/>', '  </testsuite>');
  return out.join('\n');
}

export function renderJunit(report: Report): string {
  const l = labelsFor(report.language);
  const timestamp = `${report.date}T00:00:00`;
  const common: [string, string][] = [
    ['subject', report.subject],
    ['date', report.date],
    ['language', report.language],
    ...(report.assessor === null ? [] : ([['assessor', report.assessor]] as [string, string][])),
  ];
  const regressions = report.comparison?.regressions ?? [];
  const suites = report.questionnaires.map((q, i) => {
    const cases: Case[] = q.sections.flatMap((s) =>
      s.statements.map((st): Case => {
        const c: Case = { classname: `${q.id}.${s.id}`, name: st.id };
        if (!st.satisfied) {
          const body = [
            st.text,
            st.note === null ? '' : `${l.note}: ${st.note}`,
            st.remedy === null ? '' : `${l.remedy}: ${st.remedy}`,
          ]
            .filter((x) => x !== '')
            .join('\n');
          c.failure = { message: unsatisfiedReason(st, l), body };
        } else if (st.answer === 'na') {
          c.skipped = st.note ?? 'N/A';
        }
        return c;
      }),
    );
    for (const r of regressions.filter((x) => x.questionnaire === q.id)) {
      cases.push({
        classname: `${q.id}.regressions`,
        name: `regression:${r.section}.${r.statement}`,
        failure: {
          message: `regression: ${r.questionnaire}.${r.section}.${r.statement} was satisfied, now is not`,
          body: `${r.questionnaire}.${r.section}.${r.statement}`,
        },
      });
    }
    return suite(
      `${q.id}@${q.version}`,
      i,
      timestamp,
      [...common, ['version', q.version], ['digest', q.digest]],
      cases,
    );
  });
  for (const id of report.comparison?.missingQuestionnaires ?? []) {
    suites.push(
      suite(`${id}@missing`, suites.length, timestamp, common, [
        {
          classname: `${id}.regressions`,
          name: 'questionnaire-missing',
          failure: {
            message: `regression: questionnaire ${id} is in the baseline but not in this audit`,
            body: id,
          },
        },
      ]),
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}
