// Builds trustcheck: generates schemas and validators from the zod model, bundles the CLI and
// the library with esbuild (one ESM bundle, lazily loaded chunks), and emits type declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const started = Date.now();
const quiet = process.argv.includes('--quiet');
const log = (m) => quiet || process.stderr.write(`build: ${m}\n`);

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

// 1. schemas and validators
const gen = await loadForBuild(join(root, 'scripts', 'gen-schemas.ts'), 'gen-schemas', {
  packages: 'external',
});
const schemas = gen.jsonSchemas();
// the published schemas are committed; `npm run schemas` rewrites them, and a test fails
// when they differ from what the model generates
if (process.argv.includes('--update-schemas')) {
  mkdirSync(join(root, 'schemas'), { recursive: true });
  for (const [name, schema] of Object.entries(schemas)) {
    writeFileSync(join(root, 'schemas', `${name}.schema.json`), gen.schemaText(schema));
  }
  log('schemas/ updated');
}
mkdirSync(join(root, 'src', 'generated'), { recursive: true });
writeFileSync(join(root, 'src', 'generated', 'validators.cjs'), gen.validatorsSource(schemas));
log('schemas and validators generated');

// 2. bundles
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: {
    cli: join(root, 'src', 'cli', 'main.ts'),
    index: join(root, 'src', 'index.ts'),
  },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: join(root, 'dist'),
  chunkNames: 'chunks/[name]-[hash]',
  define,
  banner,
  legalComments: 'none',
  minify: process.env.TRUSTCHECK_MINIFY !== '0',
  keepNames: false,
  logLevel: 'warning',
});
log('bundled');

// 3. the built-in questionnaires, validated once here instead of at every start
const { compileBuiltins } = await loadForBuild(
  join(root, 'src', 'app', 'registry.ts'),
  'compile-builtins',
  {
    define,
    banner,
  },
);
writeFileSync(join(root, 'dist', 'questionnaires.json'), JSON.stringify(compileBuiltins()));
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
