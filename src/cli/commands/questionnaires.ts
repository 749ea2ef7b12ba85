// `trustcheck questionnaires list|show|validate`
import type { Context } from '../context.js';
import { displayWidth } from '../../core/text/wrap.js';
import type { ListOptions, ShowOptions } from '../declarations.js';
import { ExitCode, unwrap } from '../../errors.js';
import { loadQuestionnaireFile } from '../../app/load.js';
import { builtinVersions, isPathRef, reservedIdIssue, resolveRef } from '../../app/registry.js';
import { readStreams } from '../../io/read.js';
import { defaultLanguage } from '../../core/language.js';
import { formatIssue } from '../../core/issues.js';
import { localize, statementCount } from '../../core/questionnaire.js';
import {
  localizeQuestionnaire,
  renderQuestionnaireMarkdown,
} from '../../core/render/questionnaire.js';
import { renderQuestionnaireText } from '../../core/render/plain-text.js';
import { count } from '../../core/words.js';
import { prettyJson } from '../../core/text/controls.js';

export function listCommand(ctx: Context, options: ListOptions): number {
  const language = defaultLanguage(ctx.env, undefined);
  const rows = [...builtinVersions()].map(([id, versions]) => {
    const newest = unwrap(resolveRef(id)).value;
    return {
      id,
      version: newest.version,
      versions,
      languages: newest.languages,
      title: localize(newest.title, language, newest.languages[0]),
      sections: newest.sections.length,
      statements: statementCount(newest),
    };
  });
  if (options.format === 'json') {
    ctx.stdout.write(prettyJson(rows));
    return ExitCode.ok;
  }
  const table = [
    ['ID', 'VERSION', 'LANGUAGES', 'SECTIONS', 'STATEMENTS', 'TITLE'],
    ...rows.map((r) => [
      r.id,
      r.versions.join(', '),
      r.languages.join(', '),
      String(r.sections),
      String(r.statements),
      r.title,
    ]),
  ];
  ctx.stdout.write(formatTable(table));
  return ExitCode.ok;
}

/** Rows as columns lined up on a terminal (a CJK title takes two columns a character). */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (cell: string, width: number) => cell + ' '.repeat(width - displayWidth(cell));
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]!))).join('  '))
    .join('\n')
    .concat('\n');
}

export async function showCommand(
  ctx: Context,
  ref: string,
  options: ShowOptions,
): Promise<number> {
  if (isPathRef(ref)) await readStreams([ref]);
  const q = unwrap(resolveRef(ref)).value;
  const localized = localizeQuestionnaire(q, options.lang ?? defaultLanguage(ctx.env, undefined));
  // a person at a terminal reads plain text; a file or a pipe gets Markdown
  const format = options.format ?? (ctx.stdout.isTTY === true ? 'text' : 'md');
  ctx.stdout.write(
    format === 'json'
      ? prettyJson(localized)
      : format === 'text'
        ? renderQuestionnaireText(localized, textWidth(ctx.stdout.columns))
        : renderQuestionnaireMarkdown(localized),
  );
  return ExitCode.ok;
}

/**
 * The width plain text is wrapped to: the terminal's but its last column (a line that fills it
 * makes some terminals add an empty line), and no wider than reads well.
 */
function textWidth(columns: number | undefined): number {
  return Math.min(columns !== undefined && columns > 1 ? columns - 1 : 80, 100);
}

export async function validateCommand(ctx: Context, files: string[]): Promise<number> {
  await readStreams(files);
  let failed = 0;
  for (const file of files) {
    const loaded = loadQuestionnaireFile(file);
    const reserved = loaded.ok ? reservedIdIssue(loaded.value) : undefined;
    const result: typeof loaded =
      reserved === undefined ? loaded : { ok: false, issues: [reserved], warnings: [] };
    if (result.ok) {
      const q = result.value.value;
      ctx.info(
        `${ctx.color.green('ok')} ${file}: ${q.id}@${q.version}, ${count(q.sections.length, 'section', 'sections')}, ${count(statementCount(q), 'statement', 'statements')}`,
      );
    } else {
      failed++;
      for (const issue of result.issues) {
        ctx.stderr.write(`${ctx.color.red('error:')} ${formatIssue(issue)}\n`);
      }
    }
  }
  if (failed > 0) {
    ctx.stderr.write(
      `${failed} of ${count(files.length, 'file', 'files')} invalid; fix the problems above (see \`trustcheck schema questionnaire\`)\n`,
    );
    return ExitCode.cannotRun;
  }
  return ExitCode.ok;
}
