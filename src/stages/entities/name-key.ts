/**
 * Name keys: one spelling for the many ways a name reaches English news. Vučić, Vucic, Vuchich
 * and Вучић all key to "vucic", so aliases and mentions meet whatever the outlet's keyboard or
 * transliteration scheme was.
 */

// Serbian and Russian Cyrillic to Serbian Latin (the scheme whose output the folding below
// reduces further); soft and hard signs carry no sound of their own in transliteration.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ё: 'e', ж: 'ž', з: 'z', и: 'i', й: 'j',
  ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š', щ: 'šč', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'ju', я: 'ja', і: 'i', ї: 'ji', є: 'je', ґ: 'g', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

// Letters NFD does not decompose to a base letter.
const NO_DECOMPOSITION: Readonly<Record<string, string>> = { đ: 'dj', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h' };

/** Folds one word or phrase: lower case, Cyrillic to Latin, no diacritics, common digraphs merged. */
export function nameKey(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += CYRILLIC[ch] ?? ch;
  out = out.normalize('NFD').replace(/\p{M}/gu, '');
  out = out.replace(/[đłøßæœıħ]/g, (ch) => NO_DECOMPOSITION[ch] ?? ch);
  // English-style transliterations of č/ć/š/ž/х (Vuchich, Zakharova) meet the Serbian Latin forms.
  out = out.replace(/tch/g, 'c').replace(/ch/g, 'c').replace(/sh/g, 's').replace(/zh/g, 'z').replace(/kh/g, 'h');
  return out.replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();
}

/** A deterministic id part from a name: its key with anything but letters and digits as hyphens. */
export function slug(text: string): string {
  return nameKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Compares two names as people would: ignoring case, diacritics and transliteration. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
