/** Paragraph blocks of an HTML subtree: the text between block boundaries, with what the paragraph pass needs to judge it. */
import { BLOCK_TAGS, INVISIBLE_TAGS, isElement, tagOf, type HtmlElement, type HtmlNode } from './html-dom.js';
import { normaliseText } from './normalise-text.js';

/** One paragraph of text as the page shows it. */
export interface HtmlBlock {
  readonly text: string;
  /** Share of the block's non-space characters inside links. */
  readonly linkDensity: number;
  /** Tag of the innermost block element holding the text (`P`, `LI`, `H2`...). */
  readonly tag: string;
  /** True when the block sits inside a list item. */
  readonly inList: boolean;
}

/** Options for {@link htmlBlocks}. */
export interface HtmlBlockOptions {
  /** Elements to leave out, with everything inside them. */
  readonly skip?: (element: HtmlElement) => boolean;
}

/**
 * The paragraphs of a subtree. Text accumulates until a block boundary, so text that sits
 * directly in a `<div>` or between `<br>`s is kept as its own paragraph instead of being lost.
 */
export function htmlBlocks(root: HtmlElement, options: HtmlBlockOptions = {}): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  let current = '';
  let linked = 0;
  const tags: string[] = [];
  let lists = 0;
  const flush = (): void => {
    const text = normaliseText(current).replace(/\s+/gu, ' ').trim();
    if (text) {
      const letters = text.replace(/\s+/gu, '').length;
      out.push({
        text,
        linkDensity: letters > 0 ? Math.min(1, linked / letters) : 0,
        tag: tags[tags.length - 1] ?? 'BODY',
        inList: lists > 0,
      });
    }
    current = '';
    linked = 0;
  };
  const walk = (node: HtmlNode, inLink: boolean): void => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i] as HtmlNode;
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        current += text;
        if (inLink) linked += text.replace(/\s+/gu, '').length;
        continue;
      }
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (INVISIBLE_TAGS.has(tag) || options.skip?.(child)) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) {
        flush();
        tags.push(tag);
        if (tag === 'LI') lists += 1;
      }
      walk(child, inLink || tag === 'A');
      // Inline elements add no space: browsers run `<b>H</b>ong` together, and so does the page's text.
      if (block) {
        flush();
        tags.pop();
        if (tag === 'LI') lists -= 1;
      }
    }
  };
  walk(root, false);
  flush();
  return out;
}
