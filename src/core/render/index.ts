// Rendering a report in each of its formats (the table in formats.ts). The HTML renderer is
// loaded only when it is asked for (`renderAsync`, `rendererFor`), so that it adds nothing to a
// scripted audit's start-up; the synchronous `render` therefore takes the other formats only.
import type { Report } from '../model.js';
import { rendererFor, syncRenderer, type ReportFormat, type SyncReportFormat } from './formats.js';
import type { RenderOptions } from './options.js';

export {
  DEFAULT_REPORT_FORMAT,
  REPORT_FORMAT_IDS,
  REPORT_FORMATS,
  extensionFor,
  extensionsInWords,
  formatFor,
  formatForPath,
  formatName,
  isPerAnswerFile,
  isReportFormat,
  isSyncReportFormat,
  rendererFor,
  type Renderer,
  type ReportFormat,
  type SyncReportFormat,
} from './formats.js';
export type { RenderOptions } from './options.js';
export { renderJson } from './json.js';
export { renderJunit } from './junit.js';
export { renderMarkdown } from './markdown.js';

/** A report in a format that needs no loading: every format but html (see `renderAsync`). */
export function render(
  report: Report,
  format: SyncReportFormat,
  options: RenderOptions = {},
): string {
  return syncRenderer(format)(report, options);
}

/** A report in any format, its renderer loaded first when it is loaded on demand (html). */
export async function renderAsync(
  report: Report,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<string> {
  return (await rendererFor(format))(report, options);
}
