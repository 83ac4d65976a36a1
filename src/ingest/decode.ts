/**
 * Bytes to text: which character encoding, decided how.
 *
 * Order of evidence, strongest first:
 *   1. `forced`: the user said so (`--encoding`); nothing overrides it.
 *   2. A byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE).
 *   3. UTF-16 without a BOM, recognised by NUL bytes in every other position.
 *   4. Valid UTF-8. Legacy single-byte text almost never forms valid multi-byte UTF-8 sequences,
 *      so valid UTF-8 wins at once, even over a declaration (servers that say "iso-8859-1" for a
 *      UTF-8 page are common). Also kept as UTF-8: text cut inside its last character, and text
 *      whose non-ASCII sequences are overwhelmingly valid UTF-8 with a few stray bytes.
 *   5. A declaration (HTTP Content-Type, then `<meta charset>` / `http-equiv` in the first 2 KiB,
 *      then an XML declaration's `encoding`),
 *      kept unless its decoding is clearly worse than the best guess (bytes the charset does not
 *      define, or text much less plausible than another candidate).
 *   6. Detection among legacy single-byte candidates.
 *
 * Detection (step 6). chardet is right on long texts but unreliable on a line or two (measured:
 * a Serbian windows-1251 sentence comes back as windows-1252 first, with windows-1255 close
 * behind). So each candidate decoding of the first 64 KiB is scored by how plausible it looks as
 * text, and chardet's confidence is added with a weight n / (n + 150), n the number of non-ASCII
 * bytes: about 0.03 for one line, above 0.75 for a long article, where chardet's statistics mean
 * something. Only words with non-ASCII characters carry evidence (all candidates agree on ASCII).
 *   - Per word, penalties: C0/C1 controls or U+FFFD (bytes the candidate leaves undefined); two
 *     scripts in one word (Cyrillic with Latin); a non-ASCII symbol touching a letter ("Zve©anu",
 *     "©ta", box-drawing characters from KOI8-R); a lower-case letter followed by an upper-case
 *     one ("рНКХЖХЪ": KOI8-R and windows-1251 swap the upper- and lower-case Cyrillic ranges); a
 *     Latin word made mostly of accented letters (Cyrillic bytes read as windows-1250); a
 *     Cyrillic word of three letters or more with no vowel ("КФОР" read as "йтнп").
 *   - Alphabet coverage, for the whole text and averaged per word: the largest share of the
 *     non-ASCII letters that one language's alphabet holds. windows-1252 reads Croatian "č ć" as
 *     "è æ", which no alphabet holds together with "š ž"; windows-1250 reads Cyrillic as a spray
 *     of accents from a dozen alphabets.
 *   - Cyrillic letter frequency: the share of the ten most frequent Cyrillic letters, counted
 *     twice. A wrong Cyrillic table permutes letters, so frequent letters become rare ones; this
 *     is what tells an all-caps headline in one encoding from lower case in the other.
 *   - Case: running text is mostly lower case; a text whose non-ASCII letters are mostly upper
 *     case loses a little (enough to break a tie, not to outvote the frequency signal).
 *   - Priors, small, for one-word ties: the alphabets of the region sitrep is built for (South
 *     Slavic, Albanian, Cyrillic) count in full and others at 0.9; KOI8-R, rare today next to
 *     windows-1251, starts 0.1 behind.
 * Candidates are fixed (windows-1250, ISO-8859-2, windows-1251, KOI8-R, windows-1252) plus
 * chardet's own first choice when it has at least 16 non-ASCII bytes and 50% confidence. On random
 * one- to eight-word phrases in Serbian, Russian, Croatian and Albanian in these encodings, 3 of
 * 15,000 came out wrong, all two or three short lower-case Cyrillic words read as capitals in the
 * other Cyrillic table ("у због" as "С ГАНЦ"); decode.test.ts measures this and holds it under 1%.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Decoded text, the encoding it was decoded from, and how that encoding was decided. */
