import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HtmlBlock } from './html-blocks.js';
import { sortHtmlBlocks } from './html-paragraphs.js';

function block(text: string, fields: Partial<HtmlBlock> = {}): HtmlBlock {
  return { text, linkDensity: 0, tag: 'P', inList: false, ...fields };
}

const PROSE = 'Police reopened the crossing at Jarinje on Sunday morning after a night of talks between local leaders.';

describe('sortHtmlBlocks', () => {
  it('drops the repeated headline and moves byline and date lines above the text to meta', () => {
    const sorted = sortHtmlBlocks([block('Crossing reopens'), block('By Jane Doe - 11/18/19 11:04 PM EST'), block('Updated Nov 19, 6:55 AM'), block(PROSE)], 'Crossing reopens');
    assert.deepEqual(sorted.paragraphs, [PROSE]);
    assert.deepEqual(sorted.meta, ['By Jane Doe - 11/18/19 11:04 PM EST', 'Updated Nov 19, 6:55 AM']);
  });

  it('takes the link titles after a "Related" line as boilerplate, until text resumes', () => {
    const sorted = sortHtmlBlocks(
      [block(PROSE), block('Related:'), block('Trucks queue at Jarinje', { linkDensity: 1, inList: true }), block('Stones and stun grenades', { linkDensity: 1, inList: true }), block(`${PROSE} Again.`)],
      null,
    );
    assert.deepEqual(sorted.paragraphs, [PROSE, `${PROSE} Again.`]);
    assert.deepEqual(sorted.boilerplate, ['Related:', 'Trucks queue at Jarinje', 'Stones and stun grenades']);
  });

  it('drops share-bar and newsletter lines that the boilerplate families know', () => {
    const sorted = sortHtmlBlocks([block(PROSE), block('Share this:'), block('Facebook Twitter Email')], null);
    assert.deepEqual(sorted.paragraphs, [PROSE]);
    assert.deepEqual(sorted.boilerplate, ['Share this:', 'Facebook Twitter Email']);
  });

  it('moves a caption line that Readability kept to the captions', () => {
    const sorted = sortHtmlBlocks([block(PROSE), block('The city of Uglii was closed earlier this year Credit: The Siberian Times')], null);
    assert.deepEqual(sorted.paragraphs, [PROSE]);
    assert.deepEqual(sorted.captions, [{ text: 'The city of Uglii was closed earlier this year', credit: 'The Siberian Times' }]);
  });

  it('keeps a dated sentence inside the text as text', () => {
    const dated = 'On 15 October a protest in Leposavić turned violent around midday.';
    const sorted = sortHtmlBlocks([block(PROSE), block(dated)], null);
    assert.deepEqual(sorted.paragraphs, [PROSE, dated]);
  });
});
