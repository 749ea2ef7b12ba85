// trustcheck's benchmark: speed and memory as ratios against bare `node`, measured side by side
// in one run (each the median of at least 10 alternating runs). Writes the figures into
// bench/RESULTS.md (this run's, and the run before it); the notes below them are kept.
//   npm run bench            (about three minutes)
//   npm run bench -- --quick (fewer runs, no 10,000-file batch)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'trustcheck.cjs');
const tmp = join(root, 'bench', 'tmp');
const quick = process.argv.includes('--quick');
// start-up times are short and noisy: more runs for them than for the batches
const RUNS = quick ? 5 : 21;
const STARTUP_RUNS = quick ? 5 : 31;
const node = process.execPath;

const log = (m) => process.stderr.write(`${m}\n`);

/**
 * Lets the file system settle before a measurement: the bench's own files (11,000 answer files,
 * a batch's reports, the last run's files being removed) are written back and discarded by the
 * kernel in the background, and on a two-core machine that work lands in whichever runs follow.
 */
function settle() {
  if (process.platform !== 'win32') execFileSync('sync');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
}

// ------------------------------------------------------------------------------------------
// setup

log('bench: building');
execFileSync(node, [join(root, 'scripts', 'build.mjs'), '--no-types', '--quiet'], {
  stdio: 'inherit',
});
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

// the code cache of these runs: warm in bench/tmp/cache, cold in a new empty folder per run
const cacheHome = join(tmp, 'cache');
const env = {
  ...process.env,
  NO_COLOR: '1',
  SOURCE_DATE_EPOCH: '1795392000',
  XDG_CACHE_HOME: cacheHome,
};
delete env.FORCE_COLOR;
delete env.TRUSTCHECK_NO_CACHE;

