/** Locates files shipped with the package (examples/, data/), from source or from the build. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding sitrep's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'sitrep') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find sitrep's package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
