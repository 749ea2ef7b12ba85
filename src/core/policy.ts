// The --fail-on policy: when a finished audit ends with exit code 1 (SPEC section 1). A policy is
// a list of conditions (`regression,overdue`): any one of them met exits 1; `never` stands alone.
import { hasRegressions } from './compare.js';
import type { Report } from './model.js';

/** The conditions, in the order `--help` lists them. */
export const FAIL_ON = ['fail', 'regression', 'overdue', 'never'] as const;
export type FailOnCondition = (typeof FAIL_ON)[number];
/** A policy: one or more conditions (`never` only alone). */
export type FailOn = readonly FailOnCondition[];

/** A policy as callers give it: one condition, or a list of them. */
export type FailOnInput = FailOnCondition | FailOn;

/** The policy of one condition or a list. */
export function asPolicy(failOn: FailOnInput): FailOn {
  return typeof failOn === 'string' ? [failOn] : failOn;
}

/** `regression` with a baseline, `fail` without. */
export function defaultFailOn(hasBaseline: boolean): FailOn {
  return hasBaseline ? ['regression'] : ['fail'];
}

/**
 * A policy as written on the command line or in a config: a comma list of conditions, each once.
 * An unknown word, an empty item, or `never` with another condition is refused, with why.
 */
export function parseFailOn(
  text: string,
): { ok: true; policy: FailOn } | { ok: false; message: string } {
  const words = text.split(',').map((w) => w.trim());
  const policy: FailOnCondition[] = [];
  for (const word of words) {
    if (!(FAIL_ON as readonly string[]).includes(word)) {
      return {
        ok: false,
        message: `--fail-on ${JSON.stringify(text)}: ${word === '' ? 'an empty condition' : JSON.stringify(word)} is not a condition; give ${FAIL_ON.join(', ')}, or a comma list such as regression,overdue`,
      };
    }
    if (!policy.includes(word as FailOnCondition)) policy.push(word as FailOnCondition);
  }
  if (policy.includes('never') && policy.length > 1) {
    return {
      ok: false,
      message: `--fail-on ${JSON.stringify(text)}: never cannot be combined with another condition; give never alone, or leave it out`,
    };
  }
  return { ok: true, policy };
}

/** The policy as it is written: `regression,overdue`. */
export function policyText(policy: FailOn): string {
  return policy.join(',');
}

/** Whether the policy holds a condition. */
export function gatesOn(policy: FailOnInput, condition: FailOnCondition): boolean {
  return asPolicy(policy).includes(condition);
}

/** Whether the report has an overdue action. */
export function hasOverdue(report: Report): boolean {
  return report.questionnaires.some((q) =>
    q.sections.some((s) =>
      s.statements.some((st) => (st.actions ?? []).some((a) => a.status === 'overdue')),
    ),
  );
}

/**
 * Whether the report violates the policy: a failed audit (`fail`), a regression, or an overdue
 * action; any condition of the list that is met.
 */
export function violatesPolicy(report: Report, failOn: FailOnInput): boolean {
  return asPolicy(failOn).some((condition) => {
    if (condition === 'fail') return !report.passed;
    if (condition === 'regression')
      return report.comparison !== null && hasRegressions(report.comparison);
    if (condition === 'overdue') return hasOverdue(report);
    return false;
  });
}
