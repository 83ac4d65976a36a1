/** Worker-thread entry for the per-document pipeline (run by the ingest pool, one task per article). */
import type { Config } from '../config.js';
import type { RawArticle } from '../ingest/types.js';
import { processArticle, type ProcessResult } from './process-article.js';

export interface WorkerTask {
  readonly raw: RawArticle;
  readonly config: Config;
}

/** Processes one article; the result crosses back to the main thread by structured clone. */
export default function processTask(task: WorkerTask): Promise<ProcessResult> {
  return processArticle(task.raw, task.config);
}
