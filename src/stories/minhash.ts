/**
 * MinHash signatures over word shingles and LSH banding, for finding near-copies (wire copy,
 * a blog republishing an agency piece) without comparing a new document with every stored one.
 *
 * Hand-written: no maintained npm package does MinHash + LSH without pulling in a vector store,
 * and the whole technique is some sixty lines.
 */

/** How signatures are made; every document in one index must use the same settings. */
export interface MinHashSettings {
  /** Words per shingle. Five survives re-wording of single words yet rarely matches unrelated text. */
  readonly shingleWords: number;
  /** LSH bands × rows = signature length. */
  readonly bands: number;
  readonly rows: number;
  readonly seed: number;
}

/**
 * 64 bands of 2 rows: a pair at Jaccard 0.3 (a wire story wrapped in a blog's commentary) becomes a
 * candidate with probability ~0.998, while unrelated news (Jaccard ~0) almost never does.
 */
export const defaultMinHashSettings: MinHashSettings = { shingleWords: 5, bands: 64, rows: 2, seed: 0x5eed };

/** A document's signature and how many distinct shingles it had (needed to estimate containment). */
export interface Signature {
  readonly hashes: Uint32Array;
  readonly shingles: number;
}

/** Lower-cased words of a text (letters and digits in any script), the unit shingles are made of. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Distinct word shingles of a text; a text shorter than one shingle is one shingle. */
export function shingles(text: string, size: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length === 0) return out;
  if (w.length < size) {
    out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + size <= w.length; i++) out.add(w.slice(i, i + size).join(' '));
  return out;
}

/** 32-bit FNV-1a: a fast, well-spread string hash; cryptographic strength is not needed here. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a seeded PRNG so that signatures are the same on every run and machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const coefficientCache = new Map<string, { readonly a: Uint32Array; readonly b: Uint32Array }>();

function coefficients(settings: MinHashSettings): { readonly a: Uint32Array; readonly b: Uint32Array } {
  const n = settings.bands * settings.rows;
  const key = `${settings.seed}:${n}`;
  let c = coefficientCache.get(key);
  if (!c) {
    const next = mulberry32(settings.seed);
    const a = new Uint32Array(n);
    const b = new Uint32Array(n);
    // Odd multipliers keep each hash function a bijection on 32-bit integers.
    for (let i = 0; i < n; i++) {
      a[i] = next() | 1;
      b[i] = next();
    }
    c = { a, b };
    coefficientCache.set(key, c);
  }
  return c;
}

/** Final avalanche (murmur3 fmix32), so that the affine hash family behaves like independent permutations. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a text. */
export function minhash(text: string, settings: MinHashSettings = defaultMinHashSettings): Signature {
  const set = shingles(text, settings.shingleWords);
  const { a, b } = coefficients(settings);
  const n = a.length;
  const hashes = new Uint32Array(n).fill(0xffffffff);
  for (const s of set) {
    const x = fnv1a(s);
    for (let i = 0; i < n; i++) {
      const h = mix((Math.imul(a[i]!, x) + b[i]!) >>> 0);
      if (h < hashes[i]!) hashes[i] = h;
    }
  }
  return { hashes, shingles: set.size };
}

/** Estimated Jaccard similarity of two signatures' shingle sets. */
export function estimateJaccard(x: Signature, y: Signature): number {
  if (x.shingles === 0 || y.shingles === 0) return 0;
  let same = 0;
  for (let i = 0; i < x.hashes.length; i++) if (x.hashes[i] === y.hashes[i]) same++;
  return same / x.hashes.length;
}

/**
 * Estimated share of the smaller text's shingles found in the larger one. A blog that quotes a wire
 * story whole and adds as much commentary has Jaccard ~0.5 but containment ~1: containment is
 * what makes it a reprint.
 */
export function estimateContainment(x: Signature, y: Signature): number {
  const j = estimateJaccard(x, y);
  const small = Math.min(x.shingles, y.shingles);
  if (small === 0) return 0;
  // |A∩B| = J(|A|+|B|)/(1+J); divided by the smaller set.
  return Math.min(1, (j * (x.shingles + y.shingles)) / (1 + j) / small);
}

/** LSH band keys of a signature: documents sharing any key are candidate near-copies. */
export function bandKeys(signature: Signature, settings: MinHashSettings = defaultMinHashSettings): string[] {
  const keys: string[] = [];
  for (let band = 0; band < settings.bands; band++) {
    let key = `${band}`;
    for (let r = 0; r < settings.rows; r++) key += `:${signature.hashes[band * settings.rows + r]!.toString(36)}`;
    keys.push(key);
  }
  return keys;
}

/**
 * LSH band keys as numbers (band index times 2^32 plus a 32-bit mix of the band's rows): the same
 * buckets as {@link bandKeys} up to rare collisions, which containment checks weed out, without
 * building a string per band.
 */
export function bandHashes(signature: Signature, settings: MinHashSettings = defaultMinHashSettings): number[] {
  const keys: number[] = new Array<number>(settings.bands);
  for (let band = 0; band < settings.bands; band++) {
    let h = 0x9e3779b9;
    for (let r = 0; r < settings.rows; r++) h = mix((h ^ signature.hashes[band * settings.rows + r]!) >>> 0) ^ Math.imul(r + 1, 0x85ebca6b);
    keys[band] = band * 4294967296 + (h >>> 0);
  }
  return keys;
}
