// The interview run in-process, as the in-process tests start it: a context as a terminal gives
// it (stdin a TTY, no colour, the date fixed at 2026-11-23), and the audit options and interview
// plan for Acme B.V.'s trustability audit, each test file naming what differs.
import { PassThrough } from 'node:stream';
import { createContext, type Context } from '../../src/cli/context.js';
import type { AuditOptions } from '../../src/cli/declarations.js';
import type { InterviewPlan } from '../../src/interactive/interview.js';

/** A terminal's context for the interview; what it writes to stderr is passed to `onStderr`. */
export const interviewContext = (onStderr: (text: string) => void): Promise<Context> => {
  const err = new PassThrough();
  err.on('data', (d: Buffer) => onStderr(d.toString()));
  return createContext(
    {
      stdout: { write: () => true },
      stderr: { write: (s: string) => err.write(s) },
      stdin: Object.assign(new PassThrough(), { isTTY: true }),
      // 2026-11-23
      env: { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1795392000' },
    },
    [],
  );
};

/** `audit --interactive` for Acme B.V. in English, saving its answers to `saveAnswers`. */
export const auditOptions = (
  options: Pick<AuditOptions, 'saveAnswers' | 'output' | 'failOn'> & Partial<AuditOptions>,
): AuditOptions => ({
  stepSummary: true,
  questionnaire: ['trustability'],
  subject: 'Acme B.V.',
  assessor: 'Jan Jansen',
  lang: 'en',
  ...options,
});

/** A new interview of Acme B.V. in English, on 2026-11-23, into `file`. */
export const interviewPlan = (plan: Pick<InterviewPlan, 'file'> & Partial<InterviewPlan>) =>
  ({
    existing: false,
    force: false,
    subject: 'Acme B.V.',
    assessor: 'Jan Jansen',
    questionnaires: ['trustability'],
    language: 'en',
    today: '2026-11-23',
    ...plan,
  }) satisfies InterviewPlan;
