// The JSON fast path takes only what the positioned parser would accept as it is; anything
// doubtful goes back to it (which then says what is wrong, and where).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonFast } from '../../src/io/json-fast.js';

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
