/**
 * The paragraph-level pass over Readability's output: what its block scoring keeps but an analyst
 * would not call article text. Boilerplate families (data/boilerplate.json) and link lists after a
 * "Related"/"Read more" line go to boilerplate, leftover caption lines to captions, byline and date
 * lines above the text to meta. Everything else stays, in order.
 */
import type { Caption } from '../doc/types.js';
import { matchBoilerplate } from './boilerplate-families.js';
import { findDate, findStamp } from './clock-stamps.js';
import { splitCredit } from './html-captions.js';
import type { HtmlBlock } from './html-blocks.js';

/** Readability's blocks sorted into what they are. */
export interface SortedBlocks {
  readonly paragraphs: readonly string[];
  readonly boilerplate: readonly string[];
  readonly meta: readonly string[];
  readonly captions: readonly Caption[];
}

/** A link title after a "Related" line is short; the first longer block is text again. */
const MAX_LINK_TITLE = 160;
/** Byline and date lines are short. */
const MAX_META_LINE = 160;
/** A caption line left in the text is no longer than a long caption. */
const MAX_CAPTION_LINE = 300;

const BYLINE_LEAD = /^(?:by|posted|published|updated|written by|last updated|first published)\b/iu;

/** Sorts Readability's blocks; `title` is dropped where the page repeats it above the text. */
export function sortHtmlBlocks(blocks: readonly HtmlBlock[], title: string | null): SortedBlocks {
  const paragraphs: string[] = [];
  const boilerplate: string[] = [];
  const meta: string[] = [];
  const captions: Caption[] = [];
  let afterFooter = false;

  for (const block of blocks) {
    const text = block.text;
    const beforeText = paragraphs.length === 0;
    // 1. The headline repeated above the text.
    if (beforeText && title !== null && text === title) continue;

    // 2. Boilerplate families; a "Related"/"Read more" line starts a run of link titles.
    const family = matchBoilerplate(text);
    if (family) {
      boilerplate.push(text);
      afterFooter = family.role === 'footer';
      continue;
    }
    if (afterFooter) {
      if ((block.linkDensity >= 0.5 || block.inList) && text.length <= MAX_LINK_TITLE) {
        boilerplate.push(text);
        continue;
      }
      afterFooter = false;
    }

    // 3. Byline and date lines above the text.
    if (beforeText && isMetaLine(text)) {
      meta.push(text);
      continue;
    }

    // 4. Caption lines Readability kept: a trailing photo credit gives them away.
    if (text.length <= MAX_CAPTION_LINE) {
      const caption = splitCredit(text);
      if (caption.credit !== null) {
        captions.push(caption);
        continue;
      }
    }
    paragraphs.push(text);
  }
  return { paragraphs, boilerplate, meta, captions };
}

/** `By Jane Doe - 11/18/19 11:04 PM EST`, `Updated Nov 19, 6:55 AM`, `Published 1 day ago`, `D. Stanković | 17.10.2022. 12:20`. */
function isMetaLine(text: string): boolean {
  if (text.length > MAX_META_LINE || /[.!?…"”]$/u.test(text) && !/\b(?:[ap]\.m|\p{Lu})\.$/u.test(text)) return false;
  if (BYLINE_LEAD.test(text)) return true;
  const dated = findStamp(text) !== null || findDate(text) !== null || /\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b/iu.test(text);
  return dated && text.split(/\s+/u).length <= 14;
}
