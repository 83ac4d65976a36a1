/**
 * Where the evaluation data lives: `../shared` beside the repository. Nothing in it is copied into
 * the repository (the seeds and benchmark pages belong to others, and part of each benchmark is
 * held back), so every scorer reads it from here at run time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanArticle } from '../src/clean/clean-article.js';
import { packageRoot } from '../src/cli/package-root.js';
import type { Doc } from '../src/doc/types.js';

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

/** Reads a seed the way ingest would (bytes, sha256, UTF-8) and cleans it; a string says why it failed. */
export function cleanSeed(path: string): Doc | string {
  if (!existsSync(path)) return `${displayPath(path)} is absent`;
  const bytes = readFileSync(path);
  try {
    const result = cleanArticle({
      format: 'text',
      content: new TextDecoder('utf-8').decode(bytes),
      origin: {
        path: displayPath(path),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        // The file's modification time stands in for the read time: stable from run to run.
        fetched: statSync(path).mtime.toISOString(),
      },
      meta: {},
      warnings: [],
    });
    return result.ok ? result.doc : `${result.code}: ${result.message}`;
  } catch (error) {
    // A throw is a bug in cleaning; the other seeds are still scored.
    return `threw: ${(error as Error).message}`;
  }
}
