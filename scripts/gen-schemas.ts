// Generates the published JSON Schemas (schemas/*.schema.json) from the zod model, and the
// run-time validators (src/generated/validators.cjs) from those schemas with ajv's standalone
// code generation, so validation at run time needs neither zod nor schema compilation.
//
// Two answers schemas are published: answers.schema.json, for editors, knows the built-in
// questionnaires (their ids, with the statements' text) and accepts no other questionnaire id;
// answers-generic.schema.json is the model's, accepts any questionnaire id, and is what the CLI
// validates with (its semantic checks then name the nearest valid id).
import { z } from 'zod';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import {
  publishedSchemas,
  ReportForSummarySchema,
  type Questionnaire,
  type SchemaName,
} from '../src/core/model.js';
import { editorAnswersSchema, schemaUrn, type JsonSchema } from '../src/core/editor-schema.js';
import { MeaningsSchema } from '../src/core/meanings-record.js';
import { configSchema } from '../src/core/config.js';
import { describeConfig } from '../src/cli/config-options.js';
import { declaredProgram } from '../src/cli/main.js';
import { SummarySchema } from '../src/core/summary-model.js';

/** The file names of schemas/ (without .schema.json). */
export type PublishedName = SchemaName | 'answers-generic' | 'meanings' | 'config' | 'summary';

/** The schemas of the model, as the run-time validators use them (answers: the generic one). */
export function modelSchemas(version: string): Record<SchemaName, JsonSchema> {
  const out = {} as Record<SchemaName, JsonSchema>;
  for (const [name, schema] of Object.entries(publishedSchemas) as [SchemaName, z.ZodType][]) {
    out[name] = jsonSchema(schema, name === 'answers' ? 'answers-generic' : name, version);
  }
  return out;
}

/** A zod schema as a JSON Schema with trustcheck's `$id` (right after `$schema`). */
function jsonSchema(schema: z.ZodType, name: string, version: string): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  const { $schema, ...rest } = json;
  return { $schema, $id: schemaUrn(name, version), ...rest };
}

/**
 * The config file's schema: from the commands' declarations (every long option of every command
 * that has options), not from the model.
 */
export function configJsonSchema(version: string): JsonSchema {
  return configSchema(describeConfig(declaredProgram()), {
    id: schemaUrn('config', version),
    title: 'trustcheck config',
  });
}

/**
 * The schemas the run-time validators are made from: the model's, summary's part of a report,
 * the config's, and the meanings record (read at run time only when a built-in's record changed
 * since the build).
 */
export function validatorSchemas(version: string): Record<string, JsonSchema> {
  return {
    ...modelSchemas(version),
    reportForSummary: jsonSchema(ReportForSummarySchema, 'report-for-summary', version),
    meanings: jsonSchema(MeaningsSchema, 'meanings', version),
    config: configJsonSchema(version),
  };
}

/**
 * Every file of schemas/: the model's schemas, the answers schema for editors, the meanings
 * record's, the config's and the summary's (which trustcheck writes and never reads: no
 * validator is made).
 */
export function jsonSchemas(
  version: string,
  builtins: readonly Questionnaire[],
): Record<PublishedName, JsonSchema> {
  const model = modelSchemas(version);
  return {
    questionnaire: model.questionnaire,
    answers: editorAnswersSchema(model.answers, builtins, {
      id: schemaUrn('answers', version),
    }),
    'answers-generic': {
      ...model.answers,
      title: 'trustcheck answers (any questionnaire)',
    },
    report: model.report,
    summary: jsonSchema(SummarySchema, 'summary', version),
    // the record beside the built-ins of which statements kept their meaning (for editors; the
    // build checks the records with the core's parser)
    meanings: jsonSchema(MeaningsSchema, 'meanings', version),
    config: configJsonSchema(version),
  };
}

/**
 * The schemas whose validator is a file of its own (validators-NAME.cjs), required only when such
 * a file is read: a config file, which most runs do not have, so that its code is not part of
 * every start.
 */
