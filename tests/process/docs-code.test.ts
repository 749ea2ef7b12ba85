// The documentation works as shown: every shell block of README.md, CONTRIBUTING.md,
// ARCHITECTURE.md, CHANGELOG.md and docs/*.md runs with `trustcheck` on the PATH, every
// TypeScript or JavaScript block (CommonJS too) type-checks against the built package and runs,
// and every answer file, questionnaire and report shown is valid, unless an HTML comment marks
// the block as an example that cannot run here (the convention is in CONTRIBUTING.md, "Code
// blocks are tested").
// Also: relative links and #anchors resolve, and the pages pass markdownlint.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { marked, type Token, type Tokens } from 'marked';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnv, read, root, tempDir } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';
import { markdownlintCli } from '../support/markdownlint.js';

const pages = [
  'README.md',
  'CONTRIBUTING.md',
  'ARCHITECTURE.md',
  'CHANGELOG.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

const SHELL = new Set(['sh', 'bash', 'console']);
const CODE = new Set(['ts', 'typescript', 'js', 'javascript']);
const DATA = new Set(['yaml', 'yml', 'json']);
const MARKERS = new Set(['example', 'exit', 'file']);

interface Block {
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  example?: string;
  exit: number;
  file?: string;
  /** Problems with the markers, reported by the block's test. */
  problems: string[];
}

/** The fenced code blocks of a page, each with the marker comments on the lines right before it. */
function fencedBlocks(page: string, text: string): { blocks: Block[]; strayMarkers: number[] } {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const attached = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (open === null) continue;
    const [, indent, fence, lang] = open as unknown as [string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    const close = new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`);
    while (j < lines.length && !close.test(lines[j]!)) {
      const l = lines[j]!;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
      j++;
    }
    const block: Block = { page, line: i + 1, lang, code: body.join('\n'), exit: 0, problems: [] };
    for (let k = i - 1; k >= 0; k--) {
      const comment = /^\s*<!--\s*(.*?)\s*-->\s*$/.exec(lines[k]!);
      if (comment === null) break;
      attached.add(k);
      const marker = /^([a-z]+):\s*(.+)$/.exec(comment[1]!);
      if (marker === null || !MARKERS.has(marker[1]!)) {
        block.problems.push(
          `line ${k + 1}: "${comment[1]}" is not a marker (${[...MARKERS].join(', ')})`,
        );
        continue;
      }
      const [, key, value] = marker as unknown as [string, string, string];
      if (key === 'example') block.example = value;
      else if (key === 'file' && !value.startsWith('/') && !value.split('/').includes('..'))
        block.file = value;
      else if (key === 'file')
        block.problems.push(
          `line ${k + 1}: the file "${value}" is not a path inside the page's folder`,
        );
      else if (/^\d+$/.test(value)) block.exit = Number(value);
      else block.problems.push(`line ${k + 1}: the exit code "${value}" is not a number`);
    }
    blocks.push(block);
    i = j;
  }
  const strayMarkers = lines.flatMap((l, k) =>
    /^\s*<!--\s*(example|exit|file):/.test(l) && !attached.has(k) ? [k + 1] : [],
  );
  return { blocks, strayMarkers };
}

/** What the block is, and what the test does with it. */
function kindOf(block: Block): 'example' | 'shell' | 'code' | 'data' | 'text' | 'unmarked' {
  if (block.example !== undefined) return 'example';
  if (SHELL.has(block.lang)) return 'shell';
  if (CODE.has(block.lang)) return 'code';
  if (DATA.has(block.lang)) return 'data';
  if (block.lang === 'text') return 'text';
  return 'unmarked';
}

/** A YAML or JSON block's content, or why it does not parse. */
function parseData(text: string): unknown {
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A config file: its `$schema` (the editors' line, or the key) names the config's schema. */
const isConfig = (code: string): boolean =>
  /^# yaml-language-server: \$schema=\S*config\.schema\.json$/m.test(code) ||
  /"\$schema"\s*:\s*"[^"]*config\.schema\.json"/.test(code);

/** The commands of a console block (`$ ` lines, `\` continuing), each with the output shown under it. */
function consoleCommands(code: string): { command: string; output: string[] }[] {
  const commands: { command: string; output: string[] }[] = [];
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('$ ')) {
      let command = line.slice(2);
      while (command.endsWith('\\') && i + 1 < lines.length) command += `\n${lines[++i]!}`;
      commands.push({ command, output: [] });
    } else if (commands.length > 0 && line.trim() !== '' && line.trim() !== '…') {
      commands.at(-1)!.output.push(line.trimEnd());
    }
  }
  return commands;
}

