#!/usr/bin/env node
// The only place that touches the process: run main, set the exit code.
const argv = process.argv.slice(2);
process.stdout.on('error', (error) => {
  // a closed pipe (trustcheck … | head -1) ends quietly
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { version } = await import('../dist/version.js');
  process.stdout.write(`${version}\n`);
} else {
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(argv, process);
}
