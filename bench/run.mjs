// trustcheck's benchmark: speed and memory as ratios, measured side by side in one run against
// bare `node -e 0`, against floors (plain CommonJS scripts that do the least any tool must do
// with the same files), and against the `--version` of peers installed as dev dependencies.
// Each figure is the median of alternating runs (wall time, as a user waits for it). Prints a
// Markdown table on stdout; progress on stderr. Run it with the Node to measure on the PATH.
//   npm run bench            (a few minutes)
//   npm run bench -- --quick (fewer runs, no 10,000-file batch)
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'trustcheck.cjs');
const tmp = join(root, 'bench', 'tmp');
const quick = process.argv.includes('--quick');
// start-up times are short and noisy: more runs for them than for the batches
const RUNS = quick ? 5 : 15;
const STARTUP_RUNS = quick ? 7 : 31;
const node = process.execPath;
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const nodeHasCompileCache = major > 22 || (major === 22 && minor >= 1);

const log = (m) => process.stderr.write(`${m}\n`);

/**
 * Lets the file system settle before a measurement: the bench's own files (11,000 answer files,
 * a batch's reports, the last run's files being removed) are written back by the kernel in the
 * background, and on a two-core machine that work lands in whichever runs follow.
 */
function settle() {
  if (process.platform !== 'win32') execFileSync('sync');
}

// ------------------------------------------------------------------------------------------
// setup

log('bench: building');
execFileSync(node, [join(root, 'scripts', 'build.mjs'), '--no-types', '--quiet'], {
  stdio: 'inherit',
});
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
// Node's compile cache (22.1 and later) of these runs, in a folder of the bench's own
const cacheHome = join(tmp, 'cache');
mkdirSync(cacheHome, { mode: 0o700 });
chmodSync(cacheHome, 0o700);
const env = {
  ...process.env,
  NO_COLOR: '1',
  SOURCE_DATE_EPOCH: '1795392000',
  XDG_CACHE_HOME: cacheHome,
};
delete env.FORCE_COLOR;
delete env.NODE_COMPILE_CACHE;
delete env.NODE_DISABLE_COMPILE_CACHE;
const noCache = { ...env, NODE_DISABLE_COMPILE_CACHE: '1' };

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
const batches = { 100: makeBatch(100), 1000: makeBatch(1000), 2000: makeBatch(2000) };
if (!quick) batches[10000] = makeBatch(10000);

/**
 * A floor script, CommonJS like the bundle: plain Node that reads every file of a folder and
 * does `work` with its text (an expression of `text`, after `requires`): the least any tool
 * must do with those files.
 */
function floorScript(name, requires, work) {
  const file = join(tmp, name);
  writeFileSync(
    file,
    `'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
${requires}
const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir).sort()) {
  const text = readFileSync(join(dir, f), 'utf8');
  n += ${work};
}
if (n === 0) process.exit(1);
`,
  );
  return file;
}
const yamlModule = JSON.stringify(join(root, 'node_modules', 'yaml'));
// the floors of a batch: read the answer files; read and YAML-parse them
const readFloor = floorScript('read-floor.cjs', '', 'text.length');
const parseFloor = floorScript(
  'parse-floor.cjs',
  `const { parse } = require(${yamlModule});`,
  'Object.keys(parse(text)).length',
);

// ------------------------------------------------------------------------------------------
// measuring

