// The published package: `npm pack` holds only what is needed, and the tarball installed into an
// empty project works as a CLI (npx trustcheck) and as a typed library, without dev dependencies.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, fillTemplate, read, root, tempDir, write } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';

let dir: string;
let cleanup: () => void;
let project: string;
let files: string[];
let installStderr: string;
let tarball: string;

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const packed = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root),
  ) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = packed[0]!.files.map((f) => f.path).sort();
  tarball = join(dir, packed[0]!.filename);
  project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  // a CommonJS part of the same project
  mkdirSync(join(project, 'commonjs'));
  writeFileSync(join(project, 'commonjs', 'package.json'), JSON.stringify({ type: 'commonjs' }));
  // installed as a user installs it: with its scripts allowed to run, and npm's warnings seen
  const install = spawnSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball],
    {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    },
  );
  expect(install.status).toBe(0);
  installStderr = install.stderr;
}, TIMEOUT.pack);
afterAll(() => cleanup());

describe('npm pack', () => {
  it('ships dist, bin, questionnaires, schemas, README, LICENSE and CHANGELOG only', () => {
    const top = [...new Set(files.map((f) => f.split('/')[0]))].sort();
    expect(top).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin',
      'dist',
      'package.json',
      'questionnaires',
      'schemas',
    ]);
    expect(files).toContain('questionnaires/trustability/1.0.0.yaml');
    expect(files).toContain('questionnaires/trustability/1.1.0.yaml');
    expect(files).toContain('questionnaires/transparantie-apk/1.1.0.yaml');
    expect(files).toContain('questionnaires/transparantie-apk/2.0.0.yaml');
    expect(files).toContain('questionnaires/trustability/1.1.1.yaml');
    // the record of which statements kept their meaning, and its compiled form
    for (const id of ['transparantie-apk', 'trustability']) {
      expect(files).toContain(`questionnaires/${id}/meanings.yaml`);
      expect(files).toContain(`dist/questionnaires/${id}.meanings.json`);
    }
    expect(files).toContain('schemas/meanings.schema.json');
    expect(files).toContain('schemas/answers.schema.json');
    expect(files).toContain('schemas/config.schema.json');
    expect(files).toContain('dist/validators-config.cjs');
    expect(files).toContain('dist/types/index.d.ts');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/'))).toEqual([]);
  });

  it('has no install script: npm installs it without a warning', () => {
    expect(installStderr).not.toMatch(/warn/i);
    const manifest = JSON.parse(
      read(join(project, 'node_modules', 'trustcheck', 'package.json')),
    ) as {
      scripts?: Record<string, string>;
    };
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(manifest.scripts?.[script], script).toBeUndefined();
    }
  });

  it('installs without dev dependencies', () => {
    const installed = readdirSync(join(project, 'node_modules')).sort();
    expect(installed).toContain('trustcheck');
    for (const dev of [
      'commander',
      'chalk',
      'yaml',
      'lilconfig',
      '@inquirer',
      'ajv',
      'vitest',
      'esbuild',
    ]) {
      expect(installed).not.toContain(dev);
    }
  });
});

