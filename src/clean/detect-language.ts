/** Language identification for articles that do not declare one (franc's trigram models). */
import { franc } from 'franc';
import { iso6393 } from 'iso-639-3';
import languages from '../../data/languages.json' with { type: 'json' };

/** ISO 639-3 → ISO 639-1 where a two-letter code exists, so detected and declared codes agree. */
const TWO_LETTER: ReadonlyMap<string, string> = new Map(
  iso6393.filter((language) => language.iso6391).map((language) => [language.iso6393, language.iso6391 as string]),
);

/**
 * franc names some individual languages of a macrolanguage (Tosk Albanian `als`, Mandarin `cmn`);
 * people and HTML `lang` use the macrolanguage's code, so these map to it.
 */
const MACROLANGUAGE: ReadonlyMap<string, string> = new Map([
  ['als', 'sq'], ['aln', 'sq'], ['cmn', 'zh'], ['arb', 'ar'], ['pes', 'fa'], ['zlm', 'ms'],
  ['ekk', 'et'], ['lvs', 'lv'], ['uzn', 'uz'], ['swh', 'sw'], ['npi', 'ne'], ['ydd', 'yi'], ['khk', 'mn'],
]);

/** Below this many letters trigram statistics say little; such texts stay unlabelled. */
const MIN_LETTERS = 40;
/** Enough text to decide; more only costs time. */
const SAMPLE_CHARS = 600;

/** The language of `text` as an ISO 639-1 code (639-3 where no 639-1 exists), or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return null;
  const code = franc(sample, { minLength: MIN_LETTERS, only: languages.candidates });
  if (code === 'und') return null;
  return MACROLANGUAGE.get(code) ?? TWO_LETTER.get(code) ?? code;
}
