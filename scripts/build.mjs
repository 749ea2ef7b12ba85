// Builds trustcheck: generates schemas and validators from the zod model, bundles the CLI (one
// CommonJS file, commands initialised lazily) and the library (ESM) with esbuild, and emits type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const started = Date.now();
const quiet = process.argv.includes('--quiet');
const log = (m) => quiet || process.stderr.write(`build: ${m}\n`);

/** The newest modification time of the files under `path`. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// code most runs never need stays in files of its own beside the CLI bundle, required on first
// use: the validators that find every error of a file (needed only for a file that fails the
// quick check), the config file's validator (needed only when there is one), and the yaml
// library (the fast parsers read answer files and reports)
const apart = ['validators-full.cjs', 'validators-config.cjs', 'yaml.cjs'];

// `--if-stale` (npm start): build only when the build is missing or older than its sources, so
// that a fresh clone needs no install script to run
if (process.argv.includes('--if-stale')) {
  const outputs = [
    'dist/cli.cjs',
    'dist/index.js',
    'dist/questionnaires',
    ...apart.map((file) => `dist/${file}`),
    'src/generated/validators.cjs',
    'src/generated/validators-full.cjs',
    'src/generated/validators-config.cjs',
  ];
  const sources = ['src', 'questionnaires', 'scripts', 'package.json'];
  if (outputs.every((f) => existsSync(join(root, f)))) {
    const built = Math.min(...outputs.map((f) => statSync(join(root, f)).mtimeMs));
    const generated = join(root, 'src', 'generated');
    const changed = Math.max(
      ...sources.map((f) =>
        f === 'src'
          ? Math.max(
              ...readdirSync(join(root, 'src'))
                .filter((name) => join(root, 'src', name) !== generated)
                .map((name) => newest(join(root, 'src', name))),
            )
          : newest(join(root, f)),
      ),
    );
    if (changed <= built) process.exit(0);
  }
}

const define = { __TRUSTCHECK_VERSION__: JSON.stringify(pkg.version) };
// commander is CommonJS: an ESM bundle needs a `require`
const banner = {
  js: "import { createRequire as __trustcheckCreateRequire } from 'node:module'; const require = __trustcheckCreateRequire(import.meta.url);",
};

/** Bundles a TypeScript module of the build itself and imports it. */
async function loadForBuild(entry, name, options = {}) {
  const outfile = join(root, 'node_modules', '.cache', 'trustcheck', `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    ...options,
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

// 1. schemas and validators: the validators come from the model alone; the answers schema for
// editors also needs the built-in questionnaires, which are loaded with those validators
// the config's schema comes from the commands' declarations (src/cli/main.ts): the commands'
// implementations, loaded by import() and never run here, are left out
const declarationsOnly = {
  name: 'declarations-only',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};
const gen = await loadForBuild(join(root, 'scripts', 'gen-schemas.ts'), 'gen-schemas', {
  packages: 'external',
  define,
  plugins: [declarationsOnly],
});
mkdirSync(join(root, 'src', 'generated'), { recursive: true });
const validators = gen.validatorsSource(gen.validatorSchemas(pkg.version));
writeFileSync(join(root, 'src', 'generated', 'validators.cjs'), validators.quick);
writeFileSync(join(root, 'src', 'generated', 'validators-full.cjs'), validators.full);
for (const [name, source] of Object.entries(validators.apart)) {
  writeFileSync(join(root, 'src', 'generated', `validators-${name}.cjs`), source);
}
const registry = await loadForBuild(join(root, 'src', 'app', 'registry.ts'), 'compile-builtins', {
  define,
  banner,
});
const builtins = registry.compileBuiltins();
// each built-in's meanings record, checked against its shipped versions
const meanings = (
  await loadForBuild(join(root, 'src', 'app', 'meanings.ts'), 'compile-meanings', {
    define,
    banner,
  })
).compileMeanings(Object.values(builtins).map((b) => b.value));
// the published schemas are committed; `npm run schemas` rewrites them, and a test fails
// when they differ from what the model and the built-ins generate
if (process.argv.includes('--update-schemas')) {
  mkdirSync(join(root, 'schemas'), { recursive: true });
  for (const [name, schema] of Object.entries(
    gen.jsonSchemas(
      pkg.version,
      Object.values(builtins).map((b) => b.value),
    ),
  )) {
    writeFileSync(join(root, 'schemas', `${name}.schema.json`), gen.schemaText(schema));
  }
  log('schemas/ updated');
}
log('schemas and validators generated');

// 2. bundles
rmSync(join(root, 'dist'), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  define,
  legalComments: 'none',
  minify: process.env.TRUSTCHECK_MINIFY !== '0',
  keepNames: false,
  logLevel: 'warning',
};
// commander loads child_process (and with it net and dgram) at start, only to run executable
// subcommands, which trustcheck has none of: it is loaded when first used instead
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) {
        return {
          errors: [{ text: `${args.path}: no "${eager}" to make lazy (commander changed)` }],
        };
      }
      const lazy =
        "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};
// the files apart stay `require('./…')` calls in the bundle, and the yaml library's one lazy
// import becomes such a call
const requiredApart = {
  name: 'required-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (args) =>
      apart.includes(args.path.slice(2)) ? { path: args.path, external: true } : undefined,
    );
    b.onLoad({ filter: /[\\/]src[\\/]io[\\/]yaml-lib\.ts$/ }, () => ({
      contents:
        "let lib;\nexport function yaml() {\n  lib ??= require('./yaml.cjs');\n  return lib;\n}\n",
      loader: 'js',
    }));
  },
};
// the library: ESM, with types
await build({
  ...common,
  entryPoints: { index: join(root, 'src', 'index.ts') },
  splitting: true,
  format: 'esm',
  outdir: join(root, 'dist'),
  chunkNames: 'chunks/[name]-[hash]',
  banner,
});
// the CLI: one CommonJS file, which bin/trustcheck.cjs compiles through a code cache. Modules
// reached only by import() stay in lazy init functions, evaluated when a command needs them.
const cli = await build({
  ...common,
  metafile: true,
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  format: 'cjs',
  outfile: join(root, 'dist', 'cli.cjs'),
  plugins: [lazyChildProcess, requiredApart],
  define: { ...define, 'import.meta.url': '__trustcheckImportMetaUrl' },
  banner: {
    js: "var __trustcheckImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
  },
});
// an import() esbuild cannot bundle stays a real one, which code compiled through vm.Script
// (the code cache) cannot run: every lazily loaded module must be in the bundle
for (const output of Object.values(cli.metafile.outputs)) {
  const left = output.imports.filter((i) => i.kind === 'dynamic-import' && i.external);
  if (left.length > 0) {
    throw new Error(
      `the CLI bundle keeps import() of ${left.map((i) => i.path).join(', ')}: bundle it (or use require)`,
    );
  }
}
// the CLI bundle as ASCII: esbuild escapes other characters except in regular expressions and
// template literals; escaped there too, Node reads the bundle and V8 holds its source as one byte
// per character (faster to read, hash and compile). Safe because nothing in the bundle reads a
// template's raw text (String.raw), and outside literals the bundle is ASCII already.
{
  const file = join(root, 'dist', 'cli.cjs');
  const source = readFileSync(file, 'utf8');
  if (source.includes('String.raw'))
    throw new Error('dist/cli.cjs uses String.raw: cannot escape it');
  const ascii = source.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  writeFileSync(file, ascii);
  // its sha256, so that a start can name its code cache without hashing the bundle
  // (bin/compile-cache.cjs)
  writeFileSync(`${file}.sha256`, `${createHash('sha256').update(ascii).digest('hex')}\n`);
}
// each bundled with what it requires (ajv's runtime helpers, the yaml library's modules): the
// package depends on neither at run time
for (const name of ['validators-full.cjs', 'validators-config.cjs']) {
  await build({
    ...common,
    entryPoints: [join(root, 'src', 'generated', name)],
    format: 'cjs',
    outfile: join(root, 'dist', name),
  });
}
await build({
  ...common,
  stdin: { contents: "module.exports = require('yaml');", resolveDir: root, loader: 'js' },
  format: 'cjs',
  outfile: join(root, 'dist', 'yaml.cjs'),
});
for (const file of apart) {
  if (!existsSync(join(root, 'dist', file))) throw new Error(`dist/${file} was not built`);
}
log('bundled');

// 3. the built-in questionnaires, validated once here instead of at every start
mkdirSync(join(root, 'dist', 'questionnaires'));
for (const [name, builtin] of Object.entries(builtins)) {
  writeFileSync(join(root, 'dist', 'questionnaires', `${name}.json`), JSON.stringify(builtin));
}
for (const [id, record] of Object.entries(meanings)) {
  writeFileSync(
    join(root, 'dist', 'questionnaires', `${id}.meanings.json`),
    JSON.stringify(record),
  );
}
log('built-in questionnaires compiled');

// 4. type declarations for the library API
if (!process.argv.includes('--no-types')) {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
    ],
    {
      stdio: 'inherit',
    },
  );
  log('types emitted');
}
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
