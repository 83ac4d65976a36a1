#!/usr/bin/env node
// The sitrep command. Runs the compiled CLI (npm ci builds it; `npm run build` after editing src/).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sitrep: the CLI is not built yet; run `npm run build` (npm ci does it too)\n');
  process.exit(2);
}
// Output piped into `head` and the like closes early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
