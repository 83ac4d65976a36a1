/** `sitrep` from the TypeScript sources, for tests that need the CLI as a separate process. */
import { main } from '../src/cli/main.js';

process.exitCode = await main(process.argv);