/** The 1-based line where a shell block's last command starts (over `\` continuations). */
function lastCommandLine(code: string): number {
  const lines = code.split('\n');
  let i = lines.length - 1;
  while (i > 0 && (lines[i]!.trim() === '' || /^\s*#/.test(lines[i]!))) i--;
  while (i > 0 && lines[i - 1]!.trimEnd().endsWith('\\')) i--;
  return i + 1;
}

/** A page's own temporary workspace: its folder, the blocks' files, and `trustcheck` on the PATH. */
interface Workspace {
  work: string;
  doc: string;
  blocks: string;
}

function workspace(base: string, page: string): Workspace {
  const work = join(base, page.replace(/[^a-zA-Z0-9]+/g, '-'));
  const doc = join(work, 'doc');
  const blocks = join(work, 'blocks');
  for (const d of [
    doc,
    blocks,
    join(work, 'bin'),
    join(work, 'home'),
    join(work, 'node_modules', '.bin'),
  ])
    mkdirSync(d, { recursive: true });
  cpSync(join(root, 'examples'), join(doc, 'examples'), { recursive: true });
  const shim = `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(bin)} "$@"\n`;
  for (const file of [
    join(work, 'bin', 'trustcheck'),
    join(work, 'node_modules', '.bin', 'trustcheck'),
  ]) {
    writeFileSync(file, shim);
    chmodSync(file, 0o755);
  }
  // a project with trustcheck installed, as npx and `import 'trustcheck'` find it
  writeFileSync(join(work, 'package.json'), '{ "private": true, "type": "module" }\n');
  symlinkSync(root, join(work, 'node_modules', 'trustcheck'));
  return { work, doc, blocks };
}

/**
 * The `-q` references an answer file needs: none when it answers built-ins only, else each of its
 * questionnaires, a custom one from examples/ or, failing that, `./ID.yaml` beside it.
 */
function questionnaireArgs(answers: { questionnaires?: Record<string, unknown> }): string[] {
  const ids = Object.keys(answers.questionnaires ?? {});
  const builtin = (id: string) => existsSync(join(root, 'questionnaires', id));
  if (ids.every(builtin)) return [];
  return ids.flatMap((id) => [
    '-q',
    builtin(id)
      ? id
      : existsSync(join(root, 'examples', `${id}.yaml`))
        ? `examples/${id}.yaml`
        : `./${id}.yaml`,
  ]);
}

interface Outcome {
  code?: number;
  output?: string;
  errorLine?: number;
  commands?: { code?: number; output?: string }[];
  file?: string;
  actual?: string;
  validation?: { code?: number; output?: string };
}

let base: { dir: string; cleanup: () => void };
let typeProblems = new Map<string, string[]>();
/** Each TypeScript or JavaScript block's file as written (type-checked) and compiled (run). */
const codeFiles = new Map<Block, { source: string; runnable: string }>();
const byPage = new Map<string, Block[]>();
const outcomes = new Map<Block, Outcome>();
const stray = new Map<string, number[]>();
const allBlocks: Block[] = [];
for (const page of pages) {
  const { blocks, strayMarkers } = fencedBlocks(page, read(join(root, page)));
  byPage.set(page, blocks);
  stray.set(page, strayMarkers);
  allBlocks.push(...blocks);
}

const readIf = (file: string): string | undefined =>
  existsSync(file) ? readFileSync(file, 'utf8') : undefined;
const codeIf = (file: string): number | undefined => {
  const text = readIf(file);
  return text === undefined ? undefined : Number(text.trim());
};

/** Type-checks every TypeScript and JavaScript block at once; returns the problems by file. */
function typeCheck(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    allowJs: true,
    checkJs: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
  });
  const problems = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? '';
    const where =
      d.file !== undefined && d.start !== undefined
        ? `${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
        : '';
    const list = problems.get(file) ?? [];
    list.push(where + ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    problems.set(file, list);
  }
  return problems;
}

/** Runs a page's blocks in order, in one bash process; leaves each block's results in files. */
function runPage(page: string, ws: Workspace): Promise<void> {
  const steps: string[] = [];
  const B = (n: number, ext: string) => shellQuote(join(ws.blocks, `${n}.${ext}`));
  byPage.get(page)!.forEach((block, n) => {
    const kind = kindOf(block);
    if (kind === 'shell' && block.lang !== 'console') {
      writeFileSync(join(ws.blocks, `${n}.sh`), `${block.code}\n`);
      if (block.code.startsWith('#!')) {
        chmodSync(join(ws.blocks, `${n}.sh`), 0o755);
        steps.push(`${B(n, 'sh')} > ${B(n, 'out')} 2>&1 < /dev/null; echo $? > ${B(n, 'code')}`);
      } else {
        const inner = `set -eE -o pipefail; trap "echo \\$LINENO >> \\"$1.errline\\"" ERR; . "$1.sh"`;
        steps.push(
          `bash -c ${shellQuote(inner)} _ ${shellQuote(join(ws.blocks, String(n)))} > ${B(n, 'out')} 2>&1 < /dev/null; echo $? > ${B(n, 'code')}`,
        );
      }
    } else if (kind === 'shell') {
      const chain = consoleCommands(block.code).map(({ command }, c) => {
        writeFileSync(join(ws.blocks, `${n}.${c}.sh`), `${command}\n`);
        return `{ bash -o pipefail ${B(n, `${c}.sh`)} > ${B(n, `${c}.out`)} 2>&1 < /dev/null; s=$?; echo $s > ${B(n, `${c}.code`)}; [ $s -eq 0 ]; }`;
      });
      if (chain.length > 0) steps.push(`${chain.join(' && ')} || true`);
    } else if (kind === 'code') {
      steps.push(
        `node ${shellQuote(codeFiles.get(block)!.runnable)} > ${B(n, 'out')} 2>&1 < /dev/null; echo $? > ${B(n, 'code')}`,
      );
    } else if (kind === 'data') {
      const target =
        block.file ?? join(ws.blocks, `${n}.${block.lang === 'json' ? 'json' : 'yaml'}`);
      writeFileSync(join(ws.blocks, `${n}.content`), `${block.code}\n`);
      if (block.file !== undefined) {
        const t = shellQuote(block.file);
        steps.push(
          `if [ -e ${t} ]; then if cmp -s ${B(n, 'content')} ${t}; then echo same; else cp ${t} ${B(n, 'actual')}; echo differs; fi; else mkdir -p "$(dirname ${t})" && cp ${B(n, 'content')} ${t} && echo written; fi > ${B(n, 'file')}`,
        );
      } else {
        steps.push(`cp ${B(n, 'content')} ${shellQuote(target)}`);
      }
      const document = parseData(block.code);
      if (document instanceof Error) return; // reported by the block's test
      const format = (document as { format?: unknown } | null)?.format;
      const args = isConfig(block.code)
        ? ['--config', target, 'audit', '--print-config']
        : format === 'trustcheck-answers/1'
          ? [
              'audit',
              '--answers',
              target,
              '--allow-incomplete',
              '--fail-on',
              'never',
              '-f',
              'json',
              ...questionnaireArgs(document as object),
            ]
          : format === 'trustcheck-questionnaire/1'
            ? ['questionnaires', 'validate', target]
            : undefined;
      if (args !== undefined) {
        steps.push(
          `trustcheck ${args.map(shellQuote).join(' ')} > ${B(n, 'vout')} 2>&1 < /dev/null; echo $? > ${B(n, 'vcode')}`,
        );
      }
    }
  });
  const script = join(ws.work, 'run.sh');
  writeFileSync(script, `cd ${shellQuote(ws.doc)}\n${steps.join('\n')}\n`);
  const env = cleanEnv({
    PATH: `${join(ws.work, 'bin')}:${process.env.PATH ?? ''}`,
    HOME: join(ws.work, 'home'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
  });
  return new Promise((done, fail) => {
    const child = spawn('bash', [script], { env, stdio: 'ignore', timeout: TIMEOUT.pty });
    child.on('error', fail);
    child.on('exit', () => done());
  });
}

function collect(page: string, ws: Workspace): void {
  byPage.get(page)!.forEach((block, n) => {
    const f = (ext: string) => join(ws.blocks, `${n}.${ext}`);
    const errorLines = readIf(f('errline'))?.trim().split('\n');
    const outcome: Outcome = {
      code: codeIf(f('code')),
      output: readIf(f('out')),
      errorLine: errorLines === undefined ? undefined : Number(errorLines.at(-1)),
      file: readIf(f('file'))?.trim(),
      actual: readIf(f('actual')),
    };
    if (block.lang === 'console') {
      outcome.commands = consoleCommands(block.code).map((_, c) => ({
        code: codeIf(f(`${c}.code`)),
        output: readIf(f(`${c}.out`)),
      }));
    }
    if (existsSync(f('vcode'))) {
      outcome.validation = {
        code: codeIf(f('vcode')),
        output: readIf(f('vout')),
      };
    }
    outcomes.set(block, outcome);
  });
}

beforeAll(async () => {
  base = tempDir();
  const spaces = new Map(pages.map((page) => [page, workspace(base.dir, page)]));
  for (const [page, blocks] of byPage) {
    blocks.forEach((block, n) => {
      if (kindOf(block) !== 'code') return;
      const ws = spaces.get(page)!;
      // JavaScript that calls require() and has no import statement is CommonJS: a .cjs file,
      // type-checked and run as it is
      const commonjs =
        !block.lang.startsWith('t') &&
        /\brequire\(/.test(block.code) &&
        !/^\s*(import|export)\s/m.test(block.code);
      const ext = commonjs ? 'cjs' : block.lang.startsWith('t') ? 'ts' : 'js';
      const source = join(ws.blocks, `${n}.${ext}`);
      writeFileSync(source, `${block.code}\n`);
      const runnable = commonjs ? source : join(ws.blocks, `${n}.mjs`);
      if (!commonjs) {
        const compiled = ts.transpileModule(block.code, {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        });
        writeFileSync(runnable, compiled.outputText);
      }
      codeFiles.set(block, { source, runnable });
    });
  }
  // the pages run in child processes while this one type-checks every block at once
  const running = Promise.all(pages.map((page) => runPage(page, spaces.get(page)!)));
  const sources = [...codeFiles.values()].map((f) => f.source);
  typeProblems = sources.length > 0 ? typeCheck(sources) : new Map<string, string[]>();
  await running;
  for (const page of pages) collect(page, spaces.get(page)!);
}, TIMEOUT.tsc);

afterAll(() => base?.cleanup());

const schemaOf = (name: string) => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary(['markdownDescription']);
  return ajv.compile(JSON.parse(read(join(root, 'schemas', `${name}.schema.json`))) as object);
};
const reportSchema = schemaOf('report');
const configSchema = schemaOf('config');

const name = (b: Block) => `${b.page}:${b.line} ${b.lang}${b.example ? ' (example)' : ''}`;

describe('code blocks in the documentation', () => {
  it('are found the same way a Markdown parser finds them', () => {
    for (const page of pages) {
      const parsed: string[] = [];
      void marked.walkTokens(marked.lexer(read(join(root, page))), (token) => {
        if (token.type === 'code' && (token as Tokens.Code).codeBlockStyle !== 'indented')
          parsed.push((token as Tokens.Code).text.trimEnd());
      });
      expect(
        byPage.get(page)!.map((b) => b.code.trimEnd()),
        page,
      ).toEqual(parsed);
    }
  });

  it('have markers only right before a fence', () => {
    for (const page of pages)
      expect(stray.get(page), `${page}: markers not before a fence`).toEqual([]);
  });

  it.each(allBlocks.map((b) => [name(b), b] as const))('%s', (_, block) => {
    expect(block.problems, 'markers').toEqual([]);
    const outcome = outcomes.get(block)!;
    const kind = kindOf(block);
    const shown = (o: { code?: number; output?: string }) => `exit ${o.code}\n${o.output ?? ''}`;
    switch (kind) {
      case 'example':
      case 'text':
        return;
      case 'unmarked':
        throw new Error(
          `a \`${block.lang || '(no language)'}\` block is neither run nor checked: mark it <!-- example: why -->`,
        );
      case 'shell': {
        if (block.lang === 'console') {
          const commands = consoleCommands(block.code);
          expect(commands.length, 'a console block has $ commands').toBeGreaterThan(0);
          commands.forEach(({ command, output }, c) => {
            const ran = outcome.commands![c]!;
            const last = c === commands.length - 1;
            expect(ran.code, `$ ${command}\n${shown(ran)}`).toBe(last ? block.exit : 0);
            // the lines shown appear in the output, in order
            const actual = (ran.output ?? '').split('\n').map((l) => l.trimEnd());
            let at = 0;
            for (const line of output) {
              const found = actual.indexOf(line, at);
              expect(
                found,
                `$ ${command}\nshown but not printed (in this order): ${line}\n${shown(ran)}`,
              ).toBeGreaterThanOrEqual(0);
              at = found + 1;
            }
          });
          return;
        }
        expect(outcome.code, shown(outcome)).toBe(block.exit);
        if (block.exit !== 0 && outcome.errorLine !== undefined) {
          expect(
            outcome.errorLine,
            `failed before its last command\n${shown(outcome)}`,
          ).toBeGreaterThanOrEqual(lastCommandLine(block.code));
        }
        return;
      }
      case 'code': {
        expect(typeProblems.get(codeFiles.get(block)!.source) ?? [], 'type errors').toEqual([]);
        expect(outcome.code, shown(outcome)).toBe(block.exit);
        return;
      }
      case 'data': {
        const document = parseData(block.code);
        if (document instanceof Error) throw new Error(`not YAML or JSON: ${document.message}`);
        if (block.file !== undefined) {
          expect(
            outcome.file,
            `the file ${block.file} differs from the block; it is:\n${outcome.actual}`,
          ).toMatch(/^(same|written)$/);
        }
        const format = (document as { format?: unknown } | null)?.format;
        if (isConfig(block.code)) {
          const valid = configSchema(document);
          expect(valid ? [] : configSchema.errors, 'config.schema.json').toEqual([]);
          const checked = outcome.validation!;
          expect(checked.code, shown(checked)).toBe(block.exit);
          expect(checked.output, 'no warnings').not.toMatch(/^warning/m);
          return;
        }
        if (format === 'trustcheck-report/1') {
          const valid = reportSchema(document);
          expect(valid ? [] : reportSchema.errors, 'report.schema.json').toEqual([]);
          return;
        }
        if (format !== 'trustcheck-answers/1' && format !== 'trustcheck-questionnaire/1') {
          if (block.file !== undefined) return; // another kind of file, used by the blocks after it
          throw new Error(
            'YAML or JSON that is not a trustcheck file is not checked: mark it <!-- example: why -->',
          );
        }
        const checked = outcome.validation!;
        expect(checked.code, shown(checked)).toBe(block.exit);
        if (block.exit === 0) expect(checked.output, 'no warnings').not.toMatch(/^warning/m);
        return;
      }
    }
  });
});

