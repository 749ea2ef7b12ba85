// The team part of the Markdown report: "Where your people disagree" with the counts, who
// answered what and their notes (the disagreements that decide the verdict first), who did not
// answer what, and each respondent's answer for the appendix. Used by markdown.ts; user text
// escaped as everywhere in the Markdown.
import type { Report, ReportStatement } from '../model.js';
import type { Labels } from '../words.js';
import { escapeMarkdown as e } from './markdown-escape.js';
import { answerViews, someOpen, teamView, whoText } from './team-view.js';

/** The section after the verdict, or nothing for a one-person report. */
export function teamMarkdown(report: Report, l: Labels): string[] {
  const team = teamView(report, l);
  if (team === undefined) return [];
  const w = team.words;
  const out: string[] = [`## ${w.disagreements}`, '', w.counts(team.counts), ''];
  out.push(`${w.respondents}: ${team.respondents.map((r) => whoText(r, e)).join(', ')}.`, '');
  if (team.disagreements.length === 0) out.push(w.noDisagreements, '');
  for (const d of team.disagreements) {
    const why = d.changesVerdict ? `**${w.decides}**` : w.stillTrue;
    out.push(`- ${e(d.statement.text)} (${l.section} ${d.number}: ${e(d.section.title)}; ${why})`);
    for (const a of d.answers) {
      const word = a.satisfied ? a.word : `**${a.word}**`;
      const note = a.note === null ? '' : `: ${e(a.note)}`;
      const evidence = a.evidence === null ? '' : ` (${l.evidence}: ${e(a.evidence)})`;
      out.push(`  - ${whoText(a, e)}: ${word}${note}${evidence}`);
    }
    if (d.unattributed !== undefined) {
      const items = [
        ...d.unattributed.notes,
        ...d.unattributed.evidence.map((x) => `${l.evidence}: ${x}`),
      ];
      out.push(`  - ${w.unattributed}: ${items.map(e).join('; ')}`);
    }
  }
  if (team.disagreements.length > 0) out.push('');
  if (team.open.length > 0) {
    out.push(`### ${w.open}`, '');
    for (const o of team.open) {
      const { texts, more } = someOpen(o.statements);
      const list = [...texts.map(e), ...(more > 0 ? [l.more(more)] : [])].join('; ');
      out.push(`- ${w.leftOpen(whoText(o, e), o.statements.length)}: ${list}`);
    }
    out.push('');
  }
  return out;
}

/** A team statement's cells in the appendix: each respondent's answer, the notes, the evidence. */
export function teamAnswerCells(
  report: Report,
  st: ReportStatement,
  l: Labels,
): { each: string; note: string; evidence: string } {
  const views = answerViews(report, st, l);
  const each = views
    .map((a) => `${whoText(a, e)}: ${a.satisfied ? a.word : `**${a.word}**`}`)
    .join('; ');
  if (st.unattributed !== undefined || report.anonymous === true) {
    return {
      each,
      note: (st.unattributed?.notes ?? []).map(e).join('; '),
      evidence: (st.unattributed?.evidence ?? []).map(e).join('; '),
    };
  }
  const by = (field: 'note' | 'evidence') =>
    views
      .filter((a) => a[field] !== null)
      .map((a) => `${whoText(a, e)}: ${e(a[field]!)}`)
      .join('; ');
  return { each, note: by('note'), evidence: by('evidence') };
}
