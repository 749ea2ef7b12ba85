// `trustcheck schema questionnaire|answers|report`: prints the published JSON Schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import type { SchemaName } from '../../core/model.js';
import { ExitCode } from '../../errors.js';
import { packageRoot } from '../../app/registry.js';

export function schemaCommand(ctx: Context, name: SchemaName): number {
  ctx.stdout.write(readFileSync(join(packageRoot(), 'schemas', `${name}.schema.json`), 'utf8'));
  return ExitCode.ok;
}
