/**
 * Prints the stories and the best-corroborated incidents the index finds in a JSONL export
 * (`sitrep export --db X > docs.jsonl`), for a person to compare with a corpus's stated truth.
 * Usage: node --import tsx src/stories/check-stories.ts docs.jsonl [more incidents to show]
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../doc/types.js';
import { createStoryIndex } from './story-index.js';

function main(path: string, top: number): void {
  const docs = readFileSync(path === '-' ? 0 : path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc);
  const index = createStoryIndex();
  for (const d of docs) index.add(d);
  const label = (id: string): string => {
    const d = index.document(id)!;
    const where = (d.origin ?? '').split('/').pop() ?? '';
    return `${id.slice(0, 8)} ${d.day ?? '(undated)'} ${d.family.padEnd(22)} ${where}${d.reprintOf ? `  [reprint of ${d.reprintOf.slice(0, 8)}]` : ''}`;
  };
  const incidents = index.incidents();
  const stories = index.stories();
  console.log(`${docs.length} documents -> ${stories.length} stories, ${incidents.length} incidents`);
  for (const s of stories) {
    console.log(`\n${s.id}  ${s.firstDay ?? '?'}..${s.lastDay ?? '?'}  ${s.title ?? ''}`);
    for (const d of s.documents) console.log(`   ${label(d)}`);
  }
  const ranked = incidents.filter((i) => i.independentConfirmations + i.sources.length > 2).sort((a, b) => b.sources.length - a.sources.length || b.reports.length - a.reports.length);
  console.log(`\nIncidents with the most sources (${ranked.length} with 2+ families):`);
  for (const i of ranked.slice(0, top)) {
    console.log(`\n${i.id} [${i.story}] ${i.type} ${i.date ? `${i.date.start}..${i.date.end}` : '?'} @ ${i.place?.name ?? '?'}  sources=${i.sources.length} confirmations=${i.independentConfirmations} reports=${i.reports.length}`);
    for (const r of i.reports.slice(0, 6)) console.log(`   ${r.certainty.padEnd(9)} ${r.family.padEnd(22)} ${r.evidence.replace(/\s+/g, ' ').slice(0, 110)}`);
    for (const c of i.contradictions) console.log(`   ! ${c.kind}: ${c.summary}`);
  }
}

main(process.argv[2] ?? '-', Number(process.argv[3] ?? 12));
