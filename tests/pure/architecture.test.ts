// The layers of ARCHITECTURE.md, checked over the import graph of src/ (static and dynamic
// imports alike, which lint's no-restricted-imports does not see): no import cycle anywhere,
// and every import points down.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve('src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** file (relative to src/) -> the files of src/ it imports */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...text.matchAll(/\bfrom\s+'(\.[^']+)'/g),
      ...text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g),
    ].map((m) => m[1]!);
    const targets = specifiers
      .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))
      .filter((target) => target.endsWith('.ts'))
      .map((target) => relative(src, target));
    graph.set(relative(src, file), [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle, as the list of files around it (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const layerOf = (file: string): string => (file.includes('/') ? file.split('/')[0]! : file);

/** What each layer may import (besides itself); top-level files are shared leaves. */
const allowed: Record<string, string[]> = {
  core: [],
  io: ['core', 'errors.ts'],
  app: ['io', 'core', 'errors.ts', 'version.ts'],
  interactive: ['app', 'io', 'core', 'errors.ts'],
  cli: ['interactive', 'app', 'io', 'core', 'errors.ts', 'version.ts'],
  'errors.ts': ['core'],
  'version.ts': [],
  'globals.d.ts': [],
  'index.ts': ['app', 'io', 'core', 'errors.ts', 'version.ts'],
};

describe('architecture', () => {
  const graph = importGraph();

  it('finds the imports it checks', () => {
    expect(graph.get('cli/commands/audit.ts')).toContain('interactive/interview.ts');
    expect(graph.size).toBeGreaterThan(30);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('detects a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('imports point down only', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== from && !(allowed[from] ?? []).includes(to)) wrong.push(`${file} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
