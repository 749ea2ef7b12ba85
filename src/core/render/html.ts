// The HTML report: one self-contained file for a board. A verdict banner, what to do, a chart
// per questionnaire (inline SVG), what is not true, the exemptions, what changed since a baseline
// and an appendix with every answer. No script, no external request, system fonts; prints to
// A4 or Letter and reads on a phone. Every value is escaped by the `html` template.
import type { Comparison, Report, ReportQuestionnaire, StatementPresence } from '../model.js';
import { hasRegressions } from '../compare.js';
import { labelsFor, teamWordsFor, type Labels } from '../words.js';
import { dated, page, time } from './html-page.js';
import { html, type Html } from './html-template.js';
import type { RenderOptions } from './options.js';
import { actionPlan, doneActions, statusWords } from './action-plan.js';
import type { ReportAction } from '../model.js';
import { teamHtml } from './html-team.js';
import { answerViews, teamNotes, whoSaidNo } from './team-view.js';
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
  type QuestionView,
  type VersionChangeView,
} from './view.js';

/** A pass or fail badge: colour, and a mark and a word. */
export function verdictBadge(passed: boolean, l: Labels): Html {
  return passed
    ? html`<span class="badge pass">✓ ${l.pass}</span>`
    : html`<span class="badge fail">✗ ${l.fail}</span>`;
}

interface Change {
  now: number;
  was: number;
}

/** Per question, how many statements became true and how many stopped being true. */
function changesBySection(c: Comparison | null): Map<string, Change> {
  const map = new Map<string, Change>();
  if (c === null) return map;
  const add = (key: string, field: keyof Change) => {
    const entry = map.get(key) ?? { now: 0, was: 0 };
    entry[field]++;
    map.set(key, entry);
  };
  for (const x of c.improvements) add(`${x.questionnaire}.${x.section}`, 'now');
  for (const x of c.regressions) add(`${x.questionnaire}.${x.section}`, 'was');
  return map;
}

/**
 * A horizontal bar per question: its share of true statements. A passing bar is solid with a ✓,
 * a failing one hatched with a ✗ and the word, so it reads without colour.
 */
function chart(
  q: ReportQuestionnaire,
  index: number,
  views: QuestionView[],
  changes: Map<string, Change>,
  l: Labels,
): Html {
  const rowH = 34;
  const top = 6;
  const barX = 52;
  const barW = 380;
  const height = top * 2 + views.length * rowH;
  const passed = views.filter((v) => v.section.passed).length;
  const id = `c${index}`;
  const rows = views.map((v, i) => {
    const s = v.section;
    const y = top + i * rowH;
    const w = s.total === 0 ? 0 : Math.round((barW * s.satisfied) / s.total);
    const change = changes.get(`${q.id}.${s.id}`);
    const delta: Html[] = [];
    if (change !== undefined && change.now > 0)
      delta.push(html`<tspan class="pass" font-weight="700"> ▲${change.now}</tspan>`);
    if (change !== undefined && change.was > 0)
      delta.push(html`<tspan class="fail" font-weight="700"> ▼${change.was}</tspan>`);
    return html`<g>
      <title>${v.number} ${s.title}: ${s.satisfied}/${s.total} ${s.passed ? l.pass : l.fail}</title>
      <text x="0" y="${y + 21}" font-size="14" font-weight="600">${v.number}</text>
      <rect class="track" x="${barX}" y="${y + 7}" width="${barW}" height="20" rx="4" />
      ${
        s.passed
          ? html`<rect class="pass" x="${barX}" y="${y + 7}" width="${w}" height="20" rx="4" />`
          : html`<rect
              class="bar-fail"
              x="${barX}"
              y="${y + 7}"
              width="${w}"
              height="20"
              rx="4"
              fill="url(#${id}-hatch)"
              stroke-width="1.5"
            />`
      }
      <text
        x="${barX + barW + 12}"
        y="${y + 22}"
        font-size="14"
        class="${s.passed ? 'pass' : 'fail'}"
        font-weight="700"
        >${s.passed ? '✓' : '✗'}
        ${s.satisfied}/${s.total}${s.passed ? '' : html` ${l.fail}`}${delta}</text
      >
    </g>`;
  });
  const desc = views
    .map(
      (v) =>
        `${v.number} ${v.section.title}: ${v.section.satisfied}/${v.section.total}, ${v.section.passed ? l.pass : l.fail}.`,
    )
    .join(' ');
  return html`<figure>
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="chart"
      viewBox="0 0 640 ${height}"
      role="img"
      aria-labelledby="${id}-t ${id}-d"
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
    >
      <title id="${id}-t">${l.chart(q.title, passed, views.length)}</title>
      <desc id="${id}-d">${desc}</desc>
      <defs>
        <pattern
          id="${id}-hatch"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect class="hatch" width="8" height="8" />
          <rect class="fail" width="3" height="8" />
        </pattern>
      </defs>
      ${rows}
    </svg>
    <figcaption>${l.chart(q.title, passed, views.length)}</figcaption>
  </figure>`;
}

