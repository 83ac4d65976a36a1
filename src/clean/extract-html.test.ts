import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractHtml } from './extract-html.js';

const PARAGRAPHS = [
  'Residents of Zubin Potok removed the trucks and an excavator that had blocked the road to the crossing on Sunday morning.',
  'The barricade went up on Thursday night, after police detained a local truck driver on a warrant over a 2019 incident.',
  'Traffic at Jarinje, which had taken the traffic diverted from the closed crossing since Friday, was returning to normal.',
  'KFOR said the mission welcomed the reopening of the crossing and the restraint shown by all sides over the weekend.',
];

const PAGE = `<!doctype html><html lang="en"><head><title>Crossing reopens | UraMost</title>
  <meta property="og:title" content="Brnjak crossing reopens after court orders house arrest">
  <meta property="og:site_name" content="UraMost"></head>
<body>
<div class="consent">UraMost uses cookies. <a href="/cookies">Read more</a></div>
<nav><a href="/">News</a> <a href="/north">North</a></nav>
<article>
  <h1>Brnjak crossing reopens after court orders house arrest</h1>
  <p class="byline">By Arta Bajrami · <time datetime="2022-10-16T15:40:00+02:00">16 October 2022, 15:40</time></p>
  <div class="share-top"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
  <div class="article-body">
    <p>${PARAGRAPHS[0]}</p>
    <figure><img src="road.jpg" alt=""><figcaption>The regional road near the dam on Sunday morning. <span class="credit">Photo: UraMost / Jelena Kostić</span></figcaption></figure>
    <p>${PARAGRAPHS[1]}</p>
    <blockquote class="twitter-tweet"><p lang="en" dir="ltr">The road is open again. Trucks are moving. #Brnjak</p>&mdash; Sever Info (@sever_info_kim) <a href="https://twitter.com/sever_info_kim/status/1581000000000000002">October 16, 2022</a></blockquote>
    <p>${PARAGRAPHS[2]}</p>
    <p>${PARAGRAPHS[3]}</p>
    <p>Read more:</p>
    <ul><li><a href="/a">Trucks queue for kilometres at Jarinje</a></li><li><a href="/b">Leposavić: stones and stun grenades</a></li></ul>
  </div>
  <p class="tags">Tags: <a href="/t/zubin-potok">Zubin Potok</a>, <a href="/t/brnjak">Brnjak</a></p>
</article>
<section class="reader-voices"><h3>Reader voices (3)</h3>
  <div class="rv-item"><p class="rv-who"><b>Dejan Z.</b> <span class="rv-when">16/10/2022 16:02</span></p><p class="rv-text">Finally some reporting that talks to people.</p>
    <div class="rv-item rv-answer"><p class="rv-who"><b>Fatime K.</b> <span class="rv-when">16/10/2022 16:30</span></p><p class="rv-text">Agree with you.</p></div></div>
  <div class="rv-item"><p class="rv-who"><b>veterinar_zp</b> <span class="rv-when">16/10/2022 18:44</span></p><p class="rv-text">And in a month we will be on the road again.</p></div>
</section>
<footer><p>&copy; 2022 UraMost</p></footer>
</body></html>`;

describe('extractHtml', () => {
  const extracted = extractHtml(PAGE);

  it('keeps exactly the article paragraphs in the body', () => {
    assert.equal(extracted.title, 'Brnjak crossing reopens after court orders house arrest');
    assert.deepEqual(extracted.paragraphs, PARAGRAPHS);
  });

  it('parses reader comments whose markup does not say comment, with depth and parent', () => {
    assert.deepEqual(
      extracted.comments?.map((c) => [c.author, c.posted, c.depth, c.parent, c.text]),
      [
        ['Dejan Z.', '2022-10-16T16:02', 0, null, 'Finally some reporting that talks to people.'],
        ['Fatime K.', '2022-10-16T16:30', 1, 0, 'Agree with you.'],
        ['veterinar_zp', '2022-10-16T18:44', 0, null, 'And in a month we will be on the road again.'],
      ],
    );
  });

  it('keeps the caption with its credit, and the tweet, as structured data', () => {
    assert.deepEqual(extracted.captions, [{ text: 'The regional road near the dam on Sunday morning.', credit: 'UraMost / Jelena Kostić' }]);
    assert.deepEqual(extracted.embeds?.map((e) => [e.kind, e.author, e.display_name, e.date, e.text]), [
      ['tweet', '@sever_info_kim', 'Sever Info', '2022-10-16', 'The road is open again. Trucks are moving. #Brnjak'],
    ]);
  });

  it('puts the byline in meta and share bars, related links, tags and banners in boilerplate', () => {
    assert.deepEqual(extracted.meta, ['By Arta Bajrami · 16 October 2022, 15:40']);
    const boilerplate = extracted.boilerplate ?? [];
    for (const line of ['Facebook Twitter', 'Read more:', 'Trucks queue for kilometres at Jarinje', 'Tags: Zubin Potok, Brnjak', 'Reader voices (3)']) {
      assert.ok(boilerplate.includes(line), `boilerplate should hold "${line}": ${JSON.stringify(boilerplate)}`);
    }
  });

  it('reads the page metadata', () => {
    assert.equal(extracted.outlet?.name, 'UraMost');
    assert.equal(extracted.language, 'en');
  });

  it('still gives a body when Readability finds no article', () => {
    const tiny = extractHtml('<html><body><div><span>Crossing closed until further notice, police say.</span></div></body></html>');
    assert.deepEqual(tiny.paragraphs, ['Crossing closed until further notice, police say.']);
    const tableOnly = extractHtml(`<html><body><table><tr><td>${PARAGRAPHS[0]}</td></tr><tr><td>${PARAGRAPHS[1]}</td></tr></table></body></html>`);
    assert.ok(tableOnly.paragraphs.join(' ').includes('Residents of Zubin Potok'));
  });

  it('never throws, on arbitrary strings or on a page cut off anywhere (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const result = extractHtml(input);
        assert.ok(Array.isArray(result.paragraphs));
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PAGE.length }), (cut) => {
        const result = extractHtml(PAGE.slice(0, cut));
        assert.ok(Array.isArray(result.paragraphs));
        // Once the first paragraph has been written out whole, the body is never empty.
        if (cut > PAGE.indexOf(PARAGRAPHS[0] as string) + 200) assert.ok(result.paragraphs.length > 0);
      }),
      { numRuns: 120 },
    );
  });

  it('never throws on markup-heavy random input (property)', () => {
    const tag = fc.constantFrom('<p>', '</p>', '<div class="comment">', '</div>', '<figure>', '<figcaption>', '<blockquote class="twitter-tweet">', '<time datetime="2022-10-16T16:02">', '<li class="comment depth-2">', '<section class="reader-voices">', '<a href="#">', '</a>', '<br>', '<script>', '</script>', '<!--', '-->');
    const word = fc.constantFrom('Police', 'said', '16/10/2022 16:02', '— Name (@handle) October 16, 2022', 'Photo: X', '(', ')', '&amp;', '&#0;', '\u0000');
    fc.assert(
      fc.property(fc.array(fc.oneof(tag, word), { maxLength: 80 }), (parts) => {
        const result = extractHtml(parts.join(' '));
        assert.ok(Array.isArray(result.paragraphs));
      }),
      { numRuns: 150 },
    );
  });
});
