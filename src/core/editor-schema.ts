// The answers schema for editors (yaml-language-server and other JSON Schema tools): the
// generic answers schema of the model, with the questionnaires it knows spelled out, so that
// an editor completes section and statement ids with their text and flags a misspelled id, a
// `na` where it is not allowed, and a `na` without a note. Pure: it takes the generic schema
// (generated from the model) and the questionnaires, and returns a new schema.
import type { LocalizedText, Questionnaire, Statement } from './model.js';
import { compareVersions } from './semver.js';

export type JsonSchema = Record<string, unknown>;

/**
 * The `$id` of a schema trustcheck publishes: a URN that names the schema and the trustcheck
 * version it belongs to. It is a name, not an address: editors find the file through the
 * `$schema` line of the document (a relative path), never through the `$id`.
 */
export function schemaUrn(name: string, version: string): string {
  return `urn:trustcheck:schema:${name}:${version}`;
}

/** The English text (else the default language's) of a localized text. */
function english(text: LocalizedText | undefined, languages: readonly string[]): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text.en ?? text[languages[0] ?? ''] ?? Object.values(text)[0] ?? '';
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

const ANSWER = {
  enum: ['yes', 'no', true, false, null],
  description: 'yes or no (true and false mean yes and no); ~ is unanswered',
};

const DATE = {
  type: 'string',
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
};

/** Who will make the statement true, and by when (an action plan item). */
const ACTION = {
  type: 'object',
  description: 'who will make this statement true, and by when',
  properties: {
    what: {
      type: 'string',
      minLength: 1,
      description: "what will be done (optional; default: the statement's remedy)",
    },
    owner: { type: 'string', minLength: 1, description: 'who will make the statement true' },
    due: { ...DATE, description: 'by when, YYYY-MM-DD' },
  },
  required: ['owner', 'due'],
  additionalProperties: false,
};

interface Known {
  statement: Statement;
  languages: readonly string[];
  /** the versions that have it, newest first */
  versions: string[];
}

function statementSchema(known: Known, newest: string): JsonSchema {
  const { statement, languages, versions } = known;
  const text = oneLine(english(statement.text, languages));
  const help = oneLine(english(statement.help, languages));
  const na = statement.allowNotApplicable === true;
  const older = versions.includes(newest) ? '' : ` (version ${versions.join(', ')} only)`;
  const description = `${text}${older}`;
  const rules = na ? 'yes, no, or na with a note' : 'yes or no';
  const markdown = [description, help === '' ? undefined : `*${help}*`, `Answer: ${rules}.`]
    .filter((x) => x !== undefined)
    .join('\n\n');
  const details = {
    note: { type: 'string', description: na ? 'why; required with na' : 'why (optional)' },
    evidence: {
      type: 'string',
      description: 'where the proof is: a document, a link, a ticket (optional)',
    },
    action: ACTION,
  };
  const withDetails: JsonSchema = {
    type: 'object',
    properties: { answer: ANSWER, ...details },
    required: ['answer'],
    additionalProperties: false,
  };
  const anyOf: JsonSchema[] = [ANSWER, withDetails];
  if (na) {
    anyOf.push({
      type: 'object',
      properties: {
        answer: { const: 'na', description: 'not applicable: needs a note' },
        ...details,
        note: { type: 'string', pattern: '\\S', description: 'why it does not apply (required)' },
        until: {
          type: 'string',
          pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
          description: 'the date after which the exemption no longer counts (YYYY-MM-DD)',
        },
      },
      required: ['answer', 'note'],
      additionalProperties: false,
    });
  }
  return { description, markdownDescription: markdown, anyOf };
}

/** One questionnaire id's schema: the newest version's ids, and those of older versions. */
function questionnaireSchema(versions: readonly Questionnaire[]): JsonSchema {
  const newest = versions[0]!;
  const sections = new Map<
    string,
    { title: string; languages: readonly string[]; statements: Map<string, Known> }
  >();
  for (const q of versions) {
    for (const section of q.sections) {
      let known = sections.get(section.id);
      if (known === undefined) {
        known = {
          title: oneLine(english(section.title, q.languages)),
          languages: q.languages,
          statements: new Map(),
        };
        sections.set(section.id, known);
      }
      for (const statement of section.statements) {
        const seen = known.statements.get(statement.id);
        if (seen === undefined) {
          known.statements.set(statement.id, {
            statement,
            languages: q.languages,
            versions: [q.version],
          });
        } else {
          seen.versions.push(q.version);
        }
      }
    }
  }
  const title = oneLine(english(newest.title, newest.languages));
  const shipped = versions.map((q) => q.version);
  const sectionProperties = Object.fromEntries(
    [...sections].map(([id, section]) => [
      id,
      {
        type: ['object', 'null'],
        description: section.title,
        markdownDescription: `**${section.title}**\n\nAnswer "no" unless ALL of its statements are true.`,
        properties: Object.fromEntries(
          [...section.statements].map(([sid, known]) => [
            sid,
            statementSchema(known, newest.version),
          ]),
        ),
        additionalProperties: false,
      },
    ]),
  );
  return {
    type: 'object',
    title,
    description: `${title} (versions ${shipped.join(', ')})`,
    properties: {
      version: {
        type: 'string',
        description: `the questionnaire version these answers were given against (${shipped.join(', ')})`,
        examples: shipped,
        pattern:
          '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$',
      },
      answers: {
        type: ['object', 'null'],
        description: 'section id -> statement id -> answer',
        properties: sectionProperties,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

export interface EditorSchemaOptions {
  /** the `$id` of the result */
  id: string;
  /** default: trustcheck answers */
  title?: string;
}

/**
 * The answers schema that knows `questionnaires` (any versions of any ids, built-in or
 * custom): only their ids are accepted under `questionnaires`. `generic` is the model's
 * answers schema, which accepts any id.
 */
export function editorAnswersSchema(
  generic: JsonSchema,
  questionnaires: readonly Questionnaire[],
  options: EditorSchemaOptions,
): JsonSchema {
  const byId = new Map<string, Questionnaire[]>();
  for (const q of questionnaires) {
    const list = byId.get(q.id) ?? [];
    if (!list.some((x) => x.version === q.version)) list.push(q);
    byId.set(q.id, list);
  }
  const ids = [...byId.keys()].sort();
  const properties = structuredClone(generic.properties) as Record<string, JsonSchema>;
  properties.questionnaires = {
    type: 'object',
    description: `questionnaire id -> its version and answers; the questionnaires: ${ids.join(', ')}`,
    properties: Object.fromEntries(
      ids.map((id) => [
        id,
        questionnaireSchema(
          [...(byId.get(id) ?? [])].sort((a, b) => compareVersions(b.version, a.version)),
        ),
      ]),
    ),
    additionalProperties: false,
  };
  const { $schema, $id: _generic, ...rest } = generic;
  return {
    $schema,
    $id: options.id,
    ...rest,
    title: options.title ?? 'trustcheck answers',
    properties,
  };
}
