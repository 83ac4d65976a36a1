import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { HtmlDocument } from './html-dom.js';
import { takeHtmlEmbeds } from './html-embeds.js';

function take(body: string): { embeds: ReturnType<typeof takeHtmlEmbeds>; left: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  const page = document as unknown as HtmlDocument;
  const embeds = takeHtmlEmbeds(page);
  return { embeds, left: page.body?.textContent ?? '' };
}

describe('takeHtmlEmbeds', () => {
  it('reads a tweet blockquote: text, signature and status link', () => {
    const { embeds, left } = take(`<p>Before.</p><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Zubin Potok tonight. Nobody is going home. #Brnjak</p>
      &mdash; Vesti sa KiM (@vesti_sa_kima) <a href="https://twitter.com/vesti_sa_kima/status/1580000000000000001">October 13, 2022</a></blockquote><p>After.</p>`);
    assert.deepEqual(embeds, [
      {
        kind: 'tweet',
        author: '@vesti_sa_kima',
        display_name: 'Vesti sa KiM',
        date: '2022-10-13',
        text: 'Zubin Potok tonight. Nobody is going home. #Brnjak',
        url: 'https://twitter.com/vesti_sa_kima/status/1580000000000000001',
      },
    ]);
    assert.doesNotMatch(left, /Zubin Potok|vesti_sa_kima/);
    assert.match(left, /Before\.\s*After\./);
  });

  it('recognises a tweet by its status link and signature when the class is missing', () => {
    const { embeds } = take(`<blockquote><p>Queues at the crossing are 5 km long.</p>— Raška Lokal (@RaskaLokal) <a href="https://x.com/RaskaLokal/status/15">October 17, 2022</a></blockquote>`);
    assert.equal(embeds[0]?.author, '@RaskaLokal');
    assert.equal(embeds[0]?.date, '2022-10-17');
  });

  it('keeps an ordinary quotation in the text', () => {
    const { embeds, left } = take('<blockquote><p>Proportionate means, they say.</p></blockquote>');
    assert.deepEqual(embeds, []);
    assert.match(left, /Proportionate means/);
  });

  it('records video players and Telegram posts by kind and link', () => {
    const { embeds } = take(`<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Convoy on the highway"></iframe>
      <script async src="https://telegram.org/js/telegram-widget.js" data-telegram-post="kosovo_online/1234"></script>`);
    assert.deepEqual(
      embeds.map((e) => [e.kind, e.url, e.text]),
      [
        ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'Convoy on the highway'],
        ['telegram', 'https://t.me/kosovo_online/1234', ''],
      ],
    );
  });
});