/** A sentence of the words with its command (`trustcheck upgrade FILE`) as code. */
function withCommand(sentence: (code: (command: string) => string) => string): Html {
  const [before = '', command = '', after = ''] = sentence(
    (command) => `\u0000${command}\u0000`,
  ).split('\u0000');
  return html`${before}<code>${command}</code>${after}`;
}

/** Each questionnaire whose version changed since the baseline: said in the banner. */
function versionNotices(changed: readonly VersionChangeView[], l: Labels): Html[] {
  // what a version change means for the comparison is said once, under the last
  return changed.map(
    (v, i) =>
      html`<div class="outcome is-change">
        <span class="mark" aria-hidden="true">↻</span>
        <div>
          <strong>${v.sentence}.</strong>${i === changed.length - 1 ? l.versionCompared : ''}${
            v.renew
              ? html` ${withCommand((code) =>
                  l.renewBaseline(v.title.replaceAll('\u0000', ''), v.change.to, code),
                )}`
              : ''
          }
        </div>
      </div>`,
  );
}

function banner(report: Report, l: Labels, baseline: Report | undefined): Html {
  const t = report.totals;
  const c = report.comparison;
  const outcome = c === null ? undefined : baselineOutcome(c, l);
  const changed = c === null ? [] : versionChanges(c, report, l, baseline);
  return html`<header class="banner">
    <p class="kicker">${auditedTitle(report, l)}</p>
    <h1>${report.subject}</h1>
    <p class="meta">
      ${l.date}:
      ${time(report.date)}${report.assessor === null ? '' : html` · ${l.assessor}: ${report.assessor}`}
    </p>
    <div class="verdict ${report.passed ? 'is-pass' : 'is-fail'}">
      <span class="mark" aria-hidden="true">${report.passed ? '✓' : '✗'}</span>
      <div><strong>${l.auditVerdict}: ${report.passed ? l.passed : l.failed}</strong>${l.rule}</div>
    </div>
    ${
      outcome === undefined
        ? ''
        : html`<div class="outcome ${outcome.ok ? 'is-pass' : 'is-fail'}">
            <span class="mark" aria-hidden="true">${outcome.ok ? '✓' : '✗'}</span>
            <div><strong>${dated(outcome.head)}</strong>${outcome.detail}</div>
          </div>`
    }
    ${versionNotices(changed, l)}
    <div class="tiles">
      <div class="tile">
        <b>${t.sectionsPassed}/${t.sections}</b><span>${l.tileQuestions}</span>
      </div>
      <div class="tile">
        <b>${t.statementsSatisfied}/${t.statements}</b><span>${l.tileStatements}</span>
      </div>
      <div class="tile"><b>${notTrue(report).length}</b><span>${l.tileActions}</span></div>
      <div class="tile"><b>${exemptions(report).length}</b><span>${l.tileExempt}</span></div>
    </div>
  </header>`;
}

