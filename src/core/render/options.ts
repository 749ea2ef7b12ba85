// What a renderer may need besides the report: the policy CI runs under (JUnit agrees with the
// exit code) and where each statement stands in the answers file (GitHub annotations).
import type { FailOn } from '../policy.js';

export interface AnswersSource {
  /** The answers file, as given on the command line. */
  file: string;
  /** The line of a statement's answer in that file, if it is there. */
  line(questionnaire: string, section: string, statement: string): number | undefined;
}

export interface RenderOptions {
  failOn?: FailOn | undefined;
  source?: AnswersSource | undefined;
  /** The baseline file, as the verdict names it. */
  baselineFile?: string | undefined;
}