const template = execFileSync(node, [bin, 'init', '-', '--subject', 'Bench B.V.'], {
  env,
  encoding: 'utf8',
});
function answerFile(i) {
  let n = 0;
  return template
    .replace('subject: "Bench B.V."', `subject: "Client ${i}"`)
    .replace(
      /^(\s+[a-z0-9-]+): ~ #.*$/gm,
      (_, key) => `${key}: ${(n++ + i) % 7 === 0 ? 'no' : 'yes'}`,
    );
}
function makeBatch(count) {
  const dir = join(tmp, `answers-${count}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(join(dir, `client-${String(i).padStart(5, '0')}.yaml`), answerFile(i));
  return dir;
}
const single = join(tmp, 'single.yaml');
writeFileSync(single, answerFile(1));
log('bench: generating answer files');
const batches = { 100: makeBatch(100), 1000: makeBatch(1000) };
if (!quick) batches[10000] = makeBatch(10000);

/**
 * A floor script: plain Node that only reads every file of a folder and parses it with `parse`
 * (an expression of the text, after `imports`), the least any tool must do with those files.
 */
function floorScript(name, imports, parse) {
  const file = join(tmp, name);
  writeFileSync(
    file,
    `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
${imports}
const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir).sort()) n += ${parse("readFileSync(join(dir, f), 'utf8')")};
if (n === 0) process.exit(1);
`,
  );
  return file;
}

// the floor of a batch: read and YAML-parse the same answer files
const floor = floorScript(
  'floor.mjs',
  `import { parse } from ${JSON.stringify(join(root, 'node_modules', 'yaml', 'dist', 'index.js'))};`,
  (text) => `Object.keys(parse(${text})).length`,
);

// ------------------------------------------------------------------------------------------
// measuring

function timeOnce(cmd, args, runEnv = env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    env: runEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs a and b alternately, RUNS times each (after the file system has settled, and one
 * warm-up), and returns the medians.
 */
function pair(a, b, runs = RUNS) {
  settle();
  a();
  b();
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    ta.push(a());
    tb.push(b());
  }
  return { a: median(ta), b: median(tb) };
}

const nodeBare = () => timeOnce(node, ['-e', '0']);
const batchArgs = (dir, out) => [
  bin,
  'audit',
  '-a',
  dir,
  '--out-dir',
  out,
  '-f',
  'json',
  '--quiet',
  '--fail-on',
  'never',
];

function firstPromptMs() {
  // a real pseudo-terminal (util-linux `script`), timed until the first prompt is drawn
  const dir = join(tmp, `pty-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(
      'script',
      ['-qfc', `${node} ${bin} audit --save-answers ${join(dir, 'a.yaml')}`, '/dev/null'],
      {
        env: { ...env, TERM: 'xterm' },
        stdio: ['pipe', 'pipe', 'ignore'],
      },
    );
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt within 10 s: ${out}`));
    }, 10_000);
    child.stdout.on('data', (d) => {
      out += d.toString();
      if (/\?/.test(out)) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve(ms);
      }
    });
  });
}
function ptyBareMs() {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfc', `${node} -e 0`, '/dev/null'], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.on('exit', () => resolve(Number(process.hrtime.bigint() - start) / 1e6));
  });
}

function peakRssKb(cmd, args) {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const last = r.stderr.trim().split('\n').at(-1);
  return Number(last);
}

// ------------------------------------------------------------------------------------------
// the benchmarks

const rows = [];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
function row(name, subject, baseline, ratio, target) {
  const ok = target === null ? '' : ratio <= target ? 'yes' : 'NO';
  rows.push({ name, subject, baseline, ratio, target, ok });
  log(
    `  ${name}: ${subject} vs ${baseline} = ${ratio.toFixed(2)}${target === null ? '' : ` (target <= ${target}: ${ok})`}`,
  );
}

log('bench: 1. --version');
{
  const r = pair(() => timeOnce(node, [bin, '--version']), nodeBare, STARTUP_RUNS);
  row('1. `trustcheck --version` vs `node -e 0`', fmt(r.a), fmt(r.b), r.a / r.b, 1.1);
}

log('bench: 2. scripted audit of both built-ins to JSON');
const auditArgs = [bin, 'audit', '-a', single, '-f', 'json', '--fail-on', 'never'];
{
  const r = pair(() => timeOnce(node, auditArgs), nodeBare, STARTUP_RUNS);
  row(
    '2. `audit --answers one.yaml -f json` vs `node -e 0` (code cache warm)',
    fmt(r.a),
    fmt(r.b),
    r.a / r.b,
    1.3,
  );
}
{
  // the very first run, as in a fresh CI container: an empty cache folder each time
  const cold = () => {
    const home = mkdtempSync(join(tmp, 'cold-'));
    const ms = timeOnce(node, auditArgs, { ...env, XDG_CACHE_HOME: home });
    rmSync(home, { recursive: true, force: true });
    return ms;
  };
  const r = pair(cold, nodeBare, STARTUP_RUNS);
  row(
    '2b. the same, first run (code cache cold) vs `node -e 0`',
    fmt(r.a),
    fmt(r.b),
    r.a / r.b,
    1.8,
  );
}

const perFile = [];
for (const [count, dir] of Object.entries(batches)) {
  log(`bench: 3. batch of ${count}`);
  const out = join(tmp, `out-${count}`);
  const runs = Number(count) >= 10000 ? 3 : RUNS;
  const r = pair(
    () => timeOnce(node, batchArgs(dir, out)),
    () => timeOnce(node, [floor, dir]),
    runs,
  );
  perFile.push({
    count: Number(count),
    trustcheck: r.a / Number(count),
    floor: r.b / Number(count),
    ratio: r.a / r.b,
  });
  if (count === '1000')
    row(
      '3. `audit --out-dir` over 1,000 files vs read+parse floor',
      fmt(r.a),
      fmt(r.b),
      r.a / r.b,
      1.0,
    );
}
{
  // row 3 runs the batch again into the same folder, where reports that are already there with
  // the same bytes are left as they are; this is the first run, into a new folder each time
  // (removed only after the last run, so that no run pays for deleting another's files)
  log('bench: 3b. batch of 1000 into a new folder');
  let n = 0;
  const r = pair(
    () => timeOnce(node, batchArgs(batches[1000], join(tmp, `out-new-${n++}`))),
    () => timeOnce(node, [floor, batches[1000]]),
  );
  for (let i = 0; i < n; i++) rmSync(join(tmp, `out-new-${i}`), { recursive: true, force: true });
  row(
    '3b. the same, a first run: every report new, in a new folder',
    fmt(r.a),
    fmt(r.b),
    r.a / r.b,
    null,
  );
}

// its own loop, not pair(): the file system settles here
settle();
log('bench: 4. time to the first interactive prompt');
{
  const ta = [];
  const tb = [];
  await firstPromptMs();
  await ptyBareMs();
  for (let i = 0; i < STARTUP_RUNS; i++) {
    ta.push(await firstPromptMs());
    tb.push(await ptyBareMs());
  }
  row(
    '4. first interactive prompt vs `node -e 0` (both in a pty)',
    fmt(median(ta)),
    fmt(median(tb)),
    median(ta) / median(tb),
    1.4,
  );
}

log('bench: 5. peak memory of the 1,000-file batch');
{
  const out = join(tmp, 'out-mem');
  const a = [];
  const b = [];
  for (let i = 0; i < 3; i++) {
    a.push(peakRssKb(node, batchArgs(batches[1000], out)));
    b.push(peakRssKb(node, [floor, batches[1000]]));
  }
  if (a[0] === null) log('  /usr/bin/time is missing: peak memory not measured');
  else
    row(
      '5. peak memory of 3 vs the floor script',
      `${(median(a) / 1024).toFixed(0)} MiB`,
      `${(median(b) / 1024).toFixed(0)} MiB`,
      median(a) / median(b),
      1.4,
    );
}

log('bench: 6. an HTML report vs a Markdown report of the same audit');
{
  const md = [bin, 'audit', '-a', single, '-f', 'md', '--fail-on', 'never'];
  const html = [bin, 'audit', '-a', single, '-f', 'html', '--fail-on', 'never'];
  const r = pair(
    () => timeOnce(node, html),
    () => timeOnce(node, md),
    STARTUP_RUNS,
  );
  row('6. `audit -f html` vs `audit -f md`', fmt(r.a), fmt(r.b), r.a / r.b, 1.2);
}

log('bench: 7. summary of 1,000 JSON reports');
{
  const reports = join(tmp, 'reports-1000');
  timeOnce(node, batchArgs(batches[1000], reports));
  // the floor of a summary: read and JSON.parse the same reports
  const jsonFloor = floorScript(
    'json-floor.mjs',
    '',
    (text) => `JSON.parse(${text}).questionnaires.length`,
  );
  const r = pair(
    () => timeOnce(node, [bin, 'summary', reports, '-f', 'json', '--quiet']),
    () => timeOnce(node, [jsonFloor, reports]),
  );
  row('7. `summary` of 1,000 reports vs read+JSON.parse floor', fmt(r.a), fmt(r.b), r.a / r.b, 1.3);
}

log('bench: 8. hostile sizes: each under 1 s (<= 8x `node -e 0`), doubling at most doubles');
{
  const hostile = join(tmp, 'hostile');
  mkdirSync(hostile, { recursive: true });
  // a huge subject (the answers are valid)
  const subjectFile = (kb) => {
    const f = join(hostile, `subject-${kb}.yaml`);
    writeFileSync(
      f,
      answerFile(1).replace('subject: "Client 1"', `subject: "${'Acme '.repeat((kb * 1024) / 5)}"`),
    );
    return [bin, 'audit', '-a', f, '-f', 'md', '--fail-on', 'never'];
  };
  // thousands of unknown statement keys (an error, exit 2, with a capped list)
  const unknownKeys = (n) => {
    const f = join(hostile, `keys-${n}.yaml`);
    const keys = Array.from({ length: n }, (_, i) => `        unknown-${i}: yes`).join('\n');
    writeFileSync(f, answerFile(1).replace(/^(\s+economic-interests:\n)/m, `$1${keys}\n`));
    return [bin, 'audit', '-a', f, '-f', 'json'];
  };
  // a custom questionnaire of many statements, validated
  const bigQuestionnaire = (n) => {
    const f = join(hostile, `q-${n}.yaml`);
    const statements = Array.from(
      { length: n },
      (_, i) => `      - id: s-${i}\n        text: Statement ${i}.`,
    ).join('\n');
    writeFileSync(
      f,
      `format: trustcheck-questionnaire/1\nid: big\nversion: 0.1.0\nlanguages: [en]\nrule: all-must-be-true\ntitle: Big\nsections:\n  - id: one\n    title: One?\n    statements:\n${statements}\n`,
    );
    return [bin, 'questionnaires', 'validate', f];
  };
  const timeAny = (args) => {
    const start = process.hrtime.bigint();
    spawnSync(node, args, { env, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (const [name, make, size] of [
    ['8a. a 200 KB subject', subjectFile, 200],
    ['8b. 20,000 unknown keys', unknownKeys, 20000],
    ['8c. a 40,000-statement questionnaire', bigQuestionnaire, 40000],
  ]) {
    const once = make(size);
    const twice = make(size * 2);
    const r = pair(() => timeAny(once), nodeBare, 5);
    row(`${name} vs \`node -e 0\``, fmt(r.a), fmt(r.b), r.a / r.b, 8);
    const d = pair(
      () => timeAny(twice),
      () => timeAny(once),
      3,
    );
    row(`${name}: twice the input vs once`, fmt(d.a), fmt(d.b), d.a / d.b, 2);
  }
}

