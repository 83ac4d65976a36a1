/**
 * `sitrep geocode`: JSONL in, JSONL out. Each input line is `{id, text, published?, toponyms:
 * [{start, end}]}`; each output line is `{id, toponyms: [{start, end, name, lat, lon,
 * geonameid}]}` with null coordinates for a toponym left unresolved. With `goldSpans` the given
 * spans are resolved as they are; without, sitrep finds the toponyms itself. This is the format
 * the held-back geoparsing measurement uses.
 */
import { geocodeArticle } from '../stages/places/geocode-article.js';
import { sharedGazetteer } from '../stages/places/gazetteer.js';

/** Options for runGeocode. */
export interface GeocodeCommandOptions {
  /** Resolve the input's toponym spans (true) or recognise toponyms from the text (false). */
  readonly goldSpans: boolean;
}

/** What a run did: lines written and input lines that could not be read (each also written as an error line). */
export interface GeocodeSummary {
  readonly articles: number;
  readonly failed: number;
}

interface InputRecord {
  readonly id: unknown;
  readonly text: string;
  readonly toponyms?: readonly { readonly start: number; readonly end: number }[];
}

function parseRecord(line: string, lineNo: number): InputRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `line ${lineNo} is not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const r = value as Partial<InputRecord> | null;
  if (!r || typeof r !== 'object' || typeof r.text !== 'string') return `line ${lineNo} has no "text" string`;
  if (r.toponyms !== undefined && (!Array.isArray(r.toponyms) || r.toponyms.some((t) => typeof t?.start !== 'number' || typeof t?.end !== 'number'
    || t.start < 0 || t.end > r.text!.length || t.end < t.start))) {
    return `line ${lineNo} has toponyms that are not {start, end} ranges inside its text`;
  }
  return r as InputRecord;
}

/** Reads JSONL records from `input` and writes one geocoded JSONL record per input record to `write`. */
export async function runGeocode(input: AsyncIterable<string>, write: (line: string) => void, options: GeocodeCommandOptions): Promise<GeocodeSummary> {
  const gazetteer = sharedGazetteer();
  let articles = 0;
  let failed = 0;
  let lineNo = 0;
  for await (const raw of input) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    const record = parseRecord(line, lineNo);
    if (typeof record === 'string') {
      // Batch work goes on: the bad line becomes an error record the caller can count.
      failed++;
      write(JSON.stringify({ id: null, error: record, toponyms: [] }));
      continue;
    }
    const found = geocodeArticle(gazetteer, record.text, options.goldSpans ? { toponyms: record.toponyms ?? [] } : {});
    write(JSON.stringify({
      id: record.id ?? null,
      toponyms: found.map((t) => ({ start: t.start, end: t.end, name: t.name, lat: t.lat, lon: t.lon, geonameid: t.geonameid })),
    }));
    articles++;
  }
  return { articles, failed };
}