/** GitHub's anchor for a heading's text (as markdownlint's MD051 computes it). */
const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Mark}\p{Number}\p{Connector_Punctuation}\- ]/gu, '')
    .replace(/ /g, '-');

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  void marked.walkTokens(marked.lexer(read(file)), (token) => {
    if (token.type !== 'heading') return;
    const text = plainText((token as Tokens.Heading).tokens);
    const s = slug(text);
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    result.add(n === 0 ? s : `${s}-${n}`);
  });
  return result;
}

function plainText(tokens: Token[]): string {
  return tokens
    .map((t) =>
      'tokens' in t && t.tokens ? plainText(t.tokens) : 'text' in t ? String(t.text) : '',
    )
    .join('');
}

describe('links in the documentation', () => {
  it.each(pages)('%s: relative links point at files and headings that exist', (page) => {
    const file = join(root, page);
    const broken: string[] = [];
    void marked.walkTokens(marked.lexer(read(file)), (token) => {
      if (token.type !== 'link' && token.type !== 'image') return;
      const href = (token as Tokens.Link).href;
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return; // https:, mailto:
      const [path, anchor] = href.split('#') as [string, string | undefined];
      const target = path === '' ? file : resolve(dirname(file), decodeURI(path));
      if (!existsSync(target)) broken.push(`${href}: no file ${relative(root, target)}`);
      else if (anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor))
        broken.push(`${href}: no heading #${anchor} in ${relative(root, target)}`);
    });
    expect(broken).toEqual([]);
  });
});

describe('markdownlint', () => {
  it('passes on the documentation, with the project configuration', () => {
    const result = spawnSync(process.execPath, [markdownlintCli], { cwd: root, encoding: 'utf8' });
    expect(result.stderr + result.stdout).toMatch(
      new RegExp(`^Linting: ${pages.length} files$`, 'm'),
    );
    expect(result.status, result.stderr).toBe(0);
  });
});
