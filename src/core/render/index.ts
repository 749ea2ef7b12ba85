// Rendering a report in each of its formats (the table in formats.ts): `rendererFor(format)`
// gives a format's renderer, loading it first when it is loaded on demand (html), so that it adds
// nothing to a scripted audit's start-up; `syncRenderer` gives the others at once. The library's
// `render` and `renderAsync` (src/index.ts) are made of these.

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
  syncRenderer,
  type Renderer,
  type ReportFormat,
  type SyncReportFormat,
} from './formats.js';
export type { RenderOptions } from './options.js';
export { renderJson } from './json.js';
export { renderJunit } from './junit.js';
export { renderMarkdown } from './markdown.js';
