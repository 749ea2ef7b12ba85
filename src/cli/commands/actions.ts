// `trustcheck actions REPORT|FOLDER...`: the open actions of the latest report of each subject,
// overdue first, in Markdown, CSV, JSON or an iCalendar file. Reports are read as `summary`
// reads them: their verdicts derived, a report whose claims do not follow refused.
import { createHash } from 'node:crypto';
import type { Context } from '../context.js';
import type { ActionsOptions } from '../declarations.js';
import { ExitCode, TrustcheckError } from '../../errors.js';
import { openActions, type ActionList } from '../../core/action-list.js';
import { impossibleDateMessage, isCalendarDate, isImpossibleDate } from '../../core/dates.js';
import type { ReportForSummary } from '../../core/model.js';
import {
  renderActionsCsv,
  renderActionsJson,
  renderActionsMarkdown,
} from '../../core/render/action-list.js';
import { renderActionsIcs } from '../../core/render/ics.js';
import { safeLine } from '../../core/text/terminal.js';
import { labelsFor } from '../../core/words.js';
import { today } from '../../app/today.js';
import { readStreams } from '../../io/read.js';
import { writeFileSafely } from '../../io/write.js';
import { VERSION } from '../../version.js';
import { expandInputs } from '../inputs.js';
import { assertNotAnInput } from '../output.js';
import { forEachReport } from './summary.js';

type ActionsFormat = 'md' | 'csv' | 'json' | 'ics';
const EXTENSIONS: Record<string, ActionsFormat> = {
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.json': 'json',
  '.ics': 'ics',
};

/** A calendar UID from an action's key: the same action, the same UID, in every run. */
export function actionUid(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@trustcheck`;
}

export async function actionsCommand(
  ctx: Context,
  args: string[],
  options: ActionsOptions,
): Promise<number> {
  const asOf = options.asOf ?? today(ctx.env);
  if (!isCalendarDate(asOf)) {
    throw new TrustcheckError(
      isImpossibleDate(asOf)
        ? `--as-of ${asOf}: ${impossibleDateMessage(asOf)}`
        : `--as-of ${JSON.stringify(asOf)} is not a date; write it as YYYY-MM-DD, such as 2027-03-31`,
    );
  }
  const output = options.output ?? '-';
  const format = formatOf(output, options.format);
  await readStreams(args);
  const files = expandInputs(args, ['.json'], 'report', { recursive: true });
  assertNotAnInput(files, output === '-' ? [] : [output]);
  const reports: ReportForSummary[] = [];
  forEachReport(ctx, files, 'actions', (report) => reports.push(report));
  const list = openActions(reports, asOf);
  const text = render(list, format);
  const l = labelsFor(list.language);
  if (output === '-') ctx.stdout.write(text);
  else {
    writeFileSafely(output, text);
    ctx.info(l.wroteList(safeLine(output)));
  }
  const overdue = list.actions.filter((a) => a.overdue).length;
  ctx.info(l.actionsTally(list.actions.length, list.subjects, overdue, asOf));
  return ExitCode.ok;
}

function render(list: ActionList, format: ActionsFormat): string {
  if (format === 'csv') return renderActionsCsv(list);
  if (format === 'json') return renderActionsJson(list);
  if (format === 'ics') return renderActionsIcs(list, actionUid, VERSION);
  return renderActionsMarkdown(list);
}

/** --format, else the output's extension, else Markdown. */
function formatOf(output: string, given: ActionsFormat | undefined): ActionsFormat {
  if (given !== undefined) return given;
  if (output === '-') return 'md';
  const dot = output.lastIndexOf('.');
  const extension = dot < 0 ? '' : output.slice(dot).toLowerCase();
  const format = EXTENSIONS[extension];
  if (format === undefined) {
    throw new TrustcheckError(
      `${safeLine(output)}: which format? give --format md, csv, json or ics, or a file ending in .md, .csv, .json or .ics`,
    );
  }
  return format;
}
