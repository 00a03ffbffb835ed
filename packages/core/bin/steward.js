#!/usr/bin/env node
// Thin launcher so the bin works from a fresh build; the CLI lives in src/cli.
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
