// The shipped questionnaires: valid, with the contract's ids, and (trustability) in the exact
// wording of the source article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtinVersions, resolveRef } from '../../src/app/registry.js';
import { unwrap } from '../../src/errors.js';
import { localize } from '../../src/core/questionnaire.js';
import { shared } from '../support/skip.js';

const root = join(import.meta.dirname, '..', '..');
const seed = shared('seeds/002_8d68d21933806b54.txt', 'the trustability article');

describe('built-in questionnaires', () => {
  it('are both shipped, newest version first', () => {
    expect([...builtinVersions().entries()]).toEqual([
      ['transparantie-apk', ['2.0.0', '1.1.0', '1.0.0']],
      ['trustability', ['1.1.1', '1.1.0', '1.0.0']],
    ]);
  });

  it('validate against the published JSON Schema with ajv', () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'schemas', 'questionnaire.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const [id, versions] of builtinVersions()) {
      for (const version of versions) {
        const doc = parse(
          readFileSync(join(root, 'questionnaires', id, `${version}.yaml`), 'utf8'),
        ) as unknown;
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      }
    }
  });

  it('pass the loader, including the semantic checks, and every statement has a remedy in both languages', () => {
    for (const [id, versions] of builtinVersions()) {
      for (const version of versions) {
        const q = unwrap(resolveRef(`${id}@${version}`)).value;
        expect([q.id, q.version]).toEqual([id, version]);
        for (const section of q.sections) {
          expect(section.statements.length).toBeGreaterThanOrEqual(2);
          for (const statement of section.statements) {
            expect(statement.remedy, `${id}.${section.id}.${statement.id}`).toMatchObject({
              en: expect.any(String),
              nl: expect.any(String),
            });
          }
        }
      }
    }
  });

  it.each(['1.0.0', '1.1.0', '1.1.1'])('trustability %s has the contract ids', (version) => {
    const q = unwrap(resolveRef(`trustability@${version}`)).value;
    expect(
      Object.fromEntries(q.sections.map((s) => [s.id, s.statements.map((st) => st.id)])),
    ).toEqual({
      'economic-interests': [
        'warranty-expiry',
        'renewal-warning',
        'upgrade-eligibility',
        'unclaimed-entitlements',
        'overbuying-advice',
        'competitor-referral',
      ],
      'customer-reviews': [
        'reviews-on-site',
        'no-review-incentives',
        'no-sockpuppets',
        'no-paid-reviews',
      ],
      'aligned-incentives': [
        'balanced-incentives',
        'sentiment-metrics',
        'employees-report-untrustable',
      ],
      'product-competence': ['quality-parity', 'proactive-make-goods'],
      'service-competence': [
        'differentiated-treatment',
        'needs-based-analytics',
        'analytics-examples',
      ],
    });
  });

  it.each(['1.0.0', '1.1.0', '2.0.0'])(
    'transparantie-apk %s has the contract section ids, Dutch first',
    (version) => {
      const q = unwrap(resolveRef(`transparantie-apk@${version}`)).value;
      expect(q.languages).toEqual(['nl', 'en']);
      expect(q.sections.map((s) => s.id)).toEqual([
        'proactive-warnings',
        'no-profit-from-inattention',
        'admit-mistakes',
        'promise-and-deliver',
        'reputation-and-social-proof',
      ]);
      for (const s of q.sections) {
        expect(s.statements.length).toBeGreaterThanOrEqual(2);
        expect(s.statements.length).toBeLessThanOrEqual(5);
        for (const st of s.statements) expect(localize(st.help, 'nl')).toMatch(/„.+”/);
      }
    },
  );

  it.for(['1.0.0', '1.1.0', '1.1.1'])(
    'trustability %s quotes the article word for word',
    (version, ctx) => {
      if (seed.missing) ctx.skip(seed.missing);
      const article = readFileSync(seed.path, 'utf8');
      const q = unwrap(resolveRef(`trustability@${version}`)).value;
      const questions = [...article.matchAll(/^(\d)\. (.+\?) (?:Answer|All|Both)/gm)].map(
        (m) => m[2],
      );
      expect(q.sections.map((s) => localize(s.title, 'en'))).toEqual(questions);
      // the statements follow each question as one run-together paragraph
      const paragraphs = [...article.matchAll(/(?:true|true:)\s*\n\n(.+)\n/g)].map((m) => m[1]!);
      const sentences = paragraphs.map((p) => p.split(/(?<=\.)(?=[A-Z])/));
      expect(q.sections.map((s) => s.statements.map((st) => localize(st.text, 'en')))).toEqual(
        sentences,
      );
      expect(sentences.flat()).toHaveLength(18);
    },
  );

  it('a bare id is the newest version: transparantie-apk 2.0.0, trustability 1.1.1', () => {
    expect(unwrap(resolveRef('transparantie-apk')).value.version).toBe('2.0.0');
    expect(unwrap(resolveRef('trustability')).value.version).toBe('1.1.1');
  });
});
