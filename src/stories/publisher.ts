/**
 * Publisher families: independence is counted by who publishes, not by article. Outlet names are
 * normalised ("Barjak Online" and "barjak.example" are one family; "BWS" and "Balkan Wire Service"
 * are one family once both have been seen).
 */

/** Words that brand an outlet's name without telling outlets apart. */
const BRAND_WORDS = new Set(['the', 'online', 'daily', 'news', 'com', 'net', 'org', 'www', 'example', 'edition', 'english']);

/** The words of an outlet name, lower-cased and without accents, brand words and a web suffix. */
export function outletWords(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !BRAND_WORDS.has(w));
}

/** The normalised key of an outlet name, or null when nothing distinctive is left. */
export function outletKey(name: string): string | null {
  const w = outletWords(name);
  return w.length === 0 ? null : w.join('-');
}

/** Initials of a multi-word outlet name ("balkan-wire-service" -> "bws"), the form agencies sign with. */
function initials(key: string): string | null {
  const parts = key.split('-');
  return parts.length >= 2 ? parts.map((p) => p[0]).join('') : null;
}

/** The host of a URL without "www.", or null. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Incremental resolver of outlet names to publisher families; remembers acronyms it has seen. */
export interface PublisherFamilies {
  /** The family key of an outlet (name or host); null input yields null. */
  resolve(outlet: string | null): string | null;
}

/** A resolver that folds an acronym ("BWS") into the multi-word name with those initials, whichever came first. */
export function createPublisherFamilies(): PublisherFamilies {
  const byInitials = new Map<string, string>();
  const acronyms = new Set<string>();
  return {
    resolve(outlet) {
      if (outlet === null) return null;
      // A host name: its first label names the outlet ("barjak.example" -> "barjak").
      const name = /^[\w-]+(\.[\w-]+)+$/.test(outlet) ? outlet.split('.')[0]! : outlet;
      const key = outletKey(name);
      if (key === null) return null;
      const ini = initials(key);
      if (ini !== null) {
        const earlier = byInitials.get(ini);
        if (earlier !== undefined) return earlier;
        // The acronym came first: keep it as the family so earlier reports stay in it.
        const family = acronyms.has(ini) ? ini : key;
        byInitials.set(ini, family);
        return family;
      }
      if (key.length >= 2 && key.length <= 6) {
        const full = byInitials.get(key);
        if (full !== undefined) return full;
        acronyms.add(key);
      }
      return key;
    },
  };
}

/** Whether two outlet names (or family keys) name one publisher: the same key, or an acronym of the other. */
export function sameOutlet(a: string, b: string): boolean {
  const ka = outletKey(a);
  const kb = outletKey(b);
  if (ka === null || kb === null) return false;
  return ka === kb || initials(ka) === kb || initials(kb) === ka;
}
