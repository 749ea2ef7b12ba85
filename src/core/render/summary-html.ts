// The portfolio as HTML: a heat map of subjects × questions (the latest report of each subject),
// each subject's trend over its dated reports, the most common failing statements in words, and
// the regressions between reports. Self-contained like the report (see html.ts).
import { columnNumbers, type PortfolioChange, type Summary, type SummaryRow } from '../summary.js';
import { html, type Html } from './html-template.js';
import { labelsFor, type Labels } from '../words.js';
import { page, scrollable, time } from './html-page.js';

/** A small line of the share of true statements per report, a mark per report (● pass, ■ fail). */
function sparkline(subject: string, history: SummaryRow[], l: Labels): Html {
  const w = 180;
  const h = 40;
  const pad = 7;
  // the vertical scale starts a little below the lowest share, so that a change shows
  const shares = history.map((r) =>
    r.statements === 0 ? 0 : r.statementsSatisfied / r.statements,
  );
  const low = Math.max(0, Math.floor((Math.min(...shares) - 0.1) * 10) / 10);
  const span = 1 - low || 1;
  const step = history.length > 1 ? (w - 2 * pad) / (history.length - 1) : 0;
  const points = history.map((r, i) => ({
    x: history.length > 1 ? pad + i * step : w / 2,
    y: pad + (h - 2 * pad) * ((1 - shares[i]!) / span),
    r,
  }));
  const label = `${subject}: ${history
    .map(
      (r) => `${r.date} ${r.statementsSatisfied}/${r.statements} ${r.passed ? l.passed : l.failed}`,
    )
    .join('; ')}`;
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="spark"
    viewBox="0 0 ${w} ${h}"
    width="${w}"
    height="${h}"
    role="img"
    aria-label="${label}"
  >
    <title>${label}</title>
    <line class="grid" x1="${pad}" y1="${pad}" x2="${w - pad}" y2="${pad}" />
    <line class="grid" x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" />
    ${points.length > 1 ? html`<polyline class="line" fill="none" stroke-width="2" points="${points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}" />` : ''}
    ${points.map((p) =>
      p.r.passed
        ? html`<circle class="pass" cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="5" />`
        : html`<rect
            class="fail"
            x="${(p.x - 5).toFixed(1)}"
            y="${(p.y - 5).toFixed(1)}"
            width="10"
            height="10"
          />`,
    )}
  </svg>`;
}

function cell(verdict: boolean | undefined, title: string, l: Labels): Html {
  if (verdict === undefined)
    return html`<td title="${title}: ${l.absent}">
      <span class="cell none">–</span><span class="sr">${l.absent}</span>
    </td>`;
  return verdict
    ? html`<td title="${title}: ${l.pass}"><span class="cell pass">✓</span></td>`
    : html`<td title="${title}: ${l.fail}"><span class="cell fail">✗</span></td>`;
}

export function renderSummaryHtml(summary: Summary): string {
  const l = labelsFor(summary.language);
  const numbers = columnNumbers(summary.columns);
  const bySubject = new Map<string, SummaryRow[]>();
  for (const row of summary.rows) {
    bySubject.set(row.subject, [...(bySubject.get(row.subject) ?? []), row]);
  }
  const latest = [...bySubject.values()].map((rows) => rows.at(-1)!);
  const passedSubjects = latest.filter((r) => r.passed).length;

  const matrix = html`<section>
    <h2 id="matrix">${l.matrix}</h2>
    <div class="legend">
      <span><span class="cell pass">✓</span> ${l.legendPass}</span
      ><span><span class="cell fail">✗</span> ${l.legendFail}</span
      ><span><span class="cell none">–</span> ${l.absent}</span>
    </div>
    ${scrollable(
      'matrix',
      html`<table class="matrix">
        <thead>
          <tr>
            <th scope="col">${l.subject}</th>
            <th scope="col">${l.verdict}</th>
            ${numbers.map(
              (n, i) =>
                html`<th scope="col" title="${summary.columnTitles[i] ?? ''}">
                  <abbr title="${summary.columnTitles[i] ?? ''}">${n}</abbr>
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${latest.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.subject} ${time(r.date)}</th>
                <td>
                  <span class="badge ${r.passed ? 'pass' : 'fail'}"
                    >${r.passed ? '✓' : '✗'} ${r.statementsSatisfied}/${r.statements}</span
                  >
                </td>
                ${summary.columns.map((c, i) =>
                  cell(
                    r.verdicts[c],
                    `${r.subject}, ${numbers[i]!} ${summary.columnTitles[i] ?? c}`,
                    l,
                  ),
                )}
              </tr>`,
          )}
        </tbody>
      </table>`,
      // a phone shows the subject column and about three questions: say that there are more
      numbers.length > 3 ? l.scrollHint : undefined,
    )}
    <h3>${l.questionsKey}</h3>
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">${l.number}</th>
          <th scope="col">${l.section}</th>
          <th scope="col" class="num">${l.failingSubjects}</th>
        </tr>
      </thead>
      <tbody>
        ${summary.columns.map((c, i) => {
          const failing = latest.filter((r) => r.verdicts[c] === false).length;
          return html`<tr class="${failing > 0 ? 'fail' : 'pass'}">
            <td data-label="${l.number}">${numbers[i]}</td>
            <td data-label="${l.section}">
              ${summary.columnTitles[i] ?? c} <span class="id">${c}</span>
            </td>
            <td data-label="${l.failingSubjects}" class="num">${l.subjectsFailing(failing)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;

  const trend = html`<section>
    <h2>${l.trend}</h2>
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">${l.subject}</th>
          <th scope="col">${l.trendColumn}</th>
          <th scope="col">${l.report}</th>
        </tr>
      </thead>
      <tbody>
        ${[...bySubject.entries()].map(
          ([subject, rows]) =>
            html`<tr>
              <th scope="row">${subject}</th>
              <td data-label="${l.trendColumn}">${sparkline(subject, rows, l)}</td>
              <td data-label="${l.report}">
                ${rows.map(
                  (r) =>
                    html`<span class="badge ${r.passed ? 'pass' : 'fail'}"
                      >${r.passed ? '✓' : '✗'} ${time(r.date)} ·
                      ${r.statementsSatisfied}/${r.statements}</span
                    > `,
                )}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;

  const failures = html`<section>
    <h2>${l.commonFailures}</h2>
    ${
      summary.mostCommonFailures.length === 0
        ? html`<p>${l.noCommonFailures}</p>`
        : html`<ol class="actions">
            ${summary.mostCommonFailures.map(
              (f) =>
                html`<li>
                  <strong>${f.text}</strong
                  ><span
                    >${l.subjectsFailing(f.subjects)} · ${f.question} ·
                    <span class="id">${f.statement}</span></span
                  >
                </li>`,
            )}
          </ol>`
    }
  </section>`;

  /** Changes between reports of one subject: the regressions, or the improvements. */
  const changes = (list: readonly PortfolioChange[], heading: string, none: string, mark: string) =>
    html`<section>
      <h2>${heading}</h2>
      ${
        list.length === 0
          ? html`<p>${none}</p>`
          : html`<ul>
              ${list.map(
                (r) =>
                  html`<li>
                    ${mark} <strong>${r.subject}</strong>: ${r.text}
                    <span class="muted">(${time(r.from)} → ${time(r.to)})</span>
                    <span class="id">${r.statement}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  const regressions = changes(
    summary.regressions,
    l.portfolioRegressions,
    l.noPortfolioRegressions,
    '▼',
  );
  const improvements = changes(
    summary.improvements,
    l.portfolioImprovements,
    l.noPortfolioImprovements,
    '▲',
  );

  const body = html`<header class="banner">
      <p class="kicker">trustcheck</p>
      <h1>${l.portfolio}</h1>
      <p class="meta">${l.portfolioIntro(summary.subjects, summary.reports)}</p>
      <div class="tiles">
        <div class="tile">
          <b>${passedSubjects}/${latest.length}</b><span>${l.subjectsPassed}</span>
        </div>
        <div class="tile">
          <b>${summary.columns.length}</b><span>${l.questionsKey.toLowerCase()}</span>
        </div>
        <div class="tile">
          <b>${summary.regressions.length}</b><span>${l.tileRegressions}</span>
        </div>
        <div class="tile">
          <b>${summary.improvements.length}</b><span>${l.tileImprovements}</span>
        </div>
      </div>
    </header>
    ${matrix} ${trend} ${failures} ${regressions} ${improvements}`;
  const description = l.portfolioDescription(latest.length, summary.reports, passedSubjects);
  return page({ language: summary.language, title: l.portfolio, description }, body);
}
