import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { takeHtmlFurniture } from './html-boilerplate.js';
import type { HtmlDocument } from './html-dom.js';
import { layoutPage } from './html-main-text.js';

const TEXT = `<p>Residents removed the trucks that had blocked the road to the crossing on Sunday morning, police said.</p>
  <p>The barricade went up on Thursday night after police detained a local man on a warrant over an old incident.</p>`;

function take(body: string): ReturnType<typeof takeHtmlFurniture> & { left: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  const root = (document as unknown as HtmlDocument).body;
  assert.ok(root);
  return { ...takeHtmlFurniture(layoutPage(root)), left: (root.textContent ?? '').replace(/\s+/gu, ' ').trim() };
}

describe('takeHtmlFurniture', () => {
  it('takes share bars, tag lists and related-story lists out, keeping their lines', () => {
    const { boilerplate, left } = take(`<article><div class="entry-content">${TEXT}</div>
      <div class="share-bottom">Share: <a href="#">Facebook</a> <a href="#">Twitter</a></div>
      <p class="tags">Tags: <a href="/t/brnjak">Brnjak</a>, <a href="/t/kfor">KFOR</a></p>
      <div class="related-news"><h4>Related news</h4><ul><li><a href="/a">The army is ready</a></li><li><a href="/b">Bloody Saturday</a></li></ul></div>
      </article>`);
    assert.deepEqual(boilerplate, ['Share: Facebook Twitter', 'Tags: Brnjak, KFOR', 'Related news', 'The army is ready', 'Bloody Saturday']);
    assert.doesNotMatch(left, /Share|Tags|army is ready/);
    assert.match(left, /Residents removed the trucks/);
  });

  it('moves a byline block above the text to meta, without its share buttons', () => {
    const { meta, boilerplate } = take(`<article><div class="post-meta">By Courier Newsroom · <time datetime="2022-10-15T15:12">15 October 2022, 15:12</time>
      <div class="share"><a href="#">Facebook</a></div></div><div class="body">${TEXT}</div></article>`);
    assert.deepEqual(meta, ['By Courier Newsroom · 15 October 2022, 15:12']);
    assert.deepEqual(boilerplate, ['Facebook']);
  });

  it('takes a standfirst named by its class from above the text', () => {
    const { standfirst, left } = take(`<article><p class="standfirst">The authorities have only fuelled the crisis, and it is up to them to de-escalate.</p>
      <div class="body">${TEXT}</div></article>`);
    assert.equal(standfirst, 'The authorities have only fuelled the crisis, and it is up to them to de-escalate.');
    assert.doesNotMatch(left, /fuelled/);
  });

  it('keeps a linked name inside a sentence whatever its class says', () => {
    const { left } = take(`<article><p>The band <a class="auto-tag" href="/t/doobie">The Doobie Brothers</a> will reunite with a former frontman for a tour next year.</p>${TEXT}</article>`);
    assert.match(left, /The band The Doobie Brothers will reunite/);
  });

  it('takes a hover card out of a sentence but leaves the name it pops up from', () => {
    const { left } = take(`<article><p>A man threatened Rep. <span class="people"><a href="/p/omar">Ilhan Omar</a><span class="card"><span><img src="o.jpg" alt="">
      <a href="/1">Progressives oppose funding bill over surveillance</a> <a href="/2">Omar asks court for compassion</a></span></span></span> (D-Minn.), prosecutors said.</p>${TEXT}</article>`);
    assert.match(left, /threatened Rep\. Ilhan Omar \(D-Minn\.\), prosecutors said/);
    assert.doesNotMatch(left, /Progressives/);
  });

  it('never removes the element holding the article, whatever its class', () => {
    const { left } = take(`<div class="article-body has-social-share related-ready">${TEXT}</div>`);
    assert.match(left, /Residents removed the trucks/);
  });
});
