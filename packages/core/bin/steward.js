#!/usr/bin/env node
// Thin launcher so the bin works from a fresh build; the CLI lives in src/cli.
const { runCli } = await import('../dist/cli/main.js').catch((error) => {
  // A fresh clone has no dist/ until it is built: say so rather than print a module stack.
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/dist[\\/]cli[\\/]main\.js/.test(String(error.message))) throw error;
  process.stderr.write('steward: not built yet. Run npm run build in the repository first (npm start and npm run sample build it too).\n');
  process.exit(1);
});

// `steward renewals | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