export const VALIDATED_APART = ['config'];

export function validatorsSource(schemas: Record<string, JsonSchema>): {
  quick: string;
  full: string;
  /** validators-NAME.cjs by NAME: the one validator (finding every error) of a schema apart */
  apart: Record<string, string>;
} {
  // two validators per schema: a quick one that stops at the first error, for the usual case of a
  // valid file (about three times faster on a report), and one that finds every error, with the
  // data each is about, run only when the quick one says no
  const compiler = (allErrors: boolean) => {
    const ajv = new Ajv2020({
      code: { source: true, esm: false, lines: false },
      allErrors,
      verbose: allErrors,
      strict: true,
    });
    if (!allErrors) {
      // Ajv2020 always tracks which properties each alternative of an anyOf evaluated (for
      // unevaluatedProperties), so it tries every alternative and builds an error object for
      // each one that fails, even after one passed: two per answer of a valid file. None of our
      // schemas uses unevaluated*, and the quick check only says yes or no, so its anyOf may
      // stop at the first alternative that passes.
      if (
        Object.values(schemas).some((schema) => JSON.stringify(schema).includes('"unevaluated'))
      ) {
        throw new Error(
          'a schema uses unevaluatedProperties/Items: the quick check must track them',
        );
      }
      ajv.opts.unevaluated = false;
    }
    for (const schema of Object.values(schemas)) ajv.addSchema(schema);
    return ajv;
  };
  const full = compiler(true);
  const quick = compiler(false);
  // each built on its first call: a command loads only the code and the schema literals of the
  // one it uses
  const build = (ajv: Ajv2020, fn: string, name: string, id: string) =>
    `function ${fn}() {
  const exports = {};
${standaloneCode.default(ajv, { [name]: id })}
  return exports.${name};
}`;
  const header = [
    '/* generated by scripts/gen-schemas.ts from src/core/model.ts: do not edit */',
    '"use strict";',
  ];
  // the quick validators, and the full ones in a file of their own, required only when a file
  // fails the quick check: most runs never read or compile their code (it is most of the size)
  const common = Object.entries(schemas).filter(([name]) => !VALIDATED_APART.includes(name));
  const quickParts = common.map(([name, schema]) => {
    const id = schema.$id as string;
    return `${build(quick, `quick_${name}`, name, id)}
let checked_${name};
let real_${name};
exports.${name} = function ${name}(data) {
  checked_${name} ??= quick_${name}();
  if (checked_${name}(data)) {
    exports.${name}.errors = null;
    return true;
  }
  real_${name} ??= require('./validators-full.cjs').${name}();
  const valid = real_${name}(data);
  exports.${name}.errors = real_${name}.errors;
  return valid;
};
`;
  });
  const fullParts = common.map(([name, schema]) => {
    const id = schema.$id as string;
    return `${build(full, `build_${name}`, name, id)}
exports.${name} = build_${name};
`;
  });
  const apartNames = Object.keys(schemas).filter((name) => VALIDATED_APART.includes(name));
  // in the quick file, each one apart is a call of its own file's validator
  const stubs = apartNames.map(
    (name) => `let real_${name};
exports.${name} = function ${name}(data) {
  real_${name} ??= require('./validators-${name}.cjs').${name}();
  const valid = real_${name}(data);
  exports.${name}.errors = real_${name}.errors;
  return valid;
};
`,
  );
  const apart = Object.fromEntries(
    apartNames.map((name) => [
      name,
      [
        ...header,
        `${build(full, `build_${name}`, name, schemas[name]!.$id as string)}
exports.${name} = build_${name};
`,
      ].join('\n'),
    ]),
  );
  return {
    quick: [...header, ...quickParts, ...stubs].join('\n'),
    full: [...header, ...fullParts].join('\n'),
    apart,
  };
}

/** The text of a published schema file. */
export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
