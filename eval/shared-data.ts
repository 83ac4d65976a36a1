/**
 * Where the evaluation data lives: `../shared` beside the repository. Nothing in it is copied into
 * the repository (the seeds and benchmark pages belong to others, and part of each benchmark is
 * held back), so every scorer reads it from here at run time.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../src/cli/package-root.js';

/** The repository root, found from package.json so it is the same from eval/ and from dist/eval/. */
export const REPO_ROOT = packageRoot();

/** The shared data folder: `<repo>/../shared`. */
export function sharedDir(): string {
  return join(REPO_ROOT, '..', 'shared');
}

/** A path inside the shared folder, or null when it is absent. */
export function sharedPath(root: string, ...segments: readonly string[]): string | null {
  const path = join(root, ...segments);
  return existsSync(path) ? path : null;
}

/** How to name a shared path in messages: relative to the repository, as people would type it. */
export function displayPath(path: string): string {
  return relative(REPO_ROOT, path) || '.';
}

/** The message a skipped test or an unrun evaluation gives when its data is missing. */
export function absentMessage(path: string, what: string): string {
  return `${displayPath(path)} is absent; ${what} did not run`;
}
