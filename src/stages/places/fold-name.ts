/**
 * Folds a place name to the key the gazetteer is indexed by, so that the spellings news copy
 * actually uses meet: "Zvečan", "Zvecan", "Zvechan", "Звечан" all fold to "zvecan".
 */

// Serbian/Russian/Ukrainian/Bulgarian Cyrillic to a plain Latin spelling; the digraph folds
// below then merge it with the Serbian Latin and English transliterations.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', е: 'e', ё: 'e', є: 'e', ж: 'zh', з: 'z', и: 'i',
  і: 'i', ї: 'i', й: 'y', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', ћ: 'c', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', џ: 'dz', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ґ: 'g', ѓ: 'g', ќ: 'k', ѕ: 'dz',
};

// Letters NFD does not decompose.
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  đ: 'dj', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd', ı: 'i', ħ: 'h',
};

const ASCII = /^[\x00-\x7f]*$/;
const COMBINING = /[\u0300-\u036f]/g;
const MAPPED = new RegExp(`[${[...Object.keys(CYRILLIC), ...Object.keys(LATIN_EXTRA)].join('')}]`, 'g');
const PLAIN = /^[a-gik-y0-9]+(?: [a-gik-y0-9]+)*$/;

/** The index key for a name: lowercase, no diacritics, Latin, transliteration digraphs merged. */
export function foldName(name: string): string {
  // Most names are plain ASCII, which neither NFD nor the letter tables change: the gazetteer
  // folds some 600k names at load, so skipping the per-character pass matters.
  let out = name.toLowerCase();
  // Lower-case words of letters other than h, j and z, single-spaced: no punctuation, spacing or
  // digraph fold below applies (every digraph has an h, j or z), so the name is its own key.
  if (PLAIN.test(out)) return out;
  if (!ASCII.test(out)) {
    // Combining marks go (č -> c, ë -> e), then Cyrillic and the letters NFD leaves whole map.
    out = out.normalize('NFD').replace(COMBINING, '').replace(MAPPED, (ch) => CYRILLIC[ch] ?? LATIN_EXTRA[ch]!);
  }
  return out
    .replace(/[’'`.]/g, '')
    .replace(/[-‐–—_/,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // English, German and French renderings of the same Slavic sounds: Zhitkovac, Zvechan,
    // Leposavich, Djakovica, Tschetschenien all meet their native spellings.
    .replace(/tsch/g, 'c')
    .replace(/sch/g, 's')
    .replace(/[cs]h|zh|dj|dz|gj|kh/g, (d) => (d === 'gj' ? 'd' : d === 'kh' ? 'h' : d[0] === 'd' ? 'd' : d[0]!))
    .replace(/tch/g, 'c');
}

/** True when a folded key is written only in (folded) Latin letters, digits and spaces. */
export function isLatinKey(key: string): boolean {
  return /^[a-z0-9 ]+$/.test(key);
}