/** Wall milliseconds of one run; an exit code other than 0 or 1 is an error unless `anyExit`. */
function timeOnce(cmd, args, runEnv = env, anyExit = false) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    env: runEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1 && !anyExit)
    throw new Error(`${[cmd, ...args].join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs each of `commands` in turn, `runs` times (after the file system has settled, and one
 * warm-up of each), and returns each one's median.
 */
function alternate(commands, runs = RUNS) {
  settle();
  for (const c of commands) c();
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => times[k].push(c()));
  return times.map(median);
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
/** A batch into a new folder each time (so every report is written), removed at the end. */
let outputs = 0;
const newOutDir = () => join(tmp, `out-${outputs++}`);
const removeOutputs = () => {
  for (let i = 0; i < outputs; i++) rmSync(join(tmp, `out-${i}`), { recursive: true, force: true });
};

/**
 * The milliseconds from starting `argv` in a pseudo-terminal of its own (no shell, no `script`)
 * until `until` appears on it, or until it exits when `until` is null. Python's standard pty
 * module opens the terminal and starts the program directly; its own start-up is not timed.
 */
const PTY_TIMER = `
import os, pty, sys, time, re
until = sys.argv[1]
argv = sys.argv[2:]
start = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(argv[0], argv, os.environ)
out = b''
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        chunk = b''
    if not chunk:
        break
    out += chunk
    if until and re.search(until.encode(), out):
        break
elapsed = (time.monotonic() - start) * 1000
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
if until and not re.search(until.encode(), out):
    sys.exit('no ' + until + ' on the terminal: ' + out.decode(errors='replace'))
print(elapsed)
`;
const python = ['python3', 'python'].find((p) => spawnSync(p, ['--version']).status === 0);
function inTerminal(until, argv) {
  const r = spawnSync(python, ['-c', PTY_TIMER, until ?? '', ...argv], {
    env: { ...env, TERM: 'xterm' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`pty: ${r.stderr}`);
  return Number(r.stdout);
}

function peakRssKb(cmd, args) {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return Number(r.stderr.trim().split('\n').at(-1));
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

log('bench: 1. start-up: trustcheck and its peers against bare node');
const auditArgs = [bin, 'audit', '-a', single, '-f', 'json', '--fail-on', 'never'];
const peers = [
  [
    'prettier --version',
    [join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--version'],
  ],
  ['tsc --version', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--version']],
  ['eslint --version', [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--version']],
  [
    'markdownlint-cli2 --help',
    [join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '--help'],
  ],
].filter(([, [script]]) => existsSync(script));
const startup = [
  ['`trustcheck --version`', () => timeOnce(node, [bin, '--version']), 1.15],
  [
    `\`audit -a one.yaml -f json\`${nodeHasCompileCache ? ' (compile cache warm)' : ''}`,
    () => timeOnce(node, auditArgs),
    major >= 22 ? 1.4 : 1.6,
  ],
  ...(nodeHasCompileCache
    ? [['the same without the compile cache', () => timeOnce(node, auditArgs, noCache), null]]
    : []),
  // (markdownlint-cli2 has no --version; its help exits 2)
  ...peers.map(([name, args]) => [
    `peer: \`${name}\``,
    () => timeOnce(node, args, env, true),
    null,
  ]),
];
const startupTimes = alternate([nodeBare, ...startup.map(([, run]) => run)], STARTUP_RUNS);
const bare = startupTimes[0];
startup.forEach(([name, , target], i) =>
  row(
    `1. ${name} vs \`node -e 0\``,
    fmt(startupTimes[i + 1]),
    fmt(bare),
    startupTimes[i + 1] / bare,
    target,
  ),
);
const peerTimes = startupTimes.slice(1 + startup.length - peers.length);
const fastestPeer = peers.length === 0 ? null : Math.min(...peerTimes);

log('bench: 2. time to the first interactive prompt, both in a pseudo-terminal');
if (python === undefined) {
  log('  python3 is missing: the first prompt is not measured');
} else {
  const dir = join(tmp, 'pty');
  mkdirSync(dir);
  let n = 0;
  // the first peer's --version in a terminal too, for a comparison on equal terms
  const peerInPty = peers.length === 0 ? [] : [() => inTerminal(null, [node, ...peers[0][1]])];
  const [prompt, bareInPty, peerPrompt] = alternate(
    [
      () => inTerminal('\\?', [node, bin, 'audit', '--save-answers', join(dir, `a-${n++}.yaml`)]),
      () => inTerminal(null, [node, '-e', '0']),
      ...peerInPty,
    ],
    STARTUP_RUNS,
  );
  row(
    '2. first interactive prompt vs `node -e 0`',
    fmt(prompt),
    fmt(bareInPty),
    prompt / bareInPty,
    major >= 22 ? null : 1.8,
  );
  if (peerPrompt !== undefined) {
    row(
      `2b. first interactive prompt vs peer \`${peers[0][0]}\`, both in a pseudo-terminal`,
      fmt(prompt),
      fmt(peerPrompt),
      prompt / peerPrompt,
      1,
    );
  }
}
if (fastestPeer !== null) {
  row(
    "1b. scripted audit vs the fastest peer's `--version`",
    fmt(startupTimes[2]),
    fmt(fastestPeer),
    startupTimes[2] / fastestPeer,
    1,
  );
}

