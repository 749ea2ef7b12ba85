// The --fail-on policy: when a finished audit ends with exit code 1 (SPEC section 1).
import { hasRegressions } from './compare.js';
import type { Report } from './model.js';

/** The policies, in the order `--help` lists them. */
export const FAIL_ON = ['fail', 'regression', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** `regression` with a baseline, `fail` without. */
export function defaultFailOn(hasBaseline: boolean): FailOn {
  return hasBaseline ? 'regression' : 'fail';
}

/** Whether the report violates the policy: a failed audit (`fail`) or a regression. */
export function violatesPolicy(report: Report, failOn: FailOn): boolean {
  if (failOn === 'fail') return !report.passed;
  if (failOn === 'regression') {
    return report.comparison !== null && hasRegressions(report.comparison);
  }
  return false;
}
