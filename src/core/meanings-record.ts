// The meanings record (format trustcheck-meanings/1): beside a questionnaire's versions, which
// statements each version removed, re-meant, moved or gave a new id, so that a comparison, a
// fallback or an upgrade never takes a statement for the one it replaced. This module is the
// file format (zod, for the build, the tests and the published schema); the questions asked of a
// record are in meanings.ts, which needs no zod.
import { z } from 'zod';
import { ID_PATTERN, MEANINGS_FORMAT, SEMVER_PATTERN } from './formats.js';
import type { Issue, Path } from './issues.js';
import { compareVersions, majorOf } from './semver.js';

const Id = z
  .string()
  .regex(new RegExp(ID_PATTERN))
  .meta({ description: 'a kebab-case id: lower-case letters, digits and single hyphens' });

export const StatementKeySchema = z
  .object({
    section: Id.meta({ description: 'the section id' }),
    statement: Id.meta({ description: 'the statement id, unique within its section' }),
  })
  .strict()
  .meta({
    title: 'Statement',
    description: 'a statement, by its section id and its statement id',
  });

const NewKeySchema = z
  .object({
    from: StatementKeySchema.meta({ description: 'the statement in the version before' }),
    to: StatementKeySchema.meta({ description: 'the same statement in this version' }),
  })
  .strict();

export const CHANGES = ['first', 'wording', 'added', 'meaning'] as const;
export type Change = (typeof CHANGES)[number];

export const MeaningsVersionSchema = z
  .object({
    version: z
      .string()
      .regex(new RegExp(SEMVER_PATTERN))
      .meta({ description: 'a shipped version of the questionnaire, such as 2.0.0' }),
    change: z.enum(CHANGES).meta({
      description:
        'what the version changed since the one before it: first (the first version), wording (texts only: every statement keeps its meaning), added (new statements, none removed or re-meant), meaning (a statement removed, re-meant, moved or given a new id)',
    }),
    note: z.string().min(1).optional().meta({
      description:
        'why, in words; required when the version number is lower than the change calls for',
    }),
    added: z.array(StatementKeySchema).optional().meta({
      description: 'statements new in this version',
    }),
    removed: z.array(StatementKeySchema).optional().meta({
      description: 'statements of the version before that this version no longer has',
    }),
    remeant: z.array(StatementKeySchema).optional().meta({
      description:
        'statements that kept their id but not their meaning: answers to them do not carry over',
    }),
    moved: z.array(NewKeySchema).optional().meta({
      description: 'statements that moved to another section, keeping their id and meaning',
    }),
    renamed: z.array(NewKeySchema).optional().meta({
      description:
        'statements that keep the meaning they had in the version before under a new id (how a statement re-meant under its old id gets an id of its own)',
    }),
  })
  .strict()
  .meta({ title: 'Version', description: 'one version and what it changed' });

export const MeaningsSchema = z
  .object({
    $schema: z.string().optional().meta({ description: 'the JSON Schema, for editors' }),
    format: z.literal(MEANINGS_FORMAT).meta({ description: 'the file format and its version' }),
    questionnaire: Id.meta({ description: 'the id of the questionnaire this record is about' }),
    versions: z.array(MeaningsVersionSchema).min(1).meta({
      description: 'every shipped version, oldest first',
    }),
  })
  .strict()
  .meta({
    title: 'trustcheck meanings record',
    description:
      "Which statements kept their meaning across a questionnaire's versions (format trustcheck-meanings/1).",
  });

export type StatementKey = z.infer<typeof StatementKeySchema>;
export type MeaningsVersion = z.infer<typeof MeaningsVersionSchema>;
export type Meanings = z.infer<typeof MeaningsSchema>;

export type ParsedMeanings = { ok: true; value: Meanings } | { ok: false; issues: Issue[] };

/** Checks parsed data (from YAML or JSON) as a meanings record: its shape, then its sense. */
export function parseMeanings(data: unknown): ParsedMeanings {
  const parsed = MeaningsSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(shapeIssue) };
  const issues = checkMeanings(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/** A zod issue in words that say how to fix it. */
function shapeIssue(issue: z.core.$ZodIssue): Issue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = path.length > 0 ? `"${String(path[path.length - 1])}"` : 'the record';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const [key = ''] = issue.keys;
      return {
        path: [...path, key],
        at: 'key',
        message: `unknown field "${key}"; a record has format, questionnaire and versions, and a version has version, change, note, added, removed, remeant, moved and renamed`,
      };
    }
    case 'invalid_value':
      return {
        path,
        message: `${field} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`,
      };
    case 'invalid_format':
      return {
        path,
        message:
          path[path.length - 1] === 'version'
            ? `${field} must be a semantic version, such as 2.0.0`
            : `${field} must be a kebab-case id (lower-case letters, digits and single hyphens)`,
      };
    case 'invalid_type':
      // zod says "received undefined" of a field that is not there
      if (path.length > 0 && / undefined$/.test(issue.message)) {
        return {
          path: path.slice(0, -1),
          message: `missing ${field}; add \`${String(path[path.length - 1])}: …\` here`,
        };
      }
      return {
        path,
        message:
          issue.expected === 'array'
            ? `${field} must be a list of ${LIST_ITEMS[String(path[path.length - 1])] ?? 'items'}`
            : `${field} must be ${article(issue.expected)} ${issue.expected}`,
      };
    case 'too_small':
      return { path, message: `${field} must not be empty` };
    default:
      return { path, message: `${field}: ${issue.message}` };
  }
}

