// What a renderer may need besides the report: the policy CI runs under (JUnit agrees with the
// exit code), where each statement stands in the answers file (GitHub annotations), and the
// baseline report (the words of what it holds and this report does not).
import type { Report } from '../model.js';
import type { FailOnInput } from '../policy.js';

export interface AnswersSource {
  /** The answers file, as given on the command line. */
  file: string;
  /**
   * The answers file as GitHub's runner finds it (relative to the workspace, else absolute), for
   * an annotation's `file=`; `file` when not given.
   */
  annotationFile?: string | undefined;
  /** The line of a statement's answer in that file, if it is there. */
  line(
    questionnaire: string,
    section: string,
    statement: string,
    /** A key under the statement's answer (`['action', 'due']`): its line instead. */
    within?: readonly string[],
  ): number | undefined;
}

export interface RenderOptions {
  /** The --fail-on policy: one condition or a list. */
  failOn?: FailOnInput | undefined;
  source?: AnswersSource | undefined;
  /** A team audit: each respondent's answers file, in the order of the report's `respondents`. */
  respondentSources?: readonly AnswersSource[] | undefined;
  /** The baseline file, as the verdict names it. */
  baselineFile?: string | undefined;
  /**
   * The baseline report: what the comparison names and this report no longer holds (a
   * statement removed, a questionnaire dropped) is named by its words in it.
   */
  baseline?: Report | undefined;
}
