// The JSON fast path takes only what the positioned parser would accept as it is; anything
// doubtful goes back to it (which then says what is wrong, and where).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonBytes, parseJsonFast, textOf } from '../../src/io/json-fast.js';

describe('parseJsonFast', () => {
  it('reads well-formed JSON, braces and escaped quotes inside strings included', () => {
    const text = JSON.stringify({ a: 'x { [ "q" \\ }', b: [{ c: 1 }, { c: 2 }], d: '\u00e9' });
    expect(parseJsonFast(text)).toEqual({ value: JSON.parse(text) });
    expect(parseJsonFast(`\ufeff${text}`)).toEqual({ value: JSON.parse(text) });
  });

  it.each([
    ['a duplicate key', '{"a": 1, "a": 2}'],
    ['a nested duplicate key', '{"x": {"a": 1, "b": {}, "a": 2}}'],
    ['a duplicate key with whitespace before its colon', '{"a" \t\r\n : 1, "a"  :2}'],
    ['a duplicate key hidden by a string holding a key end', '{"a": 1, "a": 2, "s": "\\" :"}'],
    ['__proto__', '{"__proto__": {"polluted": true}}'],
    ['a duplicate key spelled with an escape', '{"a": 1, "\\u0061": 2}'],
    ['__proto__ spelled with an escape', '{"\\u005f_proto__": {}}'],
    ['nesting over 100 levels', `${'['.repeat(101)}${']'.repeat(101)}`],
    ['invalid JSON', '{"a": }'],
    ['an unclosed string', '{"a": "b'],
  ])('leaves %s to the positioned parser', (_, text) => {
    expect(parseJsonFast(text)).toBeUndefined();
  });

  it('reads keys with JSON whitespace before their colon', () => {
    expect(parseJsonFast('{"a" \t\r\n : 1, "b"  :[ {"c"\n:2} ]}')).toEqual({
      value: { a: 1, b: [{ c: 2 }] },
    });
  });

  it('the same key in sibling objects is fine', () => {
    expect(parseJsonFast('[{"a": 1}, {"a": 2}]')).toEqual({ value: [{ a: 1 }, { a: 2 }] });
  });

  it('agrees with JSON.parse whenever it answers, on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : 0);
        const fast = parseJsonFast(text);
        if (fast !== undefined) expect(fast.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('answers for every report-like value: plain keys and texts (property)', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9 .-]{0,12}$/);
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        word,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(word, tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        const text = JSON.stringify(v, null, 2);
        expect(parseJsonFast(text)).toEqual({ value: JSON.parse(text) });
      }),
      { numRuns: 1000 },
    );
  });
});

/** A value with every string (and key) of a parseJsonBytes value turned back into text. */
function asText(value: unknown): unknown {
  if (typeof value === 'string') return textOf(value);
  if (Array.isArray(value)) return value.map(asText);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [textOf(k), asText(v)]));
}

describe('parseJsonBytes', () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

  it('reads UTF-8 JSON whose strings become their text again with textOf', () => {
    const value = { subject: 'Café ’t Hoekje 🍰', ids: ['a', 'ë'], kéy: 'x' };
    const fast = parseJsonBytes(bytes(JSON.stringify(value)));
    expect(fast).toBeDefined();
    expect(asText(fast!.value)).toEqual(value);
    // ASCII strings are the same string
    expect(textOf('plain')).toBe('plain');
  });

  it.each([
    ['a \\u escape (it would mix a decoded character into bytes)', '{"a": "caf\\u00e9"}'],
    ['a BOM', '\ufeff{"a": 1}'],
    ['a NUL', '{"a": "\u0000"}'],
    ['a duplicate key', '{"é": 1, "é": 2}'],
  ])('leaves %s to the usual path', (_, text) => {
    expect(parseJsonBytes(bytes(text))).toBeUndefined();
  });

  it('leaves bytes that are not UTF-8 to the usual path', () => {
    expect(
      parseJsonBytes(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])),
    ).toBeUndefined();
  });

  it('agrees with decoding and JSON.parse whenever it answers, on any Unicode JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : 0);
        const fast = parseJsonBytes(bytes(text));
        if (fast !== undefined) expect(asText(fast.value)).toEqual(JSON.parse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('answers for every value whose strings need no escape (property)', () => {
    const text = fc
      .string({ unit: 'binary' })
      // eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
      .filter((s) => !/["\\\u0000-\u001f\ud800-\udfff]/.test(s));
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        // (`__proto__` is left to the usual path on purpose)
        fc.dictionary(
          text.filter((k) => k !== '__proto__'),
          tie('value'),
          { maxKeys: 4 },
        ),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        const json = JSON.stringify(v, null, 2);
        const fast = parseJsonBytes(bytes(json));
        expect(fast).toBeDefined();
        expect(asText(fast!.value)).toEqual(JSON.parse(json));
      }),
      { numRuns: 1000 },
    );
  });
});