// ------------------------------------------------------------------------------------------
// results

const nodeVersion = process.version;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmark results',
  '',
  `Measured by \`npm run bench\`${quick ? ' (--quick)' : ''} at ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu} (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB), Node ${nodeVersion}, ${process.platform}.`,
  `Times are medians of ${STARTUP_RUNS} runs for start-up (1, 2, 2b, 4, 6) and ${RUNS} for batches and the summary (3 for 10,000 files; 5 and 3 for the hostile sizes), alternating with the baseline; ratios are trustcheck / baseline.`,
  '',
  '| Benchmark | trustcheck | baseline | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.subject} | ${r.baseline} | ${r.ratio.toFixed(2)} | ${r.target === null ? '' : `<= ${r.target}`} | ${r.ok} |`,
  ),
  '',
  '### Scaling of the batch audit',
  '',
  '| Answer files | trustcheck per file | floor per file | ratio |',
  '| --- | --- | --- | --- |',
  ...perFile.map(
    (p) =>
      `| ${p.count} | ${p.trustcheck.toFixed(2)} ms | ${p.floor.toFixed(2)} ms | ${p.ratio.toFixed(2)} |`,
  ),
  '',
];
const text = lines.join('\n');
// RESULTS.md: this run's figures, the run before's, then the notes written by hand (kept)
const resultsFile = join(root, 'bench', 'RESULTS.md');
const LATEST = '<!-- latest run: written by npm run bench -->';
const PREVIOUS = '<!-- the run before: written by npm run bench -->';
const NOTES = '<!-- notes: kept by npm run bench -->';
const before = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const between = (a, b) => {
  const i = before.indexOf(a);
  const j = b === undefined ? before.length : before.indexOf(b);
  return i < 0 || j < 0 ? '' : before.slice(i + a.length, j).trim();
};
const previous = between(LATEST, PREVIOUS).replace(/^# Benchmark results\n+/, '');
const notes = between(NOTES, undefined);
writeFileSync(
  resultsFile,
  [
    '# Benchmark results',
    '',
    LATEST,
    text.replace(/^# Benchmark results\n+/, '## Latest run\n\n').trim(),
    '',
    PREVIOUS,
    previous.replace(/^## Latest run/, '## The run before').trim(),
    '',
    NOTES,
    notes,
    '',
  ].join('\n'),
);
process.stdout.write(text);
rmSync(tmp, { recursive: true, force: true });
const failed = rows.filter((r) => r.ok === 'NO');
if (failed.length > 0) log(`bench: ${failed.length} target(s) not met`);
