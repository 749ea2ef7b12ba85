// Report names from --name templates (core/report-name.ts): safe file names, counted in UTF-8
// bytes, shortened between user-perceived characters with a fingerprint of the whole name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NAME_MAX_BYTES,
  collisionKey,
  reportName,
  safeFileName,
  shortenName,
  utf8Length,
  validateNameTemplate,
} from '../../src/core/report-name.js';

const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

describe('utf8Length', () => {
  it('counts what Node writes', () => {
    // any UTF-16 units: surrogate pairs, and lone surrogates too
    const units = fc
      .array(
        fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })),
      )
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(fc.oneof(units, fc.string({ unit: 'grapheme' })), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
    );
    // a lone surrogate is written as U+FFFD: three bytes
    expect(utf8Length('\ud83d')).toBe(Buffer.byteLength('\ud83d', 'utf8'));
  });
});

describe('safeFileName', () => {
  it('keeps letters with their marks, digits and emoji; the rest becomes -', () => {
    expect(safeFileName('Acme B.V.')).toBe('Acme B.V');
    expect(safeFileName('हिन्दी')).toBe('हिन्दी');
    expect(safeFileName('🍞 Bakkerij 👨‍👩‍👧')).toBe('🍞 Bakkerij 👨‍👩‍👧');
    expect(safeFileName('🇳🇱 NL')).toBe('🇳🇱 NL');
    expect(safeFileName('a/b:c\u202ed')).toBe('a-b-c-d');
    expect(safeFileName('x\u200dy')).toBe('x-y');
    expect(safeFileName('../..')).toBe('unnamed');
  });
});

describe('shortenName', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 200 });
  it('fits, starts with the name cut between characters, and ends with a fingerprint', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 16, max: 255 }), (name, max) => {
        const short = shortenName(name, max);
        expect(utf8Length(short)).toBeLessThanOrEqual(max);
        if (utf8Length(name) <= max) {
          expect(short).toBe(name);
          return;
        }
        const match = /^(.*?)-?([0-9a-f]{8})$/su.exec(short);
        expect(match).not.toBeNull();
        const prefix = match![1]!;
        expect(name.startsWith(prefix)).toBe(true);
        // between user-perceived characters, unless the first one alone is too long
        const whole = graphemes(name);
        let at = 0;
        const boundaries = new Set([0, ...whole.map((g) => (at += g.length))]);
        if (prefix.length > 0 && utf8Length(whole[0]!) <= max - 9) {
          expect(boundaries.has(prefix.length)).toBe(true);
        }
      }),
    );
  });

  it('gives names that differ only in case one fingerprint, and others another', () => {
    const long = '信'.repeat(100);
    const a = shortenName(`ACME ${long}`, 100);
    const b = shortenName(`acme ${long}`, 100);
    const c = shortenName(`acme ${long}x`, 100);
    expect(collisionKey(a)).toBe(collisionKey(b));
    expect(collisionKey(a)).not.toBe(collisionKey(c));
  });

  it('is linear: a 200 KB name is cut at once', () => {
    const name = 'Acme '.repeat(40_000);
    expect(utf8Length(shortenName(name, 250))).toBeLessThanOrEqual(250);
  });
});

describe('reportName', () => {
  const values = { file: 'clients/a.yaml', subject: '信'.repeat(100), date: '2026-11-23' };

  it('keeps each folder and file name within 255 bytes, the extension’s room included', () => {
    const { name, full } = reportName('{subject}/{date}-{subject}', values, 5);
    const [folder, file] = name.split('/') as [string, string];
    expect(utf8Length(folder)).toBeLessThanOrEqual(NAME_MAX_BYTES);
    expect(utf8Length(file)).toBeLessThanOrEqual(NAME_MAX_BYTES - 5);
    expect(file.startsWith('2026-11-23-信')).toBe(true);
    expect(full).toBe(`${values.subject}/2026-11-23-${values.subject}`);
  });

  it('shares the room between two long fields, a short one keeping its whole name', () => {
    const { name } = reportName('{file}-{subject}', { ...values, file: 'acme.yaml' }, 5);
    expect(name.startsWith('acme-信')).toBe(true);
    expect(utf8Length(name)).toBeLessThanOrEqual(250);
  });

  it('leaves a name that fits as it is', () => {
    expect(reportName('{subject}/{date}', { ...values, subject: 'Acme B.V.' }, 5)).toEqual({
      name: 'Acme B.V/2026-11-23',
      full: 'Acme B.V/2026-11-23',
    });
  });

  it('refuses a template whose text leaves a field too little room', () => {
    expect(validateNameTemplate(`${'x'.repeat(230)}{subject}`, 5)).toBeUndefined();
    expect(validateNameTemplate(`${'x'.repeat(240)}{subject}`, 5)).toMatch(/longer than/);
    expect(validateNameTemplate(`${'x'.repeat(250)}/{date}`, 5)).toBeUndefined();
    expect(validateNameTemplate(`${'x'.repeat(256)}/{date}`, 5)).toMatch(/longer than/);
  });
});
