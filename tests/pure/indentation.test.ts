// Finding the line out of column that a YAML indentation error comes from: the line itself and
// the column of its siblings, never a line of a file the parser reads without error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { outOfColumn } from '../../src/io/indentation.js';
import { root } from '../support/helpers.js';

/** Every YAML file under a folder. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

describe('outOfColumn', () => {
  it('finds nothing in a file the parser reads without an error', () => {
    const files = ['questionnaires', 'examples', 'tests/fixtures'].flatMap((d) =>
      yamlFiles(join(root, d)),
    );
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (parseDocument(text).errors.length > 0) continue;
      expect(outOfColumn(text), file).toBeUndefined();
    }
  });

  it.each([
    ['a key two spaces deeper than its siblings', 'a:\n  b: yes\n    c: yes\n', 3, 5, 2],
    ['with a comment between', 'a:\n  b: yes\n  # c\n    c: yes\n', 4, 5, 2],
    ['a key between two levels', 'a:\n  b:\n    x: 1\n   y: 2\n', 4, 4, 4],
    ['a key one space left of its siblings', 'a:\n  b: 1\n c: 2\n', 3, 2, 2],
    ['a list item deeper than its list', 'l:\n  - a: 1\n    b: 2\n    - a: 3\n', 4, 5, 2],
    ['after a block scalar', 'a: |\n  text\n    more text\nb: 1\n  c: 2\n', 5, 3, 0],
    ['after a folded plain text', 'a: one\n  two\nb: 1\n  c: 2\n', 4, 3, 0],
  ])('%s', (_, text, line, col, expected) => {
    expect(outOfColumn(text)).toMatchObject({ line, col, expected });
  });

  it('says what a deeper answer field was put under, with the fields beside it', () => {
    expect(
      outOfColumn('s:\n  renewal-warning: no # a comment\n    note: x\n    evidence: y\n  z: 1\n'),
    ).toMatchObject({
      line: 3,
      key: 'note',
      under: { key: 'renewal-warning', value: 'no' },
      deeper: [
        ['note', 'x'],
        ['evidence', 'y'],
      ],
    });
  });

  it.each([
    ['a list at its key’s column', 'a:\n- 1\n- 2\nb: 3\n'],
    ['a quoted text over several lines', 'a: "one\n    two: x"\nb: 1\n'],
    ['a flow map over several lines', 'a: { b: 1,\n    c: 2 }\nd: 1\n'],
    ['a document start', '---\na: 1\nb: 2\n'],
  ])('is not misled by %s', (_, text) => {
    expect(outOfColumn(text)).toBeUndefined();
  });
});