/** The changes since the baseline; what the report no longer holds is named from `baseline`. */
function comparisonSection(
  c: Comparison,
  report: Report,
  l: Labels,
  baseline: Report | undefined,
): Html {
  const item = (x: StatementPresence, text: string | undefined) =>
    html`<li>
      ${text ?? ''} <span class="id">${x.questionnaire}.${x.section}.${x.statement}</span>
    </li>`;
  const ref = (x: StatementPresence) =>
    item(x, statementText(report, x.questionnaire, x.section, x.statement, baseline));
  const list = (title: string, items: Html[]) =>
    items.length === 0
      ? ''
      : html`<h3>${title}</h3>
          <ul>
            ${items}
          </ul>`;
  const changed = versionChanges(c, report, l, baseline);
  const otherVersion = new Set(changed.map((v) => v.change.questionnaire));
  const same = (x: StatementPresence) => !otherVersion.has(x.questionnaire);
  return html`<section class="changes">
    <h2>${dated(l.changes(c.baseline.date))}</h2>
    <p>${dated(l.baseline(c.baseline.subject, c.baseline.date))}</p>
    ${hasRegressions(c) ? '' : html`<p>${l.noRegressions}</p>`}
    ${list(l.regressions, c.regressions.map(ref))}
    ${list(
      l.sectionRegressions,
      c.sectionRegressions.map(
        (x) =>
          html`<li>
            ${sectionTitle(report, x.questionnaire, x.section, baseline) ?? ''}
            <span class="id">${x.questionnaire}.${x.section}</span>
          </li>`,
      ),
    )}
    ${list(
      l.missing,
      c.missingQuestionnaires.map(
        (id) =>
          html`<li>${questionnaireTitle(baseline, id) ?? ''} <span class="id">${id}</span></li>`,
      ),
    )}
    ${list(l.improvements, c.improvements.map(ref))}
    ${changed.map(
      (v) =>
        html`${list(
          v.removedHeading,
          v.removed.map((x) => item(x.ref, x.text)),
        )}${list(
          v.addedHeading,
          v.added.map((x) => item(x.ref, x.text)),
        )}`,
    )}
    ${list(l.added, c.added.filter(same).map(ref))}
    ${list(
      l.removed,
      c.removed.filter(same).map((x) => item(x, removedText(x, baseline))),
    )}
  </section>`;
}