const article = (word: string): string => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** What each list of a record holds, for a message about one that is not a list. */
const LIST_ITEMS: Record<string, string> = {
  versions: 'versions, oldest first',
  added: 'statements, each { section: …, statement: … }',
  removed: 'statements, each { section: …, statement: … }',
  remeant: 'statements, each { section: …, statement: … }',
  moved: 'moves, each { from: { section: …, statement: … }, to: { section: …, statement: … } }',
  renamed: 'new ids, each { from: { section: …, statement: … }, to: { section: …, statement: … } }',
};

export const keyText = (key: StatementKey): string => `${key.section}.${key.statement}`;

const keyId = (key: StatementKey): string => `${key.section}\u0000${key.statement}`;

/** The lists of a version that name a statement of the version before, with where each item is. */
function oldSide(entry: MeaningsVersion, i: number): [StatementKey, Path][] {
  return [
    ...(entry.removed ?? []).map((k, j): [StatementKey, Path] => [
      k,
      ['versions', i, 'removed', j],
    ]),
    ...(entry.moved ?? []).map((m, j): [StatementKey, Path] => [
      m.from,
      ['versions', i, 'moved', j, 'from'],
    ]),
    ...(entry.renamed ?? []).map((m, j): [StatementKey, Path] => [
      m.from,
      ['versions', i, 'renamed', j, 'from'],
    ]),
  ];
}

/** The lists of a version that name a statement new in it, with where each item is. */
function newSide(entry: MeaningsVersion, i: number): [StatementKey, Path][] {
  return [
    ...(entry.added ?? []).map((k, j): [StatementKey, Path] => [k, ['versions', i, 'added', j]]),
    ...(entry.moved ?? []).map((m, j): [StatementKey, Path] => [
      m.to,
      ['versions', i, 'moved', j, 'to'],
    ]),
    ...(entry.renamed ?? []).map((m, j): [StatementKey, Path] => [
      m.to,
      ['versions', i, 'renamed', j, 'to'],
    ]),
  ];
}