// each test runs the installed CLI or node in the installed project; type-checking runs tsc
describe('the installed package', { timeout: TIMEOUT.pack / 4 }, () => {
  const npx = (args: string[]) =>
    spawnSync('npx', ['--no-install', 'trustcheck', ...args], {
      cwd: project,
      encoding: 'utf8',
      env: cleanEnv(),
    });
  // the command npm installed (what npx runs, without npm's own start-up of about half a second)
  const trustcheck = (args: string[]) =>
    spawnSync(join(project, 'node_modules', '.bin', 'trustcheck'), args, {
      cwd: project,
      encoding: 'utf8',
      env: cleanEnv(),
    });

  it('runs as a CLI through npx', () => {
    const version = npx(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const list = npx(['questionnaires', 'list', '--format', 'json']);
    expect(list.status).toBe(0);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((q) => q.id)).toEqual([
      'transparantie-apk',
      'trustability',
    ]);
  });

  it('holds each meanings record compiled beside the built-ins, as the YAML it was built from', () => {
    const installed = join(project, 'node_modules', 'trustcheck');
    for (const id of ['transparantie-apk', 'trustability']) {
      const compiled = JSON.parse(
        read(join(installed, 'dist', 'questionnaires', `${id}.meanings.json`)),
      ) as { text: string; value: { questionnaire: string } };
      expect(compiled.text).toBe(read(join(installed, 'questionnaires', id, 'meanings.yaml')));
      expect(compiled.value.questionnaire).toBe(id);
    }
  });

  it('writes a questionnaire scaffold whose schema line resolves locally', () => {
    mkdirSync(join(project, 'checks'));
    expect(
      trustcheck(['questionnaires', 'new', 'supplier-check', '-o', 'checks/supplier.yaml']).status,
    ).toBe(0);
    const schemaLine = /\$schema=(\S+)/.exec(read(join(project, 'checks', 'supplier.yaml')))![1]!;
    expect(schemaLine).toBe('../node_modules/trustcheck/schemas/questionnaire.schema.json');
    expect(existsSync(join(project, 'checks', schemaLine))).toBe(true);
  });

  it('runs a scripted audit, with a template whose schema line resolves locally', () => {
    expect(trustcheck(['init', 'answers.yaml', '--subject', 'Acme']).status).toBe(0);
    const template = read(join(project, 'answers.yaml'));
    const schemaLine = /\$schema=(\S+)/.exec(template)![1]!;
    expect(schemaLine).toBe('./node_modules/trustcheck/schemas/answers.schema.json');
    expect(existsSync(join(project, schemaLine))).toBe(true);
    expect(template).not.toContain('https://');
    write(join(project, 'answers.yaml'), fillTemplate(template));
    const audit = trustcheck(['audit', '-a', 'answers.yaml', '-f', 'json']);
    expect(audit.status).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({
      format: 'trustcheck-report/1',
      subject: 'Acme',
      passed: true,
    });
  });

  it("run from an install outside the file's project, as npx runs it: the schema beside the file", () => {
    // npx runs trustcheck from its cache (~/.npm/_npx/<hash>/node_modules/trustcheck): a path
    // into it would break when the cache is cleared, and on every other machine
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const result = spawnSync(
      join(project, 'node_modules', '.bin', 'trustcheck'),
      ['init', 'acme.yaml', '--subject', 'Acme'],
      { cwd: elsewhere, encoding: 'utf8', env: cleanEnv() },
    );
    expect(result.status, result.stderr).toBe(0);
    const template = read(join(elsewhere, 'acme.yaml'));
    expect(/\$schema=(\S+)/.exec(template)![1]).toBe('./answers.schema.json');
    expect(template).not.toContain('node_modules');
    expect(read(join(elsewhere, 'answers.schema.json'))).toBe(
      read(join(project, 'node_modules', 'trustcheck', 'schemas', 'answers.schema.json')),
    );
    expect(result.stderr).toContain('written beside acme.yaml');
  });

  it('reads a config file, and places its errors (its validator is shipped beside the bundle)', () => {
    write(join(project, 'trustcheck.config.yaml'), 'questionnaires:\n  list:\n    format: json\n');
    const listed = npx(['questionnaires', 'list']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.trimStart().startsWith('[')).toBe(true);
    write(join(project, 'trustcheck.config.yaml'), 'questionnaires:\n  list:\n    format: xml\n');
    const bad = npx(['questionnaires', 'list']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'error: trustcheck.config.yaml:3:13: "format" must be one of table, json, found the text "xml"\n',
    );
    rmSync(join(project, 'trustcheck.config.yaml'));
  });

  it('places an error in a bad answer file (with the parts shipped beside the bundle)', () => {
    // the list of errors needs dist/validators-full.cjs, shipped beside the bundle
    write(join(project, 'bad.yaml'), 'format: trustcheck-answers/1\nsubject: [\n');
    const bad = trustcheck(['audit', '-a', 'bad.yaml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: bad\.yaml:\d+:\d+: /m);
    write(
      join(project, 'wrong.yaml'),
      'format: trustcheck-answers/1\nsubject: Acme\nanswers: {}\n',
    );
    const wrong = trustcheck(['audit', '-a', 'wrong.yaml']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('wrong.yaml:1:1: missing "questionnaires"');
    expect(wrong.stderr).toContain('unknown field "answers"');
  });

  it('imports as a library from a plain .mjs script', () => {
    write(
      join(project, 'use.mjs'),
      `import { loadQuestionnaire, loadAnswers, score, compare, render, buildReport } from 'trustcheck';
const q = loadQuestionnaire('trustability');
const answers = loadAnswers('answers.yaml');
const result = score(q, answers, { date: '2026-11-23' });
const report = buildReport([result], { toolVersion: '0', subject: answers.subject, date: '2026-11-23', language: 'en', digests: { trustability: q.digest } });
const { comparison } = compare(report, report);
console.log(JSON.stringify({ passed: result.passed, sections: result.sections.length, regressions: comparison.regressions.length, md: render(report, 'md').startsWith('# ') }));
`,
    );
    const result = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      passed: true,
      sections: 5,
      regressions: 0,
      md: true,
    });
  });

  it('states the Node versions on which require() of an ES module works, and runs on this one', () => {
    const { engines } = JSON.parse(
      read(join(project, 'node_modules', 'trustcheck', 'package.json')),
    ) as { engines: { node: string } };
    // require(esm) is on by default from Node 20.19 and 22.12; the library is ESM only
    expect(engines.node).toBe('^20.19 || >=22.12');
    expect(semver.satisfies(process.version, engines.node), process.version).toBe(true);
    expect(semver.satisfies('20.18.3', engines.node)).toBe(false);
    expect(semver.satisfies('22.11.0', engines.node)).toBe(false);
  });

  it('loads with require() and with import() from a CommonJS script', () => {
    write(
      join(project, 'commonjs', 'use.cjs'),
      `const { loadQuestionnaire, loadAnswers, score, render, TrustcheckError } = require('trustcheck');
const answers = loadAnswers('../answers.yaml');
const result = score(loadQuestionnaire('trustability'), answers, { date: '2026-11-23' });
let error;
try { loadAnswers('missing.yaml'); } catch (e) { error = e; }
import('trustcheck').then((imported) => {
  console.log(JSON.stringify({
    passed: result.passed,
    trustcheckError: error instanceof TrustcheckError,
    sameModule: imported.render === render && imported.TrustcheckError === TrustcheckError,
    version: require('trustcheck/package.json').version,
  }));
});
`,
    );
    // this machine's Node (20.20 on the developers' machines and in CI, then 22 and 24)
    const result = spawnSync(process.execPath, ['use.cjs'], {
      cwd: join(project, 'commonjs'),
      encoding: 'utf8',
      env: cleanEnv(),
    });
    expect(result.stderr).toBe(''); // no ERR_REQUIRE_ESM, no ExperimentalWarning
    expect(JSON.parse(result.stdout)).toEqual({
      passed: true,
      trustcheckError: true,
      sameModule: true,
      version: (JSON.parse(read(join(root, 'package.json'))) as { version: string }).version,
    });
  });

  it(
    'passes attw (the one known CommonJS mode aside) and publint',
    async () => {
      const tool = (script: string, args: string[]) =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
          const child = spawn(process.execPath, [script, ...args], { cwd: root, env: cleanEnv() });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('error', fail);
          child.on('close', (status) => done({ status, stdout, stderr }));
        });
      const [attw, publint] = await Promise.all([
        // .attw.json ignores cjs-resolves-to-esm: see docs/library.md, "From CommonJS"
        tool(join(root, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'), [
          tarball,
          '--format',
          'json',
          '--config-path',
          join(root, '.attw.json'),
        ]),
        tool(join(root, 'node_modules', 'publint', 'src', 'cli.js'), ['run', tarball, '--strict']),
      ]);
      const analysis = JSON.parse(attw.stdout) as {
        problems: Record<string, { kind: string; entrypoint: string; resolutionKind: string }[]>;
      };
      // the only problem: TypeScript's node16 mode, from CommonJS, where a require() of an ES
      // module is an error (TS1479) although Node runs it; ignored, and nothing else is found
      expect(analysis.problems).toEqual({
        CJSResolvesToESM: [
          { kind: 'CJSResolvesToESM', entrypoint: '.', resolutionKind: 'node16-cjs' },
        ],
      });
      expect(attw.status, attw.stderr).toBe(0);
      expect(publint.stdout + publint.stderr).toContain('All good!');
      expect(publint.status, publint.stdout + publint.stderr).toBe(0);
    },
    TIMEOUT.tsc,
  );

  it(
    'type-checks from TypeScript: ES modules (nodenext, node16, bundler) and CommonJS',
    () => {
      write(
        join(project, 'use.ts'),
        `import { loadQuestionnaire, score, render, renderAsync, type Report, type Questionnaire, type QuestionnaireResult } from 'trustcheck';
const q: Questionnaire = loadQuestionnaire('trustability');
const result: QuestionnaireResult = score(q, {}, { date: '2026-11-23' });
const passed: boolean = result.passed;
export function show(report: Report): string {
  return render(report, 'junit');
}
// @ts-expect-error: render takes a known format only
render({} as Report, 'pdf');
// @ts-expect-error: html is rendered by renderAsync, which loads its renderer first
render({} as Report, 'html');
export const page: Promise<string> = renderAsync({} as Report, 'html');
export { passed };
`,
      );
      // CommonJS: an import compiled to require() (TypeScript 5.8 and later, module nodenext) ...
      write(
        join(project, 'commonjs', 'require.ts'),
        `import { render, type Report } from 'trustcheck';
export const markdown = (report: Report): string => render(report, 'md');
`,
      );
      // ... and import(), which any module setting accepts
      write(
        join(project, 'commonjs', 'dynamic.ts'),
        `import type { Report } from 'trustcheck' with { 'resolution-mode': 'import' };
export async function markdown(report: Report): Promise<string> {
  const { render } = await import('trustcheck');
  return render(report, 'md');
}
`,
      );
      const configs = {
        nodenext: {
          module: 'nodenext',
          files: ['use.ts', 'commonjs/require.ts', 'commonjs/dynamic.ts'],
        },
        node16: { module: 'node16', files: ['use.ts', 'commonjs/dynamic.ts'] },
        bundler: { module: 'esnext', moduleResolution: 'bundler', files: ['use.ts'] },
        // known: under node16, TypeScript refuses a require() of an ES module (TS1479)
        'node16-require': { module: 'node16', files: ['commonjs/require.ts'] },
      };
      for (const [name, { files, ...options }] of Object.entries(configs)) {
        mkdirSync(join(project, 'ts', name), { recursive: true });
        write(
          join(project, 'ts', name, 'tsconfig.json'),
          JSON.stringify({
            compilerOptions: {
              strict: true,
              target: 'es2022',
              noEmit: true,
              skipLibCheck: false,
              types: [],
              ...options,
            },
            files: files.map((f) => `../../${f}`),
          }),
        );
      }
      // one compiler run for every setting (TypeScript's start-up is most of each)
      const tsc = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
          '--build',
          ...Object.keys(configs).map((name) => `ts/${name}`),
        ],
        { cwd: project, encoding: 'utf8' },
      );
      const errors = (tsc.stdout + tsc.stderr).split('\n').filter((l) => /error TS\d+/.test(l));
      expect(errors.map((l) => l.replace(/\(\d+,\d+\).*(TS\d+).*/, ' $1'))).toEqual([
        'commonjs/require.ts TS1479',
      ]);
    },
    TIMEOUT.tsc,
  );
});