export interface Decoded {
  readonly text: string;
  /** Canonical lower-case name, e.g. "utf-8", "windows-1251", "koi8-r". */
  readonly encoding: string;
  /** "forced", "bom", "utf-8 valid", "declared", "declared in <meta>", "chardet", "chardet+script-check", ... */
  readonly method: string;
}

/** Hints for decodeBytes: what the source declares, or what the user forces. */
export interface DecodeOptions {
  /** A charset declared by the source (HTTP Content-Type); a `<meta>` declaration is found by itself. */
  readonly declared?: string | undefined;
  /** A charset the user forces; must be supported (see isSupportedEncoding). */
  readonly forced?: string | undefined;
}

/** The single-byte encodings tried when nothing else decides; order breaks exact ties. */
const LEGACY_CANDIDATES = ['windows-1250', 'iso-8859-2', 'windows-1251', 'koi8-r', 'windows-1252'] as const;

/** Labels people and servers use, mapped to one canonical name (after WHATWG's encoding labels). */
const ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  utf16: 'utf-16le',
  'utf-16': 'utf-16le',
  unicode: 'utf-16le',
  ucs2: 'utf-16le',
  'ucs-2': 'utf-16le',
  cp1250: 'windows-1250',
  'x-cp1250': 'windows-1250',
  'win-1250': 'windows-1250',
  cp1251: 'windows-1251',
  'x-cp1251': 'windows-1251',
  'win-1251': 'windows-1251',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  // WHATWG: documents labelled Latin-1 or ASCII are decoded as windows-1252, a superset.
  'iso-8859-1': 'windows-1252',
  iso88591: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  'iso-8859-2': 'iso-8859-2',
  iso88592: 'iso-8859-2',
  'iso_8859-2': 'iso-8859-2',
  'iso8859-2': 'iso-8859-2',
  latin2: 'iso-8859-2',
  l2: 'iso-8859-2',
  koi8r: 'koi8-r',
  koi8: 'koi8-r',
  'koi8_r': 'koi8-r',
  'iso-8859-5': 'iso-8859-5',
  'iso8859-5': 'iso-8859-5',
  'iso_8859-5': 'iso-8859-5',
  cyrillic: 'iso-8859-5',
};

/** Canonical lower-case name for an encoding label, or null when iconv-lite cannot decode it. */
export function canonicalEncoding(label: string): string | null {
  const key = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (key === '') return null;
  const name = ALIASES[key] ?? key;
  return iconv.encodingExists(name) ? name : null;
}

/** True when `label` names an encoding decodeBytes can decode. */
export function isSupportedEncoding(label: string): boolean {
  return canonicalEncoding(label) !== null;
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

/**
 * A charset declared by `<meta charset>` or `<meta http-equiv="Content-Type" content="...;charset=">`
 * in the first 2 KiB (a simplified form of the HTML prescan: attributes in any order, any quoting).
 */
export function charsetFromHtmlMeta(bytes: Uint8Array): string | undefined {
  // ASCII-compatible view: latin1 maps bytes one-to-one, and every declaration is ASCII.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  for (const tag of head.matchAll(/<meta\b([^>]*)>?/gi)) {
    const attributes = tag[1] ?? '';
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(attributes);
    if (direct && !/\bcontent\s*=/i.test(attributes.slice(0, direct.index))) return direct[1];
    if (/\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(attributes)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(attributes) ?? /\bcontent\s*=\s*([^\s>]+)/i.exec(attributes);
      const charset = charsetFromContentType(content?.[2] ?? content?.[1]);
      if (charset) return charset;
    }
  }
  return undefined;
}

/** The encoding named by an XML declaration (`<?xml version="1.0" encoding="windows-1251"?>`) at the start. */
export function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256)).toString('latin1');
  return /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}

