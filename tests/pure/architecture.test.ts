// The layers of ARCHITECTURE.md, checked over the import graph of src/, read with TypeScript's own
// parser: static imports, type imports, side-effect imports (`import './x.js'`), re-exports
// (`export … from`), `import x = require()`, `import('x')` types and dynamic imports, all of which
// lint's no-restricted-imports partly misses. No import cycle anywhere, every import points down,
// the core imports no Node module and only the packages it may, and only io/ and cli/ touch the
// file system.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = resolve('src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Imports {
  /** Every module specifier the file names, in the order written. */
  specifiers: string[];
  /** `import(expression)` calls whose module is not a string: the graph cannot follow them. */
  unreadable: string[];
}

/** The modules a TypeScript source imports or re-exports, in any of the forms above. */
function importsOf(text: string, fileName = 'x.ts'): Imports {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const unreadable: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      specifiers.push(node.moduleReference.expression.text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteralLike(argument))
        specifiers.push(argument.text);
      else unreadable.push(node.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, unreadable };
}

interface Graph {
  /** file (relative to src/) -> the files of src/ it imports */
  files: Map<string, string[]>;
  /** file -> the packages and Node modules it imports (`zod`, `node:fs`) */
  packages: Map<string, string[]>;
  unreadable: string[];
}

function importGraph(): Graph {
  const files = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const unreadable: string[] = [];
  for (const file of sources(src)) {
    const name = relative(src, file);
    const found = importsOf(readFileSync(file, 'utf8'), file);
    unreadable.push(...found.unreadable.map((call) => `${name}: ${call}`));
    const local = found.specifiers.filter((s) => s.startsWith('.'));
    const targets = local
      .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))
      .filter((target) => target.endsWith('.ts'))
      .map((target) => relative(src, target));
    files.set(name, [...new Set(targets)]);
    packages.set(name, [...new Set(found.specifiers.filter((s) => !s.startsWith('.')))]);
  }
  return { files, packages, unreadable };
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

/** The packages the pure core may import: the model's schemas and the width of text. */
const corePackages = ['zod', 'fast-string-truncated-width'];

/** The layers that touch the file system (node:fs); every other layer goes through io/. */
const fileSystemLayers = ['io', 'cli'];

/** The imports of `graph` that break the layering: `file -> target`. */
function upwardImports(graph: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      if (to !== from && !(allowed[from] ?? []).includes(to)) wrong.push(`${file} -> ${target}`);
    }
  }
  return wrong;
}

describe('architecture', () => {
  const graph = importGraph();

  it('reads every form of import and re-export', () => {
    const text = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "import './c.js';",
      "export { d } from './d.js';",
      "export * from './e.js';",
      "export * as f from './f.js';",
      "import g = require('./g.js');",
      "type H = import('./h.js').H;",
      "const i = await import('./i.js');",
      '// import j from "./not-an-import.js";',
      'const k = \'import x from "./not-an-import.js"\';',
      'const l = await import(name);',
    ].join('\n');
    expect(importsOf(text)).toEqual({
      specifiers: [
        './a.js',
        './b.js',
        './c.js',
        './d.js',
        './e.js',
        './f.js',
        './g.js',
        './h.js',
        './i.js',
      ],
      unreadable: ['import(name)'],
    });
  });

  it('finds the imports it checks', () => {
    expect(graph.files.get('cli/commands/audit.ts')).toContain('interactive/interview.ts');
    expect(graph.files.get('index.ts')).toContain('core/render/index.ts');
    expect(graph.files.size).toBeGreaterThan(30);
  });

  it('can follow every dynamic import', () => {
    expect(graph.unreadable).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph.files)).toEqual([]);
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
    expect(upwardImports(graph.files)).toEqual([]);
  });

  it('detects an upward import, also a side-effect one or a re-export', () => {
    const files = new Map<string, string[]>();
    for (const [file, text] of [
      ['core/a.ts', "import '../io/read.js';"],
      ['core/b.ts', "export { x } from '../app/load.js';"],
      ['io/c.ts', "import { y } from '../core/a.js';"],
    ] as const) {
      files.set(
        file,
        importsOf(text).specifiers.map((s) =>
          join(dirname(file), s).replace(/\.js$/, '.ts').replace(/^\.\//, ''),
        ),
      );
    }
    expect(upwardImports(files)).toEqual(['core/a.ts -> io/read.ts', 'core/b.ts -> app/load.ts']);
  });

  it('renders on top of the core: no file of the core outside render/ imports a renderer', () => {
    const wrong = [...graph.files]
      .filter(([file]) => layerOf(file) === 'core' && !file.startsWith('core/render/'))
      .flatMap(([file, targets]) =>
        targets.filter((t) => t.startsWith('core/render/')).map((t) => `${file} -> ${t}`),
      );
    expect(wrong).toEqual([]);
  });

  it('renders each format on its own: no renderer of the format table imports another', () => {
    // the renderers are what the table of formats imports (statically, or on first use)
    const renderers = graph.files
      .get('core/render/formats.ts')!
      .filter((t) => t.startsWith('core/render/') && t !== 'core/render/options.ts');
    expect(renderers).toContain('core/render/html.ts');
    expect(renderers).toContain('core/render/markdown.ts');
    const wrong = renderers.flatMap((r) =>
      (graph.files.get(r) ?? []).filter((t) => renderers.includes(t)).map((t) => `${r} -> ${t}`),
    );
    expect(wrong).toEqual([]);
  });

  it('renders each summary format on its own: no renderer of the summary table imports another', () => {
    const renderers = graph.files
      .get('core/render/summary-formats.ts')!
      .filter((t) => t.startsWith('core/render/'));
    expect(renderers).toEqual(
      expect.arrayContaining(['core/render/summary.ts', 'core/render/summary-html.ts']),
    );
    const wrong = renderers.flatMap((r) =>
      (graph.files.get(r) ?? []).filter((t) => renderers.includes(t)).map((t) => `${r} -> ${t}`),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps the core pure: no Node module, only its own packages', () => {
    const wrong = [...graph.packages]
      .filter(([file]) => layerOf(file) === 'core')
      .flatMap(([file, packages]) =>
        packages.filter((p) => !corePackages.includes(p)).map((p) => `${file} -> ${p}`),
      );
    expect(wrong).toEqual([]);
  });

  it('reads and writes files only in io/ and cli/', () => {
    const wrong = [...graph.packages]
      .filter(([file]) => !fileSystemLayers.includes(layerOf(file)))
      .flatMap(([file, packages]) =>
        packages.filter((p) => /^(node:)?fs(\/promises)?$/.test(p)).map((p) => `${file} -> ${p}`),
      );
    expect(wrong).toEqual([]);
  });
});