export function renderHtml(report: Report, options: RenderOptions = {}): string {
  const l = labelsFor(report.language);
  const c = report.comparison;
  const all = questions(report);
  const failing = notTrue(report);
  const exempt = exemptions(report);
  const changes = changesBySection(c);
  const title = `${auditedTitle(report, l)}: ${report.subject}, ${report.date}`;

  const actions = planHtml(report, l);

  const charts = report.questionnaires.map((q, qi) => {
    const views = all.filter((v) => v.questionnaire === q);
    return html`<section>
      <h2>${q.title} ${verdictBadge(q.passed, l)}</h2>
      <div class="legend">
        <span>✓ ${l.legendPass}</span
        ><span>✗ ${l.legendFail}</span
        >${c === null ? '' : html`<span>▲ ${l.nowTrue} · ▼ ${l.noLongerTrue}</span>`}
      </div>
      ${chart(q, qi, views, changes, l)}
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">${l.number}</th>
            <th scope="col">${l.section}</th>
            <th scope="col">${l.verdict}</th>
            <th scope="col" class="num">${l.satisfied}</th>
          </tr>
        </thead>
        <tbody>
          ${views.map(
            (v) =>
              html`<tr class="${v.section.passed ? 'pass' : 'fail'}">
                <td data-label="${l.number}">${v.number}</td>
                <td data-label="${l.section}">
                  ${v.section.title} <span class="id">${q.id}.${v.section.id}</span>
                </td>
                <td data-label="${l.verdict}">${verdictBadge(v.section.passed, l)}</td>
                <td data-label="${l.satisfied}" class="num">
                  ${v.section.satisfied}/${v.section.total}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  });

  let current: string | undefined;
  const notTrueItems = failing.map((v) => {
    const st = v.statement;
    const head = v.number === current ? '' : html`<h3>${v.number} ${v.section.title}</h3>`;
    current = v.number;
    return html`${head}
      <div class="item">
        <p><strong>${st.text}</strong></p>
        <p class="muted">
          ${dated(unsatisfiedReason(st, l, report.date))} · <span class="id">${st.id}</span>
        </p>
        ${whoSaidNo(report, st, l).map((who) => html`<p>${who}</p>`)}
        <dl>
          ${
            teamNotes(report, st, l)
              ? html`<dt>${l.note}</dt>
                  <dd>${teamNotes(report, st, l)}</dd>`
              : ''
          }
          ${
            teamNotes(report, st, l, undefined, 'evidence')
              ? html`<dt>${l.evidence}</dt>
                  <dd>${teamNotes(report, st, l, undefined, 'evidence')}</dd>`
              : ''
          }
          ${
            st.note === null
              ? ''
              : html`<dt>${l.note}</dt>
                  <dd>${st.note}</dd>`
          }
          ${
            st.evidence === null
              ? ''
              : html`<dt>${l.evidence}</dt>
                  <dd>${st.evidence}</dd>`
          }
          ${
            st.remedy === null
              ? ''
              : html`<dt>${l.remedy}</dt>
                  <dd>${st.remedy}</dd>`
          }
        </dl>
      </div>`;
  });

  const exemptSection = html`<section>
    <h2>${l.exempt}</h2>
    ${
      exempt.length === 0
        ? html`<p>${l.noExempt}</p>`
        : html`<table class="stack">
            <thead>
              <tr>
                <th scope="col">${l.statement}</th>
                <th scope="col">${l.section}</th>
                <th scope="col">${l.note}</th>
                <th scope="col">${l.untilHeader}</th>
              </tr>
            </thead>
            <tbody>
              ${exempt.map(
                (v) =>
                  html`<tr>
                    <td data-label="${l.statement}">${v.statement.text}</td>
                    <td data-label="${l.section}">${v.number} ${v.section.title}</td>
                    <td data-label="${l.note}">
                      ${teamNotes(report, v.statement, l) ?? v.statement.note ?? ''}
                    </td>
                    <td data-label="${l.untilHeader}">
                      ${v.statement.until === null ? l.noUntil : time(v.statement.until)}${
                        v.expiresIn === undefined
                          ? ''
                          : html` <span class="badge warn">⚠ ${l.expiresSoon(v.expiresIn)}</span>`
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;

  const answerBadge = (st: (typeof failing)[number]['statement']) => {
    const kind = st.answer === 'na' && st.satisfied ? 'na' : st.satisfied ? 'pass' : 'fail';
    const mark = kind === 'pass' ? '✓ ' : kind === 'fail' ? '✗ ' : '';
    return html`<span class="badge ${kind}">${mark}${answerWord(st, l)}</span>`;
  };
  const team = teamWordsFor(report.language);
  const appendix = html`<section class="appendix">
    <h2>${l.appendix}</h2>
    ${report.questionnaires.map(
      (q) =>
        html`<h3>${q.title} <span class="id">${q.id}@${q.version}</span></h3>
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">${l.number}</th>
                <th scope="col">${l.statement}</th>
                <th scope="col">${l.answer}</th>
                ${report.respondents === undefined ? '' : html`<th scope="col">${team.each}</th>`}
                <th scope="col">${l.note}</th>
                <th scope="col">${l.evidence}</th>
              </tr>
            </thead>
            <tbody>
              ${all
                .filter((v) => v.questionnaire === q)
                .flatMap((v) =>
                  v.section.statements.map(
                    (st) =>
                      html`<tr>
                        <td data-label="${l.number}">${v.number}</td>
                        <td data-label="${l.statement}">${st.text}</td>
                        <td data-label="${l.answer}">
                          ${answerBadge(st)}${st.answer === 'na' && st.until !== null ? html` <span class="muted">${l.until} ${time(st.until)}</span>` : ''}
                        </td>
                        ${
                          st.answers === undefined
                            ? ''
                            : html`<td data-label="${team.each}">
                                ${answerViews(report, st, l).map(
                                  (a, i) =>
                                    html`${i === 0 ? '' : '; '}${a.who}:
                                    ${a.satisfied ? a.word : html`<strong>${a.word}</strong>`}`,
                                )}
                              </td>`
                        }
                        <td data-label="${l.note}">${teamNotes(report, st, l) ?? st.note ?? ''}</td>
                        <td data-label="${l.evidence}">
                          ${teamNotes(report, st, l, undefined, 'evidence') ?? st.evidence ?? ''}
                        </td>
                      </tr>`,
                  ),
                )}
            </tbody>
          </table>`,
    )}
  </section>`;

  const body = html`${banner(report, l, options.baseline)}
    ${c !== null && hasRegressions(c) ? comparisonSection(c, report, l, options.baseline) : ''}
    ${teamHtml(report, l)} ${actions} ${charts}
    ${
      failing.length === 0
        ? ''
        : html`<section>
            <h2>${l.notSatisfied}</h2>
            ${notTrueItems}
          </section>`
    }
    ${exemptSection}
    ${c !== null && !hasRegressions(c) ? comparisonSection(c, report, l, options.baseline) : ''}
    ${appendix}
    <footer>
      <p>${l.generated(report.tool.version)}</p>
      <ul>
        ${report.questionnaires.map((q) => html`<li><span class="id">${q.id}@${q.version} ${q.digest}</span></li>`)}
      </ul>
    </footer>`;
  const description = `${l.reportDescription(auditedTitle(report, l), report.subject, report.date, report.passed)} ${l.questionsPassed(report.totals.sectionsPassed, report.totals.sections)}, ${l.statementsTrue(report.totals.statementsSatisfied, report.totals.statements)}.`;
  return page({ language: report.language, title, description }, body);
}

/** An action's status as a badge: overdue in the fail colour, done in the pass colour. */
function statusBadge(action: ReportAction, l: Labels): Html {
  const kind =
    action.status === 'overdue'
      ? 'fail'
      : action.status === 'done'
        ? 'pass'
        : action.status === 'postponed'
          ? 'warn'
          : 'na';
  const mark = action.status === 'overdue' ? '✗ ' : action.status === 'done' ? '✓ ' : '';
  return html`<span class="badge ${kind}">${mark}${statusWords(action, l)}</span>`;
}

/**
 * The action plan: a table of every statement not true with its actions (what, owner, due,
 * status), the earliest due date first, overdue rows in the fail colour, "no owner yet" where
 * none; with a baseline, the actions done since.
 */
function planHtml(report: Report, l: Labels): Html {
  const plan = actionPlan(report, l);
  const done = doneActions(report);
  const t = report.actionTotals;
  const row = (number: string, statement: string, what: string, action: ReportAction | undefined) =>
    html`<tr class="${action?.status === 'overdue' ? 'fail overdue' : ''}">
      <td data-label="${l.action}">
        <strong>${what}</strong><br /><span class="muted"
          >${l.section} ${number}: ${statement}</span
        >
      </td>
      <td data-label="${l.owner}">
        ${action === undefined ? html`<span class="badge warn">${l.noOwner}</span>` : action.owner}
      </td>
      <td data-label="${l.due}">${action === undefined ? '' : time(action.due)}</td>
      <td data-label="${l.status}">${action === undefined ? '' : statusBadge(action, l)}</td>
    </tr>`;
  const head = html`<thead>
    <tr>
      <th scope="col">${l.action}</th>
      <th scope="col">${l.owner}</th>
      <th scope="col">${l.due}</th>
      <th scope="col">${l.status}</th>
    </tr>
  </thead>`;
  return html`<section class="plan">
    <h2>${l.plan}</h2>
    ${
      plan.length === 0
        ? html`<p>${l.noActions}</p>`
        : html`<p>
              ${l.planIntro}
              ${t === undefined ? '' : l.planTotals(t.planned, t.unplanned, t.overdue)}
            </p>
            <table class="stack plan">
              ${head}
              <tbody>
                ${plan.flatMap((item) =>
                  item.actions.length === 0
                    ? [row(item.number, item.statement.text, item.remedy, undefined)]
                    : item.actions.map((a) =>
                        row(
                          item.number,
                          item.statement.text,
                          a.what === '' ? item.remedy : a.what,
                          a,
                        ),
                      ),
                )}
              </tbody>
            </table>`
    }
    ${
      done.length === 0
        ? ''
        : html`<h3>${l.planDone}</h3>
            <table class="stack plan">
              ${head}
              <tbody>
                ${done.map((d) =>
                  row(
                    d.number,
                    d.statement.text,
                    d.action.what === '' ? d.statement.text : d.action.what,
                    d.action,
                  ),
                )}
              </tbody>
            </table>`
    }
  </section>`;
}