/** Decodes bytes to text, choosing the encoding as described at the top of this file. Never throws on any bytes. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  // 1. forced
  if (options.forced !== undefined) {
    const name = canonicalEncoding(options.forced);
    if (name === null) throw new RangeError(`Unknown encoding "${options.forced}": iconv-lite cannot decode it`);
    return { text: decodeAs(stripBom(bytes, name), name), encoding: name, method: 'forced' };
  }
  // 2. BOM
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.name), encoding: bom.name, method: 'bom' };
  // 3. UTF-16 without BOM (checked first: ASCII in UTF-16 is also valid UTF-8, NULs and all)
  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16, method: 'utf-16 nul pattern' };
  // 4. UTF-8
  const utf8 = utf8Verdict(bytes);
  if (utf8 === 'valid') return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', method: 'utf-8 valid' };
  if (utf8 === 'truncated') return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', method: 'utf-8 valid (cut inside its last character)' };
  if (utf8 === 'mostly') return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', method: 'utf-8 mostly valid (stray bytes replaced)' };
  // 5 and 6. declarations and detection, scored together
  return detectLegacy(bytes, options.declared);
}

/** Candidate decodings of a legacy single-byte text, scored; returns the best with how it won. */
function detectLegacy(bytes: Uint8Array, declaredOption: string | undefined): Decoded {
  const declarations: { readonly name: string; readonly method: string }[] = [];
  const fromOption = declaredOption === undefined ? null : canonicalEncoding(declaredOption);
  if (fromOption) declarations.push({ name: fromOption, method: 'declared' });
  const metaLabel = charsetFromHtmlMeta(bytes);
  const fromMeta = metaLabel === undefined ? null : canonicalEncoding(metaLabel);
  if (fromMeta && fromMeta !== fromOption) declarations.push({ name: fromMeta, method: 'declared in <meta>' });
  const xmlLabel = charsetFromXmlDeclaration(bytes);
  const fromXml = xmlLabel === undefined ? null : canonicalEncoding(xmlLabel);
  if (fromXml && fromXml !== fromOption && fromXml !== fromMeta) declarations.push({ name: fromXml, method: 'declared in <?xml?>' });

  // Scoring a sample is enough to choose; decoding all of a large input five times is not needed.
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const nonAscii = countNonAscii(sample);
  const matches = safeAnalyse(sample);
  const chardetScore = new Map<string, number>();
  for (const match of matches) {
    const name = canonicalEncoding(match.name);
    if (name !== null && !chardetScore.has(name)) chardetScore.set(name, match.confidence / 100);
  }
  const chardetTop = matches.map((m) => canonicalEncoding(m.name)).find((n): n is string => n !== null && isSingleByte(n));

  const names = new Set<string>(LEGACY_CANDIDATES);
  // chardet's own pick joins only with some evidence behind it: on a word or two it guesses wildly.
  if (chardetTop && nonAscii >= 16 && (chardetScore.get(chardetTop) ?? 0) >= 0.5) names.add(chardetTop);
  for (const d of declarations) if (isSingleByte(d.name)) names.add(d.name);

  // chardet's statistics mean little on a few bytes; its weight grows with the non-ASCII count.
  const chardetWeight = nonAscii / (nonAscii + 150);
  const scored = [...names].map((name) => {
    const text = decodeAs(sample, name);
    const score = plausibilityOf(text) + (ENCODING_PRIOR[name] ?? 0) + chardetWeight * (chardetScore.get(name) ?? 0);
    return { name, text, score, bad: countBadCharacters(text) };
  });
  const best = scored.reduce((a, b) => (b.score > a.score + 1e-9 ? b : a));
  const full = (name: string, text: string): string => (sample.length === bytes.length ? text : decodeAs(bytes, name));

  for (const declaration of declarations) {
    // A BOM or the NUL pattern would have caught real UTF-16/32, and invalid UTF-8 is not UTF-8.
    if (declaration.name.startsWith('utf-')) continue;
    const candidate = scored.find((s) => s.name === declaration.name);
    if (candidate) {
      // Kept unless clearly worse: more bytes the charset leaves undefined, or much less plausible text.
      if (candidate.bad <= best.bad && candidate.score >= best.score - DECLARATION_MARGIN) {
        return { text: full(candidate.name, candidate.text), encoding: candidate.name, method: declaration.method };
      }
    } else {
      // A multi-byte legacy charset (Shift_JIS, GB18030, ...) is not scored; it is believed if it decodes cleanly.
      const text = decodeAs(bytes, declaration.name);
      if (countBadCharacters(text) <= best.bad) return { text, encoding: declaration.name, method: declaration.method };
    }
  }
  const rejected = declarations.length > 0 ? ` (declared ${declarations.map((d) => d.name).join(', ')} rejected)` : '';
  const method = best.name === chardetTop ? 'chardet' : 'chardet+script-check';
  return { text: full(best.name, best.text), encoding: best.name, method: method + rejected };
}

