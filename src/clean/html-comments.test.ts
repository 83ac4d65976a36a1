import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { takeHtmlComments } from './html-comments.js';
import type { HtmlDocument } from './html-dom.js';
import { layoutPage } from './html-main-text.js';
import { hasRole } from './html-markup.js';

const ARTICLE = `<article><h1>Barricade removed near the dam</h1>
  <p>Residents removed the trucks that had blocked the road to the crossing on Sunday morning, police said.</p>
  <p>The barricade went up on Thursday night after police detained a local man on a warrant over a 2019 incident.</p>
  <p>Traffic at the other crossing was returning to normal on Sunday afternoon, according to drivers waiting there.</p>
</article>`;

function take(body: string): { comments: ReturnType<typeof takeHtmlComments>['comments']; boilerplate: readonly string[]; left: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  const page = document as unknown as HtmlDocument;
  const root = page.body;
  assert.ok(root);
  // As extractHtml lays pages out: the article is looked for outside containers classed as comments.
  const taken = takeHtmlComments(layoutPage(root, (element) => hasRole(element, 'comments')));
  return { ...taken, left: root.textContent ?? '' };
}

describe('takeHtmlComments', () => {
  it('parses a section whose markup says comments, nesting replies by their containers', () => {
    const { comments, boilerplate, left } = take(`${ARTICLE}
      <div id="comments" class="comments-area"><h3>2 Responses</h3>
        <ol class="comment-list">
          <li class="comment depth-1" id="comment-1">
            <div class="comment-author"><cite class="fn">Rebel_Oak</cite> <span class="says">says:</span></div>
            <div class="comment-meta"><a href="#comment-1">October 15, 2022 at 10:24 pm</a></div>
            <p>Funny how it is never proportionate.</p>
            <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
            <ol class="children"><li class="comment depth-2" id="comment-2">
              <div class="comment-author"><cite class="fn">JennyInOhio</cite> <span class="says">says:</span></div>
              <div class="comment-meta"><a href="#comment-2">October 15, 2022 at 10:51 pm</a></div>
              <p>Same people, same script.</p>
            </li></ol>
          </li>
        </ol>
        <p class="comment-notes">Your email address will not be published.</p>
      </div>`);
    assert.deepEqual(comments, [
      { author: 'Rebel_Oak', display_name: null, posted: '2022-10-15T22:24', quotes: null, likes: null, text: 'Funny how it is never proportionate.', depth: 0, parent: null },
      { author: 'JennyInOhio', display_name: null, posted: '2022-10-15T22:51', quotes: null, likes: null, text: 'Same people, same script.', depth: 1, parent: 0 },
    ]);
    assert.ok(boilerplate.includes('2 Responses'));
    assert.doesNotMatch(left, /Funny how|Responses/);
    assert.match(left, /Residents removed the trucks/);
  });

  it('finds a section by shape when the markup does not say comment, with times from <time> and likes', () => {
    const { comments, left } = take(`${ARTICLE}
      <section class="reader-voices"><h3>Reader voices (3)</h3>
        <div class="rv-item" data-id="5512">
          <p class="rv-who"><b>Dejan Z.</b> <time datetime="2022-10-16T16:02:00+02:00">16/10/2022 16:02</time></p>
          <p class="rv-text">Finally some reporting that talks to people instead of shouting.</p>
          <p class="rv-tools"><span class="rv-up">▲ 22</span> <a href="#">Answer</a></p>
          <div class="rv-item rv-answer" data-id="5519" data-parent="5512">
            <p class="rv-who"><b>Fatime K.</b> <span class="rv-when">16/10/2022 16:30</span></p>
            <p class="rv-text">Agree. We also want to know what really happened.</p>
          </div>
        </div>
        <div class="rv-item" data-id="5530">
          <p class="rv-who"><b>veterinar_zp</b> <span class="rv-when">16/10/2022 18:44</span></p>
          <p class="rv-text">House arrest for 30 days and then what?</p>
        </div>
      </section>`);
    assert.deepEqual(
      comments.map((c) => [c.author, c.posted, c.depth, c.parent, c.likes, c.text]),
      [
        ['Dejan Z.', '2022-10-16T16:02', 0, null, 22, 'Finally some reporting that talks to people instead of shouting.'],
        ['Fatime K.', '2022-10-16T16:30', 1, 0, null, 'Agree. We also want to know what really happened.'],
        ['veterinar_zp', '2022-10-16T18:44', 0, null, null, 'House arrest for 30 days and then what?'],
      ],
    );
    assert.doesNotMatch(left, /Reader voices|veterinar/);
  });

  it('threads a flat list by reply references and level classes, and names the quoted author', () => {
    const { comments } = take(`${ARTICLE}
      <div class="discussion" id="disc">
        <div class="msg lvl0" id="m1"><div class="msg-who"><a class="nick" href="#">Kapitan</a> <span class="realname">(Andrei)</span>
          <span class="msg-time">17 October 2022 09: 14</span></div><div class="msg-text">Signal, not more.</div><div class="msg-rate">+9</div></div>
        <div class="msg lvl1" id="m2" data-reply-to="m1"><div class="msg-who"><a class="nick" href="#">Tigr_76</a>
          <span class="msg-time">17 October 2022 09: 40</span></div>
          <div class="msg-text"><span class="quote">Quote: Kapitan<br>Signal, not more.</span>Also signals sometimes work.</div></div>
        <div class="msg lvl2" id="m3"><div class="msg-who"><a class="nick" href="#">Kapitan</a>
          <span class="msg-time">17 October 2022 10: 02</span></div><div class="msg-text">For one month.</div></div>
      </div>`);
    assert.deepEqual(
      comments.map((c) => [c.author, c.display_name, c.depth, c.parent, c.quotes, c.likes, c.text]),
      [
        ['Kapitan', 'Andrei', 0, null, null, 9, 'Signal, not more.'],
        ['Tigr_76', null, 1, 0, 'Kapitan', null, 'Also signals sometimes work.'],
        ['Kapitan', null, 2, 1, null, null, 'For one month.'],
      ],
    );
  });

  it('reads a header that prints date and time with a dash between them', () => {
    const { comments } = take(`${ARTICLE}
      <div class="post-comments"><ul><li class="comment"><div class="comment-head"><span class="author">Stephanie</span>
        <span class="date">September 17, 2014 - 1:01 pm</span></div><div class="comment-text"><p>We also fill our bottles.</p></div></li></ul></div>`);
    assert.deepEqual(comments.map((c) => [c.author, c.posted, c.text]), [['Stephanie', '2014-09-17T13:01', 'We also fill our bottles.']]);
  });

  it('leaves a list of story teasers alone, though each has a byline and a date', () => {
    const teaser = (n: number): string => `<li class="card"><h4><a href="/s${n}">Story number ${n} about the border crossing</a></h4>
      <span class="by">Jane Doe</span> <time datetime="2022-10-1${n}T10:00">1${n}.10.2022 10:00</time><p>A summary of story ${n}, not linked.</p></li>`;
    const { comments, left } = take(`${ARTICLE}<ul class="more">${teaser(1)}${teaser(2)}${teaser(3)}</ul>`);
    assert.deepEqual(comments, []);
    assert.match(left, /Story number 2/);
  });

  it('does not take dated, signed items that stand before the article text', () => {
    const item = (n: number): string => `<div class="entry"><b>Reporter ${n}</b> <span>1${n}.10.2022 10:0${n}</span><p>Update number ${n} from the scene.</p></div>`;
    const { comments } = take(`<div class="updates">${item(1)}${item(2)}${item(3)}</div>${ARTICLE}`);
    assert.deepEqual(comments, []);
  });

  it('keeps an article whose container is classed like a discussion but holds no comments', () => {
    const { comments, left } = take(`<div class="discussion-paper">${ARTICLE.replace('<article>', '<div class="text">').replace('</article>', '</div>')}</div>
      <div class="box"><p>Subscribe to our morning briefing from the north, delivered to your inbox every day.</p></div>
      <div class="comments"><p>Comments are closed.</p></div>`);
    assert.deepEqual(comments, []);
    assert.match(left, /Residents removed the trucks/);
    assert.doesNotMatch(left, /Comments are closed/);
  });

  it('never treats the element holding the article as a comment section', () => {
    const { comments, left } = take(`<div class="page comments-open">${ARTICLE}</div>`);
    assert.deepEqual(comments, []);
    assert.match(left, /Residents removed the trucks/);
  });
});
