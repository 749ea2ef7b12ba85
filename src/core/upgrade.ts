// What `trustcheck upgrade` does to the answers of one questionnaire, moved from the version they
// were given against to the newest: which answers carry over (the statement is there with the
// same id and meaning, per the questionnaire's meanings record; a statement that moved to another
// question keeps its answer there), which are dropped (the statement was removed, re-meant, or
// given a new id because its meaning changed), and which statements are new and left unanswered.
// Pure: the shell applies the plan to the file.
import { normalizeAnswer, type Choice } from './answers.js';
import { traceStatement, type Meanings, type StatementKey } from './meanings.js';
import type { AnswerFile, Questionnaire } from './model.js';

export interface UpgradePlan {
  id: string;
  /** The version the file pins, as it is written (`1.0.1`, `1.0.0+build`). */
  pinned: string | undefined;
  /** The version its answers are read against (the pin, or what an unshipped pin falls back to). */
  from: Questionnaire;
  /** The newest version, which the answers move to. */
  to: Questionnaire;
  /** Answers that carry over: from their statement in `from` to the same statement in `to`. */
  kept: { from: StatementKey; to: StatementKey }[];
  /** Statements of the file that `to` no longer asks: their answers are dropped. */
  dropped: { key: StatementKey; answer: Choice | null }[];
  /** Statements of `to` that mean nothing `from` asked: written unanswered (`~`). */
  added: StatementKey[];
}

const keyId = (key: StatementKey): string => `${key.section}\u0000${key.statement}`;

/** Every statement of a questionnaire, in its order. */
export const statementKeys = (q: Questionnaire): StatementKey[] =>
  q.sections.flatMap((s) => s.statements.map((st) => ({ section: s.id, statement: st.id })));

/**
 * The plan for one questionnaire's answers (`entry`, as the file has it, already checked against
 * `from`): only a statement with the same id and meaning in `to` keeps its answer (a statement
 * given a new id because its meaning changed never does); every statement of `to` whose meaning
 * `from` did not have is new.
 */
export function planUpgrade(
  entry: AnswerFile['questionnaires'][string] | undefined,
  from: Questionnaire,
  to: Questionnaire,
  record: Meanings | undefined,
): UpgradePlan {
  const inTo = new Set(statementKeys(to).map(keyId));
  const given = entry?.answers ?? {};
  const plan: UpgradePlan = {
    id: to.id,
    pinned: entry?.version,
    from,
    to,
    kept: [],
    dropped: [],
    added: [],
  };
  // the statements of `to` that mean what a statement of `from` meant, answered or not
  const meant = new Set<string>();
  for (const key of statementKeys(from)) {
    const trace = traceStatement(record, key, from.version, to.version);
    const carries =
      trace.kind === 'kept' && trace.key.statement === key.statement && inTo.has(keyId(trace.key));
    if (carries) meant.add(keyId(trace.key));
    const section = Object.hasOwn(given, key.section) ? given[key.section] : undefined;
    if (section === undefined || section === null || !Object.hasOwn(section, key.statement)) {
      continue;
    }
    if (carries && trace.kind === 'kept') plan.kept.push({ from: key, to: trace.key });
    else plan.dropped.push({ key, answer: normalizeAnswer(section[key.statement]).answer });
  }
  plan.added = statementKeys(to).filter((key) => !meant.has(keyId(key)));
  return plan;
}

/** Whether a plan changes anything: another version, or answers that move. */
export function changesAnything(plan: UpgradePlan): boolean {
  return (
    plan.from.version !== plan.to.version ||
    plan.dropped.length > 0 ||
    plan.added.length > 0 ||
    plan.kept.some((k) => k.from.section !== k.to.section)
  );
}
