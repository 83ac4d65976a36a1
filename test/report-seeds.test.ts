/**
 * Issue #6's bar, through the commands a user runs: `sitrep ingest` of the seed articles (read
 * from ../shared/seeds, never copied here) then `sitrep report --format json`. The stories must
 * partition the five files exactly as the gold's `story` fields do, and the report-against-denial
 * contradiction between 002 and 003 must be there with both sides' sources.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { docIdFromSha256 } from '../src/doc/doc-id.js';
import type { SituationReport } from '../src/report/index.js';
import { runCli } from './cli-helpers.js';

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');

/** The seed files by document id, with the story the gold gives each. */
function seedFiles(): Map<string, { prefix: string; story: string }> {
  const files = new Map<string, { prefix: string; story: string }>();
  for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    const sha256 = createHash('sha256').update(readFileSync(join(SEEDS, name))).digest('hex');
    const gold = JSON.parse(readFileSync(join(SEEDS, 'gold', name.replace(/\.txt$/, '.json')), 'utf8')) as { story: string };
    files.set(docIdFromSha256(sha256), { prefix: name.slice(0, 3), story: gold.story });
  }
  return files;
}

/** A partition as sorted, comparable groups of file prefixes. */
function partition(groups: readonly (readonly string[])[]): string[] {
  return groups.map((g) => [...g].sort().join('+')).sort();
}

describe('sitrep report on the seed articles', { skip: existsSync(SEEDS) ? false : `../shared/seeds is absent (looked in ${SEEDS})` }, () => {
  const work = mkdtempSync(join(tmpdir(), 'sitrep-report-seeds-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  test('three stories as gold has them, and the 002/003 denial contradiction with both sides sourced', async () => {
    const db = join(work, 'seeds.db');
    const ingested = await runCli(['ingest', '--db', db, SEEDS]);
    assert.equal(ingested.code, 0, ingested.stderr);
    const run = await runCli(['report', '--db', db, '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as SituationReport;
    const files = seedFiles();

    const predicted = report.stories.map((s) => s.documents.map((d) => files.get(d.id)?.prefix ?? `unknown:${d.id}`));
    const goldStories = new Map<string, string[]>();
    for (const { prefix, story } of files.values()) goldStories.set(story, [...(goldStories.get(story) ?? []), prefix]);
    assert.deepEqual(partition(predicted), partition([...goldStories.values()]));

    const prefixOf = (id: string): string | undefined => files.get(id)?.prefix;
    const denial = report.stories
      .flatMap((s) => s.incidents)
      .flatMap((i) => i.contradictions)
      .find((c) => c.kind === 'denial' && c.sides.some((side) => side.reports.some((r) => prefixOf(r.document) === '002')) && c.sides.some((side) => side.reports.some((r) => prefixOf(r.document) === '003')));
    assert.ok(denial, 'a denial contradiction between 002 and 003');
    assert.equal(denial.sides.length >= 2, true);
    for (const side of denial.sides) assert.ok(side.sources.length > 0, `side "${side.claim}" names its sources`);
  });
});
