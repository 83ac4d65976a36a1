/** Runs the CLI in process with captured output, for end-to-end tests. */
import { PassThrough } from 'node:stream';
import { main } from '../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `sitrep <args…>` in this process and captures what it prints. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await main(['node', 'sitrep', ...args], { out, err });
  return { code, stdout, stderr };
}