/** The version number a change calls for after `previous`: the smallest that is allowed. */
export function smallestAllowed(previous: string, change: Change): string {
  const [major = 0, minor = 0, patch = 0] = previous.split(/[-+]/)[0]!.split('.').map(Number);
  // below 1.0.0 semantic versioning lets anything change in a minor version
  if (change === 'meaning') return major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
  if (change === 'added') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * The versions whose number is lower than their change calls for under the version rule
 * (wording = patch, new statement = minor, removed or re-meant = major), with the number they
 * should have had. A shipped version keeps its number; the record says why in its `note`.
 */
export function versionRuleBreaks(
  record: Meanings,
): { version: string; change: Change; shouldHaveBeen: string }[] {
  const out: { version: string; change: Change; shouldHaveBeen: string }[] = [];
  record.versions.forEach((entry, i) => {
    const previous = record.versions[i - 1];
    // any new version may change wording; one out of order is reported as that
    if (previous === undefined || entry.change === 'first' || entry.change === 'wording') return;
    if (compareVersions(entry.version, previous.version) <= 0) return;
    const least = smallestAllowed(previous.version, entry.change);
    if (compareVersions(entry.version, least) < 0) {
      out.push({ version: entry.version, change: entry.change, shouldHaveBeen: least });
    }
  });
  return out;
}

/**
 * What a record's schema cannot say: versions in order, each change named as its lists show it,
 * a statement named once per version, an id never used again once removed or replaced, and a
 * note wherever a version number breaks the version rule.
 */
export function checkMeanings(record: Meanings): Issue[] {
  const issues: Issue[] = [];
  // key -> the version that removed, renamed or moved it away
  const retired = new Map<string, { version: string; moved: boolean }>();
  record.versions.forEach((entry, i) => {
    const at = (...rest: (string | number)[]): Path => ['versions', i, ...rest];
    const previous = record.versions[i - 1];
    if (previous !== undefined && compareVersions(previous.version, entry.version) >= 0) {
      issues.push({
        path: at('version'),
        message: `version ${entry.version} comes after ${previous.version}; list the versions oldest first, each once`,
      });
    }
    const lists = {
      added: entry.added?.length ?? 0,
      removed: entry.removed?.length ?? 0,
      remeant: entry.remeant?.length ?? 0,
      moved: entry.moved?.length ?? 0,
      renamed: entry.renamed?.length ?? 0,
    };
    const listed = Object.entries(lists)
      .filter(([, n]) => n > 0)
      .map(([name]) => name);
    const meaningLists = listed.filter((name) => name !== 'added');
    if (i === 0 && entry.change !== 'first') {
      issues.push({
        path: at('change'),
        message: `the oldest version, ${entry.version}, has nothing before it: its change is "first"`,
      });
    } else if (i > 0 && entry.change === 'first') {
      issues.push({
        path: at('change'),
        message: `only the oldest version is "first"; say what ${entry.version} changed since ${previous?.version}: wording, added or meaning`,
      });
    } else if ((entry.change === 'first' || entry.change === 'wording') && listed.length > 0) {
      issues.push({
        path: at('change'),
        message: `a "${entry.change}" version lists no statements, but ${entry.version} lists ${listed.join(', ')}; ${entry.change === 'first' ? 'remove them' : 'its change is "added" or "meaning"'}`,
      });
    } else if (entry.change === 'added' && (lists.added === 0 || meaningLists.length > 0)) {
      issues.push({
        path: at('change'),
        message:
          meaningLists.length > 0
            ? `${entry.version} lists ${meaningLists.join(', ')}: its change is "meaning", not "added"`
            : `an "added" version lists the statements it added under "added"`,
      });
    } else if (entry.change === 'meaning' && meaningLists.length === 0) {
      issues.push({
        path: at('change'),
        message: `a "meaning" version lists what it removed, re-meant, moved or renamed; ${entry.version} lists none of these (is its change "added" or "wording"?)`,
      });
    }

    for (const [kind, moves] of [
      ['moved', entry.moved ?? []],
      ['renamed', entry.renamed ?? []],
    ] as const) {
      moves.forEach((move, j) => {
        if (kind === 'moved' && move.from.statement !== move.to.statement) {
          issues.push({
            path: at('moved', j, 'to', 'statement'),
            message: `a moved statement keeps its id: ${keyText(move.from)} moves to ${move.to.section}.${move.from.statement}; a new id goes under "renamed"`,
          });
        } else if (kind === 'moved' && move.from.section === move.to.section) {
          issues.push({
            path: at('moved', j, 'to', 'section'),
            message: `${keyText(move.from)} stays in section ${move.from.section}: a move goes to another section`,
          });
        } else if (kind === 'renamed' && move.from.statement === move.to.statement) {
          issues.push({
            path: at('renamed', j, 'to', 'statement'),
            message: `${keyText(move.from)} keeps its id: a renamed statement gets a new one (a statement that only changes section goes under "moved")`,
          });
        }
      });
    }

    // each statement once per side: what the version before had, and what this version has
    const seen = new Map<string, Path>();
    const once = (key: StatementKey, path: Path, side: string): void => {
      const id = `${side}\u0000${keyId(key)}`;
      if (seen.has(id)) {
        issues.push({
          path,
          message: `${keyText(key)} is named twice in ${entry.version}; a statement is removed, re-meant, moved or renamed once`,
        });
      }
      seen.set(id, path);
    };
    const olds = oldSide(entry, i);
    const news = newSide(entry, i);
    const remeant = (entry.remeant ?? []).map((k, j): [StatementKey, Path] => [
      k,
      at('remeant', j),
    ]);
    for (const [key, path] of [...olds, ...remeant]) once(key, path, 'old');
    for (const [key, path] of [...news, ...remeant]) once(key, path, 'new');
    const leaving = new Set(olds.map(([k]) => keyId(k)));
    for (const [key, path] of news) {
      if (leaving.has(keyId(key))) {
        issues.push({
          path,
          message: `${keyText(key)} leaves and arrives in ${entry.version}: a statement whose meaning changed keeps its place under "remeant", or gets a new id`,
        });
      }
    }

    // an id once removed or renamed is never used again: it would take the old one's answers.
    // A statement that moved away may come back only by moving back.
    const movedHere = new Set((entry.moved ?? []).map((m) => keyId(m.to)));
    for (const [key, path] of [...news, ...remeant]) {
      const gone = retired.get(keyId(key));
      if (gone !== undefined && !(gone.moved && movedHere.has(keyId(key)))) {
        issues.push({
          path,
          message: `${keyText(key)} ${gone.moved ? 'moved away' : 'was removed or renamed'} in ${gone.version}; an id once retired is never used again, so give this statement a new id`,
        });
      }
    }
    for (const [key] of news) retired.delete(keyId(key));
    for (const key of entry.removed ?? [])
      retired.set(keyId(key), { version: entry.version, moved: false });
    for (const move of entry.renamed ?? [])
      retired.set(keyId(move.from), { version: entry.version, moved: false });
    for (const move of entry.moved ?? [])
      retired.set(keyId(move.from), { version: entry.version, moved: true });
  });

  for (const broken of versionRuleBreaks(record)) {
    const i = record.versions.findIndex((v) => v.version === broken.version);
    if (record.versions[i]?.note === undefined) {
      issues.push({
        path: ['versions', i, 'change'],
        message: `${broken.version} ${broken.change === 'meaning' ? 'removes or re-means statements' : 'adds statements'}, which by the version rule calls for ${broken.shouldHaveBeen} at least (${majorOf(broken.version) === majorOf(broken.shouldHaveBeen) ? 'a new minor version' : 'a new major version'}); a shipped version keeps its number, so say why in a "note"`,
      });
    }
  }
  return issues;
}
