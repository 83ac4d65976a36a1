import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { HtmlDocument, HtmlElement } from './html-dom.js';
import { inProse, largestTextCluster, layoutPage } from './html-main-text.js';

function layoutOf(body: string): ReturnType<typeof layoutPage> {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  const root = (document as unknown as HtmlDocument).body;
  assert.ok(root);
  return layoutPage(root);
}

const SHORT_ARTICLE = '<div class="story">Police closed the crossing at Jarinje on Friday night after shots were fired at a patrol near Zubin Potok.</div>';
const LONG_FOOTER = `<div class="footer-bottom-text"><p>${'The Example Post customer service centre can be reached by telephone or by email for any question about subscriptions. '.repeat(2)}</p></div>`;

describe('layoutPage', () => {
  it('finds a short article over a longer footer notice', () => {
    const layout = layoutOf(`${SHORT_ARTICLE}${LONG_FOOTER}`);
    assert.equal(layout.main?.getAttribute('class'), 'story');
  });

  it('widens the main text to the cluster that holds all its paragraphs, not the page around it', () => {
    const layout = layoutOf(`<nav><a href="/">Home</a> <a href="/w">World</a> <a href="/s">Sport</a></nav>
      <div class="article"><p class="lede">A lede paragraph that sits above the body of the article text.</p>
      <div class="body"><p>Police reopened the crossing at Jarinje on Sunday morning after talks.</p><p>Traffic resumed slowly, with long queues of trucks on both sides of it.</p></div></div>`);
    assert.equal(layout.main?.getAttribute('class'), 'body');
    assert.equal(largestTextCluster(layout)?.getAttribute('class'), 'article');
  });
});

describe('inProse', () => {
  it('tells a link inside a sentence from a field in a short line of fields', () => {
    const layout = layoutOf(`<p>The band <a class="auto-tag" href="#">The Doobie Brothers</a> will reunite with a former frontman next year.</p>
      <div class="info"><span class="date">07:15 GMT 16.10.2022</span> <span class="updated">(Updated: 09:02)</span></div>`);
    const find = (selector: string): HtmlElement => {
      const element = Array.from(layout.root.querySelectorAll(selector))[0];
      assert.ok(element);
      return element;
    };
    assert.equal(inProse(layout, find('a.auto-tag')), true);
    assert.equal(inProse(layout, find('span.date')), false);
  });
});
