// Moving an answer file to the newest version of each questionnaire in it (`trustcheck upgrade`):
// each questionnaire's plan comes from the core (core/upgrade.ts); here it is applied to the
// file's document, so that what carries over keeps its form, its comments and its place, and the
// file keeps its syntax (YAML stays YAML, JSON stays JSON). Nothing is written here. The document
// is edited through its own methods (createNode, createPair): this module needs nothing of the
// yaml library but its types.
import type { Document, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { resolveAnswers } from '../core/answers.js';
import { nearest, type Issue, type LocatedIssue, type Result } from '../core/issues.js';
import type { StatementKey } from '../core/meanings.js';
import type { AnswerFile, Questionnaire } from '../core/model.js';
import { localize } from '../core/questionnaire.js';
import { compareVersions } from '../core/semver.js';
import { answerHint, commentText } from '../core/template.js';
import { planUpgrade, changesAnything, type UpgradePlan } from '../core/upgrade.js';
import { locate } from '../io/document.js';
import { documentText } from './answers-target.js';
import { sortIssues, type Loaded } from './load.js';
import { builtinMeanings, builtinVersions, resolvePinned, resolveRef } from './registry.js';

export interface Upgrade {
  /** One plan per built-in questionnaire of the file, in the file's order. */
  plans: UpgradePlan[];
  /** The file's other questionnaires (custom ones, given with -q to an audit): left as they are. */
  untouched: { id: string; nearest: string | undefined }[];
  /** Whether anything changes (else the file is left as it is). */
  changed: boolean;
  /** The file's new text, in its syntax. */
  text: string;
}

/**
 * The upgrade of a loaded answer file: every questionnaire moved to its newest shipped version.
 * Refused, with the problems located in the file, when a questionnaire is unknown, its version
 * is newer than any shipped (an upgrade never goes back), or its answers do not fit the version
 * they were given against (an upgrade moves only answers that mean something).
 */
export function upgradeAnswerFile(
  file: string,
  loaded: Loaded<AnswerFile>,
  language: string,
): Result<Upgrade> {
  const issues: Issue[] = [];
  const plans: UpgradePlan[] = [];
  const untouched: Upgrade['untouched'] = [];
  const builtins = builtinVersions();
  for (const [id, entry] of Object.entries(loaded.value.questionnaires)) {
    const path = ['questionnaires', id];
    // a custom questionnaire has no newest version here (its file is given to an audit with -q)
    if (!builtins.has(id)) {
      untouched.push({ id, nearest: nearest(id, [...builtins.keys()]) });
      continue;
    }
    // a version newer than any shipped: an upgrade never goes back
    const newest = builtinVersions().get(id)?.[0];
    if (
      newest !== undefined &&
      entry.version !== undefined &&
      compareVersions(entry.version, newest) > 0
    ) {
      issues.push({
        path: [...path, 'version'],
        message: `${id} ${entry.version} is newer than the newest version this trustcheck ships (${newest}); trustcheck upgrade never moves answers to an older version: use a trustcheck release that ships ${id}@${entry.version}`,
      });
      continue;
    }
    const resolved = resolvePinned(id, entry.version);
    if ('error' in resolved || newest === undefined) {
      if ('error' in resolved) {
        issues.push({
          path: resolved.field === 'id' ? path : [...path, 'version'],
          at: resolved.field === 'id' ? 'key' : 'value',
          message: resolved.error,
        });
      }
      continue;
    }
    const from = resolved.loaded.value;
    const checked = resolveAnswers(entry, from, path, { allowIncomplete: true });
    if (checked.issues.length > 0) {
      issues.push(...checked.issues);
      continue;
    }
    const to = resolveRef(`${id}@${newest}`);
    if (!to.ok) return to;
    plans.push(planUpgrade(entry, from, to.value.value, builtinMeanings(id)));
  }
  if (issues.length > 0) {
    const located: LocatedIssue[] = sortIssues(issues.map((i) => locate(loaded.parsed, i)));
    return {
      ok: false,
      issues: located,
      warnings: [],
      summary: `${file}: cannot be upgraded as it is; fix ${issues.length === 1 ? 'this' : 'these'} first`,
    };
  }
  const changed = plans.some(changesAnything);
  const doc = loaded.parsed.doc;
  if (changed) {
    hoistComment(doc.get('questionnaires', true));
    for (const plan of plans) if (changesAnything(plan)) applyPlan(doc, plan, language);
  }
  return {
    ok: true,
    value: { plans, untouched, changed, text: changed ? documentText(file, doc) : loaded.text },
    warnings: [],
  };
}

const keyId = (key: StatementKey): string => `${key.section}\u0000${key.statement}`;

type AnyMap = YAMLMap<unknown, unknown>;

const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null;

/**
 * A map of the document: a collection of pairs. Where the checked answer file holds an object
 * (a questionnaire, its answers, a section), the document holds a map.
 */
function mapNode(node: unknown): AnyMap | undefined {
  if (!isObject(node)) return undefined;
  const items = (node as { items?: unknown }).items;
  return Array.isArray(items) && items.every((item) => isObject(item) && 'key' in item)
    ? (node as AnyMap)
    : undefined;
}

/** A node's comment lines before it (a key's, for a pair). */
type Commented = { commentBefore?: string | null };

/** A key of the document as the string it is. */
function keyName(pair: Pair): string {
  const key = pair.key;
  return String(isObject(key) && 'value' in key ? key.value : key);
}

/**
 * A comment before a map's first item is the map's in the document; it is moved onto that item,
 * so that it goes where the item goes when the items are rearranged.
 */
function hoistComment(node: unknown): void {
  const map = mapNode(node);
  const first = map?.items[0];
  if (map === undefined || first === undefined || !isObject(first.key)) return;
  if (map.commentBefore === undefined || map.commentBefore === null) return;
  const key = first.key as Commented;
  key.commentBefore = [map.commentBefore, key.commentBefore].filter((c) => c != null).join('\n');
  map.commentBefore = undefined;
}

/** Every wording of a text, one line each (as a template writes them in its comments). */
function wordings(text: Parameters<typeof localize>[0] | undefined, q: Questionnaire): string[] {
  return text === undefined
    ? []
    : q.languages.map((language) => commentText(localize(text, language, q.languages[0]) ?? ''));
}

/**
 * A comment line a template wrote (the words of a statement or a question in one of the
 * questionnaire's languages) says the new words in that language; any other comment is the
 * user's and stays as it is.
 */
function refreshComment(
  node: unknown,
  before: readonly string[],
  after: readonly string[],
  numbered?: { from: number; to: number },
): void {
  if (!isObject(node)) return;
  const commented = node as Commented;
  if (typeof commented.commentBefore !== 'string') return;
  const prefix = (n: number | undefined) => (n === undefined ? '' : `${n}. `);
  commented.commentBefore = commented.commentBefore
    .split('\n')
    .map((line) => {
      const at = before.findIndex((text) => line.trim() === `${prefix(numbered?.from)}${text}`);
      return at === -1 || after[at] === undefined ? line : ` ${prefix(numbered?.to)}${after[at]}`;
    })
    .join('\n');
}

/** A new statement as a template writes it: its words above it, unanswered, the answers it takes. */
function newStatement(
  doc: Document,
  q: Questionnaire,
  statement: Questionnaire['sections'][number]['statements'][number],
  language: string,
): Pair {
  const key = doc.createNode(statement.id) as Scalar;
  key.commentBefore = ` ${commentText(localize(statement.text, textLanguage(q, language), q.languages[0]))}`;
  const value = doc.createNode(null) as Scalar;
  value.source = '~';
  value.comment = ` ${answerHint(statement, language)}`;
  return doc.createPair(key, value);
}

const textLanguage = (q: Questionnaire, language: string): string =>
  q.languages.includes(language) ? language : q.languages[0]!;

/** Applies one questionnaire's plan to the document: the version, and its answers rearranged. */
function applyPlan(doc: Document, plan: UpgradePlan, language: string): void {
  const entry = mapNode(doc.getIn(['questionnaires', plan.id], true));
  if (entry === undefined) return;
  if (plan.from.version !== plan.to.version || plan.pinned !== undefined) {
    entry.set('version', plan.to.version);
  }
  const answers = mapNode(entry.get('answers', true));
  const oldSections = new Map<string, Pair>();
  const oldStatements = new Map<string, Pair>();
  if (answers !== undefined) {
    hoistComment(answers);
    for (const pair of answers.items) {
      const section = keyName(pair);
      oldSections.set(section, pair);
      const statements = mapNode(pair.value);
      if (statements === undefined) continue;
      hoistComment(statements);
      for (const statement of statements.items) {
        oldStatements.set(keyId({ section, statement: keyName(statement) }), statement);
      }
    }
  }
  const carried = new Map(plan.kept.map((k) => [keyId(k.to), k.from]));
  const added = new Set(plan.added.map(keyId));
  const fromSections = new Map(plan.from.sections.map((s, i) => [s.id, { section: s, index: i }]));
  const sections: Pair[] = [];
  plan.to.sections.forEach((section, index) => {
    const items: Pair[] = [];
    for (const statement of section.statements) {
      const key = { section: section.id, statement: statement.id };
      const from = carried.get(keyId(key));
      const old = from === undefined ? undefined : oldStatements.get(keyId(from));
      if (from !== undefined && old !== undefined) {
        const before = fromSections
          .get(from.section)
          ?.section.statements.find((st) => st.id === from.statement);
        refreshComment(
          old.key,
          wordings(before?.text, plan.from),
          wordings(statement.text, plan.to),
        );
        items.push(old);
      } else if (added.has(keyId(key))) {
        items.push(newStatement(doc, plan.to, statement, language));
      }
    }
    const old = oldSections.get(section.id);
    if (old === undefined && items.length === 0) return;
    const map = mapNode(old?.value) ?? doc.createNode({});
    map.items = items;
    if (old !== undefined) {
      const was = fromSections.get(section.id);
      if (was !== undefined) {
        refreshComment(
          old.key,
          wordings(was.section.title, plan.from),
          wordings(section.title, plan.to),
          { from: was.index + 1, to: index + 1 },
        );
      }
      old.value = map;
      sections.push(old);
    } else {
      const key = doc.createNode(section.id) as Node;
      key.commentBefore = ` ${index + 1}. ${commentText(localize(section.title, textLanguage(plan.to, language), plan.to.languages[0]))}`;
      sections.push(doc.createPair(key, map));
    }
  });
  if (answers !== undefined) answers.items = sections;
  else {
    const map = doc.createNode({}) as AnyMap;
    map.items = sections;
    entry.set('answers', map);
  }
}
