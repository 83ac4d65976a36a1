/** Text normalisation shared by every input format, before any segmentation. */

/**
 * Unicode NFC, LF line ends, no BOM, no-break and other odd spaces folded to a plain space,
 * zero-width characters and C0/C1 control characters removed (PostgreSQL cannot store U+0000, and
 * none of them is text), lone surrogates replaced, trailing spaces cut. Leading indentation is kept: it can carry
 * comment nesting.
 */
export function normaliseText(input: string): string {
  return input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[ \t]+$/gm, '');
}

/** Splits normalised text into paragraphs at blank lines; each paragraph trimmed, empties dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n+/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim().replace(/ {2,}/g, ' '))
        .filter((line) => line.length > 0)
        .join('\n'),
    )
    .filter((block) => block.length > 0);
}
