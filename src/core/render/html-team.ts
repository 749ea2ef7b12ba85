// The team part of the HTML report: "Where your people disagree", after the verdict. The counts,
// a respondents × statements matrix of the disagreed statements in the heat map's visual
// language (table.matrix, ✓ ✗ – cells, as the portfolio's), then each disagreement with who
// answered what and their notes, and who did not answer what. Every value escaped by `html`.
import type { Report } from '../model.js';
import type { Labels } from '../words.js';
import { scrollable } from './html-page.js';
import { html, type Html } from './html-template.js';
import { someOpen, teamView, whoText, type AnswerView } from './team-view.js';

function answerCell(a: AnswerView, column: string): Html {
  const title = `${a.who}, ${column}: ${a.word}`;
  if (a.answer === null) {
    return html`<td title="${title}">
      <span class="cell none">–</span><span class="sr">${a.word}</span>
    </td>`;
  }
  if (!a.satisfied) {
    return html`<td title="${title}">
      <span class="cell fail">✗</span><span class="sr">${a.word}</span>
    </td>`;
  }
  return a.answer === 'na'
    ? html`<td title="${title}">
        <span class="cell na">n/a</span><span class="sr">${a.word}</span>
      </td>`
    : html`<td title="${title}">
        <span class="cell pass">✓</span><span class="sr">${a.word}</span>
      </td>`;
}

/** A column of the matrix: A, B, …, Z, AA, AB, … */
function column(i: number): string {
  const letter = String.fromCharCode(65 + (i % 26));
  return i < 26 ? letter : `${column(Math.floor(i / 26) - 1)}${letter}`;
}

/** The section, or nothing for a one-person report. */
export function teamHtml(report: Report, l: Labels): Html | '' {
  const team = teamView(report, l);
  if (team === undefined) return '';
  const w = team.words;
  const columns = team.disagreements.map((_, i) => column(i));
  const matrix =
    team.disagreements.length === 0
      ? ''
      : html`<h3 id="team-matrix">${w.matrix}</h3>
          <div class="legend">
            <span><span class="cell pass">✓</span> ${w.legendYes}</span
            ><span><span class="cell fail">✗</span> ${w.legendNo}</span
            ><span><span class="cell na">n/a</span> ${w.legendNa}</span
            ><span><span class="cell none">–</span> ${w.legendNone}</span>
          </div>
          ${scrollable(
            'team-matrix',
            html`<table class="matrix">
              <thead>
                <tr>
                  <th scope="col">${w.respondent}</th>
                  ${team.disagreements.map(
                    (d, i) =>
                      html`<th scope="col" title="${d.statement.text}">
                        <abbr title="${d.statement.text}">${columns[i]}</abbr>
                      </th>`,
                  )}
                </tr>
              </thead>
              <tbody>
                ${team.respondents.map(
                  (r, ri) =>
                    html`<tr>
                      <th scope="row">${whoText(r)}</th>
                      ${team.disagreements.map((d, i) => answerCell(d.answers[ri]!, columns[i]!))}
                    </tr>`,
                )}
              </tbody>
            </table>`,
            team.disagreements.length > 3 ? l.scrollHint : undefined,
          )}`;
  const items = team.disagreements.map(
    (d, i) =>
      html`<div class="item">
        <p>
          <strong>${columns[i]} · ${d.statement.text}</strong>
          ${
            d.changesVerdict
              ? html`<span class="badge fail">✗ ${w.decides}</span>`
              : html`<span class="badge na">${w.stillTrue}</span>`
          }
        </p>
        <p class="muted">${l.section} ${d.number}: ${d.section.title}</p>
        <dl>
          ${d.answers.map(
            (a) =>
              html`<dt>${a.who}</dt>
                <dd>
                  <span class="badge ${a.satisfied ? (a.answer === 'na' ? 'na' : 'pass') : 'fail'}"
                    >${a.satisfied ? (a.answer === 'na' ? '' : '✓ ') : '✗ '}${a.word}</span
                  >${a.note === null ? '' : html` ${a.note}`}${
                    a.evidence === null
                      ? ''
                      : html` <span class="muted">(${l.evidence}: ${a.evidence})</span>`
                  }
                </dd>`,
          )}
          ${
            d.unattributed === undefined
              ? ''
              : html`<dt>${w.unattributed}</dt>
                  ${d.unattributed.notes.map((n) => html`<dd>${n}</dd>`)}
                  ${d.unattributed.evidence.map((x) => html`<dd>${l.evidence}: ${x}</dd>`)}`
          }
        </dl>
      </div>`,
  );
  return html`<section class="team">
    <h2>${w.disagreements}</h2>
    <p>${w.counts(team.counts)}</p>
    <p>${w.respondents}: ${team.respondents.map((r) => whoText(r)).join(', ')}.</p>
    ${team.disagreements.length === 0 ? html`<p>${w.noDisagreements}</p>` : html`${matrix} ${items}`}
    ${
      team.open.length === 0
        ? ''
        : html`<h3>${w.open}</h3>
            <ul>
              ${team.open.map(
                (o) =>
                  html`<li>
                    ${w.leftOpen(whoText(o), o.statements.length)}:
                    ${[
                      ...someOpen(o.statements).texts,
                      ...(someOpen(o.statements).more > 0
                        ? [l.more(someOpen(o.statements).more)]
                        : []),
                    ].join('; ')}
                  </li>`,
              )}
            </ul>`
    }
  </section>`;
}
