// Builds trustcheck: generates schemas and validators from the zod model, bundles the CLI (one
// CommonJS file) and the library (ESM, with source maps) with esbuild, compiles the built-in
// questionnaires, and emits type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
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

// `--if-stale` (npm start): build only when the build is missing or older than its sources, so
// that a fresh clone needs no install script to run
if (process.argv.includes('--if-stale')) {
  const outputs = [
    'dist/cli.cjs',
    'dist/compile-cache.cjs',
    'dist/validators-full.cjs',
    'dist/validators-config.cjs',
    'dist/index.js',
    'dist/questionnaires',
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
// editors also needs the built-in questionnaires, which are loaded with those validators;
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

// 2. bundles: esbuild bundles the sources as they are (nothing is rewritten), and the version
rmSync(join(root, 'dist'), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  define,
  legalComments: 'none',
  logLevel: 'warning',
};
// the library: ESM, readable (not minified, names kept) and with source maps, so that a stack
// trace in a user's script names trustcheck's own functions and files
await build({
  ...common,
  entryPoints: { index: join(root, 'src', 'index.ts') },
  splitting: true,
  format: 'esm',
  outdir: join(root, 'dist'),
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  keepNames: true,
  banner,
});
// the CLI: one CommonJS file (minified: less to read and compile at every start); what a
// command reaches only through import() is evaluated when that command runs. Beside it, the
// full validators, and the few lines that turn on Node's compile cache before the CLI is loaded
// (bin/trustcheck.cjs).
await build({
  ...common,
  minify: true,
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  format: 'cjs',
  outfile: join(root, 'dist', 'cli.cjs'),
  // the generated quick validators require the full ones (most of their size) only for a file
  // that fails the quick check, and the config's only when there is a config file: they stay
  // files of their own beside the bundle
  external: ['./validators-full.cjs', './validators-config.cjs'],
  // registry.ts finds the package from its own URL, which a CommonJS file has as __filename
  define: { ...define, 'import.meta.url': '__trustcheckImportMetaUrl' },
  banner: {
    js: "var __trustcheckImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
  },
});
for (const name of ['validators-full.cjs', 'validators-config.cjs']) {
  await build({
    ...common,
    minify: true,
    entryPoints: [join(root, 'src', 'generated', name)],
    format: 'cjs',
    outfile: join(root, 'dist', name),
  });
}
await build({
  ...common,
  minify: true,
  entryPoints: [join(root, 'src', 'cli', 'compile-cache.ts')],
  format: 'cjs',
  outfile: join(root, 'dist', 'compile-cache.cjs'),
});
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
