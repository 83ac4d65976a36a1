/**
 * Actors scored against the analyst's gold for the seed articles (`../shared/seeds/gold/*.json`,
 * field `actors`): a gold actor is found when an entity span overlaps one of its mentions in the
 * cleaned text and carries the same canonical name, compared ignoring case, diacritics and
 * transliteration, and ignoring a parenthesised gloss ("Quint (France, …)" is "Quint").
 *
 *   node --import tsx eval/actors-eval.ts [shared-dir]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc } from '../src/doc/types.js';
import { findEntities, type EntitySpan } from '../src/stages/entities/entities-stage.js';
import { loadKnowledgeBase } from '../src/stages/entities/knowledge-base.js';
import { nameKey } from '../src/stages/entities/name-key.js';
import { absentMessage, cleanSeed, sharedDir } from './shared-data.js';

/** One gold actor as the gold files give it. */
export interface GoldActor {
  readonly mentions: readonly string[];
  readonly name: string;
  readonly kind: string;
  readonly role?: string;
  readonly affiliation?: string;
}

/** A gold actor the stage did not find, with what it output over the mentions instead. */
export interface ActorMiss {
  readonly name: string;
  readonly mentions: readonly string[];
  /** Names of entities that overlapped a mention but carried another name. */
  readonly got: readonly string[];
}

/** The score for one seed file. */
export interface ActorsFileResult {
  readonly file: string;
  readonly found: number;
  readonly total: number;
  readonly misses: readonly ActorMiss[];
  readonly error: string | null;
}

/** Scores for every seed file, and their sum. */
export interface ActorsResult {
  readonly files: readonly ActorsFileResult[];
  readonly found: number;
  readonly total: number;
}

/** Compares canonical names as the gold means them: folded, without a parenthesised gloss. */
export function sameActorName(gold: string, predicted: string): boolean {
  const fold = (name: string): string => nameKey(name.replace(/\s*\([^)]*\)\s*/g, ' '));
  return fold(gold) === fold(predicted);
}

/** Scores one document's entities against its gold actors. */
export function scoreActors(text: string, entities: readonly EntitySpan[], actors: readonly GoldActor[], file = ''): ActorsFileResult {
  const misses: ActorMiss[] = [];
  let found = 0;
  for (const actor of actors) {
    const got = new Set<string>();
    let hit = false;
    for (const mention of actor.mentions) {
      for (const [start, end] of occurrences(text, mention)) {
        for (const entity of entities) {
          if (entity.end <= start || entity.start >= end) continue;
          if (sameActorName(actor.name, entity.name)) hit = true;
          else got.add(entity.name);
        }
      }
    }
    if (hit) found += 1;
    else misses.push({ name: actor.name, mentions: actor.mentions, got: [...got] });
  }
  return { file, found, total: actors.length, misses, error: null };
}

/** Cleans each seed with a gold `actors` list, runs the entities stage on it and scores it. */
export function actorsEval(shared: string = sharedDir()): ActorsResult {
  const seeds = join(shared, 'seeds');
  const goldDir = join(seeds, 'gold');
  if (!existsSync(goldDir)) throw new Error(absentMessage(goldDir, 'the actors evaluation'));
  const kb = loadKnowledgeBase();
  const files: ActorsFileResult[] = [];
  for (const name of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as { file: string; actors?: GoldActor[] };
    const actors = gold.actors ?? [];
    const doc = cleanSeed(join(seeds, gold.file));
    if (typeof doc === 'string') {
      files.push({ file: gold.file, found: 0, total: actors.length, misses: actors.map((a) => ({ name: a.name, mentions: a.mentions, got: [] })), error: doc });
      continue;
    }
    files.push(scoreActors(doc.text, findEntities(doc.text, kb), actors, gold.file));
  }
  return { files, found: files.reduce((s, f) => s + f.found, 0), total: files.reduce((s, f) => s + f.total, 0) };
}

/** A readable report: the total, then each file's misses. */
export function formatActorsReport(result: ActorsResult): string {
  const pct = result.total === 0 ? 0 : (100 * result.found) / result.total;
  const lines = [`actors: ${result.found}/${result.total} gold actors found with the right name (${pct.toFixed(1)}%)`];
  for (const file of result.files) {
    lines.push(`  ${file.file}: ${file.found}/${file.total}${file.error ? ` (clean failed: ${file.error})` : ''}`);
    for (const miss of file.misses) {
      lines.push(`    missed ${miss.name} [${miss.mentions.join(' | ')}]${miss.got.length ? ` got: ${miss.got.join(', ')}` : ''}`);
    }
  }
  return lines.join('\n');
}

function occurrences(text: string, mention: string): [number, number][] {
  const out: [number, number][] = [];
  const lower = text.toLowerCase();
  const needle = mention.toLowerCase();
  for (let at = lower.indexOf(needle); at !== -1 && needle.length > 0; at = lower.indexOf(needle, at + 1)) out.push([at, at + needle.length]);
  return out;
}


if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const shared = process.argv[2] ?? sharedDir();
  if (!existsSync(join(shared, 'seeds', 'gold'))) {
    console.log(absentMessage(join(shared, 'seeds', 'gold'), 'the actors evaluation'));
  } else {
    console.log(formatActorsReport(actorsEval(shared)));
  }
}