const perFile = [];
for (const [count, dir] of Object.entries(batches)) {
  log(`bench: 3. batch of ${count} into a new folder, beside the floors`);
  const runs = Number(count) >= 10000 ? 3 : RUNS;
  const [tc, parse, read] = alternate(
    [
      () => timeOnce(node, batchArgs(dir, newOutDir())),
      () => timeOnce(node, [parseFloor, dir]),
      () => timeOnce(node, [readFloor, dir]),
    ],
    runs,
  );
  removeOutputs();
  perFile.push({ count: Number(count), tc, parse, read });
  if (count === '1000') {
    row(
      '3. `audit --out-dir NEW` over 1,000 files vs read+`yaml.parse` floor',
      fmt(tc),
      fmt(parse),
      tc / parse,
      1.5,
    );
    row('3b. the same vs the read-only floor', fmt(tc), fmt(read), tc / read, null);
  }
}
{
  const one = perFile.find((p) => p.count === 1000);
  const two = perFile.find((p) => p.count === 2000);
  row(
    '3c. a batch of 2,000 files vs 1,000 (twice the input)',
    fmt(two.tc),
    fmt(one.tc),
    two.tc / one.tc,
    2,
  );
}

log('bench: 3d. a team audit of 25 and 50 respondents beside a single audit');
{
  // one subject, a different assessor in each file, the answers varying between respondents
  const makeTeam = (count) => {
    const dir = join(tmp, `team-${count}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) {
      const text = answerFile(i)
        .replace(/^subject: .*$/m, 'subject: "Team B.V."')
        .replace(/^# assessor: .*$/m, `assessor: "Person ${i}"\nrole: "Role ${i % 5}"`);
      writeFileSync(join(dir, `person-${String(i).padStart(3, '0')}.yaml`), text);
    }
    return dir;
  };
  const team = { 25: makeTeam(25), 50: makeTeam(50) };
  const teamArgs = (dir) => [bin, 'audit', '--team', '-a', dir, '-f', 'json', '--fail-on', 'never'];
  const [one, t25, t50] = alternate([
    () => timeOnce(node, auditArgs),
    () => timeOnce(node, teamArgs(team[25])),
    () => timeOnce(node, teamArgs(team[50])),
  ]);
  row(
    '3d. `audit --team` of 50 respondents vs 25 (twice the input)',
    fmt(t50),
    fmt(t25),
    t50 / t25,
    2,
  );
  row('3e. `audit --team` of 50 respondents vs a single audit', fmt(t50), fmt(one), t50 / one, 2);
}

log('bench: 4. peak memory of the 1,000-file batch');
{
  const a = [];
  const b = [];
  for (let i = 0; i < 3; i++) {
    a.push(peakRssKb(node, batchArgs(batches[1000], newOutDir())));
    b.push(peakRssKb(node, [parseFloor, batches[1000]]));
  }
  removeOutputs();
  if (a[0] === null) log('  /usr/bin/time is missing: peak memory not measured');
  else
    row(
      '4. peak memory of the batch vs the read+parse floor',
      `${(median(a) / 1024).toFixed(0)} MiB`,
      `${(median(b) / 1024).toFixed(0)} MiB`,
      median(a) / median(b),
      1.4,
    );
}

log('bench: 5. an HTML report vs a Markdown report of the same audit');
{
  const md = [bin, 'audit', '-a', single, '-f', 'md', '--fail-on', 'never'];
  const html = [bin, 'audit', '-a', single, '-f', 'html', '--fail-on', 'never'];
  const [h, m] = alternate([() => timeOnce(node, html), () => timeOnce(node, md)], STARTUP_RUNS);
  row('5. `audit -f html` vs `audit -f md`', fmt(h), fmt(m), h / m, 1.2);
}

log('bench: 6. summary of 1,000 JSON reports');
{
  const reports = join(tmp, 'reports-1000');
  timeOnce(node, batchArgs(batches[1000], reports));
  const reports2 = join(tmp, 'reports-2000');
  timeOnce(node, batchArgs(batches[2000], reports2));
  const jsonFloor = floorScript('json-floor.cjs', '', 'JSON.parse(text).questionnaires.length');
  const summary = (dir) => () => timeOnce(node, [bin, 'summary', dir, '-f', 'json', '--quiet']);
  const [s, parse, read, s2] = alternate([
    summary(reports),
    () => timeOnce(node, [jsonFloor, reports]),
    () => timeOnce(node, [readFloor, reports]),
    summary(reports2),
  ]);
  row('6. `summary` of 1,000 reports vs read+`JSON.parse` floor', fmt(s), fmt(parse), s / parse, 2);
  row('6b. the same vs the read-only floor', fmt(s), fmt(read), s / read, null);
  row('6c. `summary` of 2,000 reports vs 1,000', fmt(s2), fmt(s), s2 / s, 2);
}

log('bench: 7. hostile sizes: each under 1 s (<= 8x `node -e 0`), doubling at most doubles');
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
    ['7a. a 200 KB subject', subjectFile, 200],
    ['7b. 20,000 unknown keys', unknownKeys, 20000],
    ['7c. a 40,000-statement questionnaire', bigQuestionnaire, 40000],
  ]) {
    const once = make(size);
    const twice = make(size * 2);
    const [o, b, t] = alternate([() => timeAny(once), nodeBare, () => timeAny(twice)], 5);
    row(`${name} vs \`node -e 0\``, fmt(o), fmt(b), o / b, 8);
    row(`${name}: twice the input vs once`, fmt(t), fmt(o), t / o, 2);
  }
}

