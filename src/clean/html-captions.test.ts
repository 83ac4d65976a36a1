import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { splitCredit, takeHtmlCaptions } from './html-captions.js';
import type { HtmlDocument } from './html-dom.js';
import { layoutPage } from './html-main-text.js';

const TEXT = `<p>Residents removed the trucks that had blocked the road to the crossing on Sunday morning, police said.</p>
  <p>The barricade went up on Thursday night after police detained a local man on a warrant over an old incident.</p>`;

function take(body: string): ReturnType<typeof takeHtmlCaptions> & { left: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  const root = (document as unknown as HtmlDocument).body;
  assert.ok(root);
  return { ...takeHtmlCaptions(layoutPage(root)), left: root.textContent ?? '' };
}

describe('takeHtmlCaptions', () => {
  it('takes a figcaption with a nested credit element out of the text', () => {
    const { captions, left } = take(`<article>${TEXT}<figure><img src="a.jpg" alt="">
      <figcaption>Trucks parked across the road on Friday morning <span class="credit">Photo: Barjak Online / N. Ristić</span></figcaption>
      </figure></article>`);
    assert.deepEqual(captions, [{ text: 'Trucks parked across the road on Friday morning', credit: 'Barjak Online / N. Ristić' }]);
    assert.doesNotMatch(left, /Trucks parked|Ristić/);
  });

  it('reads a credit printed at the end of the caption text, and collapses a caption printed twice', () => {
    const caption = '<div class="wp-caption"><img src="b.jpg" alt=""><p class="wp-caption-text">Police at the municipal building (Photo: Kosovo Police)</p></div>';
    const { captions } = take(`<article>${caption}${TEXT}${caption}</article>`);
    assert.deepEqual(captions, [{ text: 'Police at the municipal building', credit: 'Kosovo Police' }]);
  });

  it('keeps a figure that holds more than a picture, taking only its caption', () => {
    const { captions, left } = take(`<article>${TEXT}<figure class="pull"><blockquote><p>We are not leaving this road until he is free, whatever they say in Pristina.</p></blockquote>
      <figcaption>A resident at the barricade</figcaption></figure></article>`);
    assert.deepEqual(captions, [{ text: 'A resident at the barricade', credit: null }]);
    assert.match(left, /We are not leaving this road/);
  });

  it('leaves a site footer classed copyright alone: a credit counts only beside an image', () => {
    const { captions, left } = take(`<article>${TEXT}</article><footer><p class="copyright">© 2022 Example Herald</p></footer>`);
    assert.deepEqual(captions, []);
    assert.match(left, /Example Herald/);
  });
});

describe('splitCredit', () => {
  const cases: readonly [string, string, string | null][] = [
    ['Beijing Chaoyang Hospital, where patients sought treatment Credit: EPA', 'Beijing Chaoyang Hospital, where patients sought treatment', 'EPA'],
    ['Protesters do not want Hong Kong to lose its autonomy (Image: GETTY)', 'Protesters do not want Hong Kong to lose its autonomy', 'GETTY'],
    ['A worker loads door trims outside a store in Hialeah, Fla. (AP Photo/Alan Diaz, File)', 'A worker loads door trims outside a store in Hialeah, Fla.', 'AP Photo/Alan Diaz, File'],
    ['An artist’s illustration of a plume © NASA/ESA', 'An artist’s illustration of a plume', 'NASA/ESA'],
    ['Photo: Damian Dovarganes, AP', '', 'Damian Dovarganes, AP'],
    ['Police said four people were arrested on Saturday.', 'Police said four people were arrested on Saturday.', null],
  ];
  for (const [input, text, credit] of cases) {
    it(`splits "${input.slice(0, 40)}…" into text and credit`, () => {
      assert.deepEqual(splitCredit(input), { text, credit });
    });
  }
});
