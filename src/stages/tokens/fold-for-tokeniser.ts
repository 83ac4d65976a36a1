/**
 * A same-length, diacritic-folded copy of a text for wink-nlp, whose tokeniser splits words at
 * letters outside Latin-1 (`Vu|č|i|ć`, `Leposavi|ć`). Folding one UTF-16 unit to one unit keeps
 * every offset into the copy an offset into the original, so tokens are sliced from the original.
 */

// The fold table is derived from Unicode's own decompositions (NFD base letter) rather than
// listed by hand; the few Latin letters with no decomposition (đ, ħ, ł, ø, ...) are added below.
const NO_DECOMPOSITION: Readonly<Record<string, string>> = {
  'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'Ł': 'L', 'ł': 'l', 'Ø': 'O', 'ø': 'o',
  'Ŧ': 'T', 'ŧ': 't', 'ı': 'i', 'Ŋ': 'N', 'ŋ': 'n', 'Ɖ': 'D', 'ɖ': 'd', 'ß': 's',
};

// Latin-1 Supplement letters through Latin Extended-B, plus Latin Extended Additional (Vietnamese).
const RANGES: readonly (readonly [number, number])[] = [[0x00c0, 0x024f], [0x1e00, 0x1eff]];

function buildTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const [from, to] of RANGES) {
    for (let code = from; code <= to; code += 1) {
      const ch = String.fromCharCode(code);
      const base = ch.normalize('NFD').charCodeAt(0);
      if (base < 0x80 && /[A-Za-z]/.test(String.fromCharCode(base))) table.set(code, base);
    }
  }
  for (const [ch, ascii] of Object.entries(NO_DECOMPOSITION)) table.set(ch.charCodeAt(0), ascii.charCodeAt(0));
  return table;
}

const TABLE = buildTable();

/** The text with accented Latin letters folded to ASCII, unit for unit (same length, same offsets). */
export function foldForTokeniser(text: string): string {
  // Fast path: most English text has no letter to fold.
  let first = -1;
  for (let i = 0; i < text.length; i += 1) {
    if (TABLE.has(text.charCodeAt(i))) {
      first = i;
      break;
    }
  }
  if (first < 0) return text;
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    codes[i] = i < first ? code : (TABLE.get(code) ?? code);
  }
  // Decode in chunks: String.fromCharCode with too many arguments overflows the stack.
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}