// ------------------------------------------------------------------------------------------
// results

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmark results',
  '',
  `Measured by \`npm run bench\`${quick ? ' (--quick)' : ''} at ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu} (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB), Node ${process.version}, ${process.platform}.`,
  `Wall times, medians of ${STARTUP_RUNS} runs for start-up (1, 2, 5) and ${RUNS} for batches and the summary (3 for 10,000 files, 5 for the hostile sizes), each command in turn with what it is compared to; ratios are trustcheck / baseline. Floors are CommonJS scripts. ${nodeHasCompileCache ? "Node's compile cache is on (warm) unless a row says otherwise." : 'This Node has no compile cache.'}`,
  '',
  '| Benchmark | trustcheck | baseline | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.subject} | ${r.baseline} | ${r.ratio.toFixed(2)} | ${r.target === null ? '' : `<= ${r.target}`} | ${r.ok} |`,
  ),
  '',
  '### Scaling of the batch audit (each run into a new folder)',
  '',
  '| Answer files | trustcheck per file | read+parse floor per file | read-only floor per file | ratio to read+parse |',
  '| --- | --- | --- | --- | --- |',
  ...perFile.map(
    (p) =>
      `| ${p.count} | ${(p.tc / p.count).toFixed(2)} ms | ${(p.parse / p.count).toFixed(2)} ms | ${(p.read / p.count).toFixed(2)} ms | ${(p.tc / p.parse).toFixed(2)} |`,
  ),
  '',
];
// an empty cell is `| |`, as markdownlint's table rule (MD060) wants it
process.stdout.write(lines.join('\n').replace(/\| {2}(?=\|)/g, '| '));
rmSync(tmp, { recursive: true, force: true });
const failed = rows.filter((r) => r.ok === 'NO');
if (failed.length > 0) log(`bench: ${failed.length} target(s) not met`);
