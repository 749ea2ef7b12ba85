// Which `$schema` reference a new file gets: one that holds wherever its project is checked out
// (the project's own node_modules/trustcheck, or the clone's schemas/ for a file inside the
// clone), never a path into this machine's global install or npx cache.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaRefFor } from '../../src/app/schema-ref.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'trustcheck-schema-ref-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('schemaRefFor', () => {
  it('inside the clone that runs: its own schemas/', () => {
    expect(schemaRefFor(join(root, 'examples', 'new.yaml'))).toBe('../schemas/answers.schema.json');
    expect(schemaRefFor(join(root, 'new.yaml'), 'questionnaire')).toBe(
      './schemas/questionnaire.schema.json',
    );
  });

  it('in a project: its node_modules/trustcheck, in the folder or one above', () => {
    const project = join(dir, 'project');
    const schemas = join(project, 'node_modules', 'trustcheck', 'schemas');
    mkdirSync(schemas, { recursive: true });
    writeFileSync(join(schemas, 'answers.schema.json'), '{}\n');
    mkdirSync(join(project, 'audits', '2026'), { recursive: true });
    expect(schemaRefFor(join(project, 'a.yaml'))).toBe(
      './node_modules/trustcheck/schemas/answers.schema.json',
    );
    expect(schemaRefFor(join(project, 'audits', '2026', 'a.yaml'))).toBe(
      '../../node_modules/trustcheck/schemas/answers.schema.json',
    );
    // only a schema that is there: this install has no questionnaire schema
    expect(schemaRefFor(join(project, 'q.yaml'), 'questionnaire')).toBeUndefined();
  });

  it('elsewhere, and for stdout: none', () => {
    mkdirSync(join(dir, 'loose'));
    expect(schemaRefFor(join(dir, 'loose', 'a.yaml'))).toBeUndefined();
    expect(schemaRefFor(undefined)).toBeUndefined();
  });
});