/** Bytes scored when choosing among legacy encodings. */
const SAMPLE_BYTES = 64 * 1024;

/** KOI8-R is rare today next to windows-1251; on a word or two that is worth a little. */
const ENCODING_PRIOR: Readonly<Record<string, number>> = { 'koi8-r': -0.1 };

/** How far below the best score a declared charset may be and still be believed. */
const DECLARATION_MARGIN = 0.35;

function safeAnalyse(bytes: Uint8Array): readonly { readonly name: string; readonly confidence: number }[] {
  try {
    return chardet.analyse(bytes);
  } catch {
    // chardet is a heuristic; if it fails on odd input the script check decides alone.
    return [];
  }
}

function isSingleByte(name: string): boolean {
  return /^(windows-12\d\d|iso-8859-\d+|koi8-[ru]|cp\d+|mac\w*|windows-874)$/.test(name);
}

function decodeAs(bytes: Uint8Array, name: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, { stripBOM: false });
}

function stripBom(bytes: Uint8Array, name: string): Uint8Array {
  const bom = bomEncoding(bytes);
  return bom && bom.name === name ? bytes.subarray(bom.length) : bytes;
}

/** The encoding a byte-order mark announces, and the mark's length. */
export function bomEncoding(bytes: Uint8Array): { readonly name: string; readonly length: number } | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { name: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { name: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { name: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { name: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { name: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: mostly-Latin text leaves a NUL in every other byte. Needs a few hundred
 * bytes of evidence so that a binary file with scattered NULs is not mistaken for it.
 */
export function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  let controls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = sample / 2;
  // The non-NUL half must look like text (ASCII printable or whitespace) for the pattern to count.
  const textHalf = oddNul > evenNul ? 0 : 1;
  for (let i = textHalf; i < sample; i += 2) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls += 1;
  }
  if (controls > pairs * 0.05) return null;
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Is this UTF-8? "valid": every sequence is well formed (pure ASCII included). "truncated": valid
 * except an incomplete sequence at the very end (a file or response cut short). "mostly": at least
 * four well-formed multi-byte sequences and at most one stray byte per twenty of them (a UTF-8 text
 * with a few bytes pasted in from elsewhere). "no" otherwise.
 */
function utf8Verdict(bytes: Uint8Array): 'valid' | 'truncated' | 'mostly' | 'no' {
  let good = 0;
  let bad = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      i += 1;
      continue;
    }
    const length = b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
    if (length === 0) {
      bad += 1;
      i += 1;
      continue;
    }
    let ok = true;
    let end = i + 1;
    for (; end < i + length; end += 1) {
      if (end >= n) {
        // Ran out of bytes inside a sequence that was well formed so far. Only UTF-8 evidence
        // earlier in the text makes this "cut short" rather than a legacy letter at the end.
        if (bad === 0 && good > 0) return 'truncated';
        ok = false;
        break;
      }
      const bk = bytes[end] ?? 0;
      // Second-byte limits exclude overlongs, surrogates and code points past U+10FFFF.
      const [lo, hi] = end === i + 1 ? secondByteRange(b0) : [0x80, 0xbf];
      if (bk < lo || bk > hi) {
        ok = false;
        break;
      }
    }
    if (ok) {
      good += 1;
      i += length;
    } else {
      bad += 1;
      i += 1;
    }
  }
  if (bad === 0) return 'valid';
  if (good >= 4 && bad * 20 <= good) return 'mostly';
  return 'no';
}

function secondByteRange(b0: number): readonly [number, number] {
  if (b0 === 0xe0) return [0xa0, 0xbf];
  if (b0 === 0xed) return [0x80, 0x9f];
  if (b0 === 0xf0) return [0x90, 0xbf];
  if (b0 === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

function countNonAscii(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte >= 0x80) count += 1;
  return count;
}

/** Controls other than ordinary whitespace, C1 controls, and U+FFFD (a byte the charset leaves undefined). */
const BAD_CHARACTERS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/gu;

function countBadCharacters(text: string): number {
  return text.match(BAD_CHARACTERS)?.length ?? 0;
}

/** Punctuation that may touch a word: quotes, dashes, ellipsis, soft and non-breaking hyphens. */
const WORD_EDGE_PUNCTUATION = new Set('„“”‘’‚«»‹›–—…\u00ad\u2011');

/**
 * Non-ASCII lower-case letters of the alphabets sitrep expects, one string per language. Small
 * enough to live here; they are alphabets, not a lexicon. The prior favours the languages of the
 * region sitrep is built for, so that a one-word tie ("Jović" in windows-1250 reads as "Joviæ" in
 * windows-1252, and æ is a Danish letter) resolves toward them; longer texts are decided by the
 * other signals and by chardet.
 */
const ALPHABETS: readonly { readonly letters: ReadonlySet<string>; readonly prior: number }[] = [
  ['абвгдђежзијклљмнњопрстћуфхцчџш', 1], // Serbian Cyrillic
  ['абвгдѓежзѕијклљмнњопрстќуфхцчџш', 1], // Macedonian
  ['абвгдеёжзийклмнопрстуфхцчшщъыьэюя', 1], // Russian
  ['абвгдежзийклмнопрстуфхцчшщъьюя', 1], // Bulgarian
  ['абвгґдеєжзиіїйклмнопрстуфхцчшщьюя', 1], // Ukrainian
  ['čćđšž', 1], // Serbian/Croatian/Bosnian/Montenegrin Latin
  ['čšž', 1], // Slovenian
  ['çë', 1], // Albanian
  ['ąćęłńóśźż', 0.9], // Polish
  ['áčďéěíňóřšťúůýž', 0.9], // Czech
  ['áäčďéíĺľňóôŕšťúýž', 0.9], // Slovak
  ['áéíóöőúüű', 0.9], // Hungarian
  ['ăâîșțşţ', 0.9], // Romanian
  ['äöüß', 0.9], // German
  ['àâæçéèêëîïôœùûüÿ', 0.9], // French
  ['àèéìíîòóùú', 0.9], // Italian
  ['áéíñóúü', 0.9], // Spanish
  ['áâãàçéêíóôõú', 0.9], // Portuguese
  ['çğıöşü', 0.9], // Turkish
  ['æøå', 0.9], // Danish, Norwegian
  ['åäö', 0.9], // Swedish, Finnish
].map(([letters, prior]) => ({ letters: new Set(String(letters).normalize('NFC')), prior: Number(prior) }));

/** The ten most frequent Cyrillic letters in Russian and Serbian running text. */
const FREQUENT_CYRILLIC = new Set('оеаинтсрвл');

/**
 * How plausible a decoding looks as natural-language text; higher is better (about -5 to 4).
 * Only words with non-ASCII characters carry evidence: every candidate is ASCII-compatible.
 */
function plausibilityOf(text: string): number {
  let words = 0;
  let badness = 0;
  let upper = 0;
  let lower = 0;
  let cyrillic = 0;
  let frequentCyrillic = 0;
  const letters = new Map<string, number>();
  let wordCoverageSum = 0;
  let wordsWithLetters = 0;

  for (const word of text.split(/[\s"'()[\]{}<>,.;:!?/\\|=+*&^%$#@~`_-]+/u)) {
    if (!/[^\x00-\x7f]/.test(word)) continue;
    words += 1;
    const bad = word.match(BAD_CHARACTERS)?.length ?? 0;
    if (bad > 0) {
      badness += 3 + bad;
      continue;
    }
    let latin = 0;
    let latinAccented = 0;
    let cyr = 0;
    let other = 0;
    let caseBreaks = 0;
    let symbolInside = false;
    const wordLetters = new Map<string, number>();
    let previous: 'upper' | 'lower' | 'none' = 'none';
    const chars = [...word];
    chars.forEach((ch, index) => {
      if (/\p{L}/u.test(ch)) {
        if (/\p{Script=Latin}/u.test(ch)) {
          latin += 1;
          if (ch > '\x7f') latinAccented += 1;
        } else if (/\p{Script=Cyrillic}/u.test(ch)) cyr += 1;
        else other += 1;
        const isUpper = ch !== ch.toLowerCase();
        const isLower = ch !== ch.toUpperCase();
        if (isLower && ch > '\x7f') lower += 1;
        if (isUpper && ch > '\x7f') upper += 1;
        if (isUpper && previous === 'lower') caseBreaks += 1;
        previous = isUpper ? 'upper' : isLower ? 'lower' : previous;
        if (ch > '\x7f') {
          const folded = ch.toLowerCase();
          letters.set(folded, (letters.get(folded) ?? 0) + 1);
          wordLetters.set(folded, (wordLetters.get(folded) ?? 0) + 1);
          if (/\p{Script=Cyrillic}/u.test(ch)) {
            cyrillic += 1;
            if (FREQUENT_CYRILLIC.has(folded)) frequentCyrillic += 1;
          }
        }
      } else if (ch > '\x7f' && /[\p{S}\p{P}\p{No}]/u.test(ch) && !WORD_EDGE_PUNCTUATION.has(ch)) {
        // A non-ASCII symbol touching a letter ("Zve©anu", "©ta", "о╝е") is a wrongly mapped letter.
        if (/\p{L}/u.test(chars[index - 1] ?? '') || /\p{L}/u.test(chars[index + 1] ?? '')) symbolInside = true;
      }
    });
    if (wordLetters.size > 0) {
      wordCoverageSum += coverageOf(wordLetters, { prior: false });
      wordsWithLetters += 1;
    }
    const scripts = (latin > 0 ? 1 : 0) + (cyr > 0 ? 1 : 0) + (other > 0 ? 1 : 0);
    if (scripts > 1) badness += 2;
    if (other > 0) badness += 0.5;
    if (symbolInside) badness += 2;
    if (caseBreaks > 0) badness += 1;
    if (latin >= 3 && latinAccented * 2 > latin) badness += 1.5;
    // Cyrillic words need vowels; a wrong Cyrillic table often leaves none ("КФОР" read as "йтнп").
    if (cyr >= 3 && !/[аеиоуыэюяёіїє]/iu.test(word)) badness += 1;
  }
  if (words === 0) return 0;

  const cased = upper + lower;
  // Running text is mostly lower case; a short all-caps headline costs a little, not a lot.
  const upperPenalty = cased > 0 && upper > lower ? (upper - lower) / cased : 0;

  // Letters should come from one alphabet, in the whole text and (for texts mixing languages, such
  // as an Albanian report naming a Serbian official) within each word.
  const coverage = coverageOf(letters, { prior: true }) + (wordsWithLetters > 0 ? wordCoverageSum / wordsWithLetters : 0);
  const frequentShare = cyrillic >= 4 ? frequentCyrillic / cyrillic : 0.5;

  return coverage + 2 * frequentShare - badness / words - upperPenalty * 0.5;
}

/**
 * The largest share of these letter counts that one alphabet covers, in [0, 1], optionally weighted
 * by the alphabet's prior (only for the whole text: per word, the prior would outvote real
 * evidence, e.g. French "très" read as "trčs" in a Croatian-looking way).
 */
function coverageOf(letters: ReadonlyMap<string, number>, options: { readonly prior: boolean }): number {
  let total = 0;
  for (const count of letters.values()) total += count;
  if (total === 0) return 0;
  let best = 0;
  for (const { letters: alphabet, prior } of ALPHABETS) {
    let covered = 0;
    for (const [letter, count] of letters) if (alphabet.has(letter)) covered += count;
    best = Math.max(best, ((options.prior ? prior : 1) * covered) / total);
  }
  return best;
}
