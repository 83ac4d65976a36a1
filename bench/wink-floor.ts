/**
 * "The floor": how long wink-nlp takes just to tokenise a set of texts. The ingest bench reports
 * its own time beside this, since no pipeline that reads every token can beat a tokeniser.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** What the floor measured. */
export interface WinkFloor {
  readonly texts: number;
  readonly tokens: number;
  /** UTF-8 bytes of the texts. */
  readonly bytes: number;
  readonly seconds: number;
  readonly tokensPerSecond: number;
  readonly mbPerSecond: number;
}

/** Options of {@link measureWinkFloor}. */
export interface WinkFloorOptions {
  /** Texts tokenised before timing starts, to let V8 optimise the tokeniser; default 200. */
  readonly warmupTexts?: number;
}

type Tokeniser = ReturnType<typeof winkNLP>;
let tokeniser: Tokeniser | null = null;

/** Tokenises every text once with wink-nlp (after a warm-up) and reports the time taken. */
export function measureWinkFloor(texts: Iterable<string>, options: WinkFloorOptions = {}): WinkFloor {
  // 1. Materialise first, so generating or reading the texts is not timed.
  const all = Array.isArray(texts) ? (texts as readonly string[]) : Array.from(texts);
  let bytes = 0;
  for (const text of all) bytes += Buffer.byteLength(text, 'utf8');

  // 2. An empty pipe makes readDoc run the tokeniser and nothing else (no sentence splitting,
  //    POS, NER, negation or sentiment): wink's fastest tokenisation-only path. Model loading is
  //    done once per process and is not part of the floor.
  tokeniser ??= winkNLP(model, []);
  const nlp = tokeniser;

  // 3. Warm up on a slice of the same texts.
  const warmup = Math.min(all.length, options.warmupTexts ?? 200);
  let sink = 0;
  for (let i = 0; i < warmup; i += 1) sink += nlp.readDoc(all[i] as string).tokens().length();

  // 4. The timed pass.
  let tokens = 0;
  const started = process.hrtime.bigint();
  for (const text of all) tokens += nlp.readDoc(text).tokens().length();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Keep the warm-up's result observable so it cannot be optimised away.
  if (sink < 0) throw new Error('unreachable');

  return {
    texts: all.length,
    tokens,
    bytes,
    seconds,
    tokensPerSecond: seconds > 0 ? tokens / seconds : 0,
    mbPerSecond: seconds > 0 ? bytes / 1e6 / seconds : 0,
  };
}
