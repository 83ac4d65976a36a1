/**
 * Embedded posts of an HTML page: tweets (`blockquote.twitter-tweet`, or any blockquote signed
 * `— Name (@handle) date` with a status link), Instagram and TikTok blockquotes, Telegram widgets,
 * and video players (YouTube, Vimeo, Facebook). Each becomes an Embed and leaves the page, so the
 * body keeps the article's own words and the embed stays traceable as its own evidence.
 */
import type { Embed } from '../doc/types.js';
import { findDate } from './clock-stamps.js';
import { htmlBlocks } from './html-blocks.js';
import { tagOf, textOf, type HtmlDocument, type HtmlElement } from './html-dom.js';

const SIGNATURE = /^(?<text>[\s\S]*?)\s*[—–-]\s*(?<name>[^()\n]{0,60}?)\s*\(@(?<handle>\w{1,30})\)\s*(?<date>[^\n]{0,40})$/u;
const VIDEO_HOSTS: readonly { readonly kind: string; readonly re: RegExp; readonly url: (id: string) => string }[] = [
  { kind: 'youtube', re: /youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,20})/u, url: (id) => `https://www.youtube.com/watch?v=${id}` },
  { kind: 'vimeo', re: /player\.vimeo\.com\/video\/(\d+)/u, url: (id) => `https://vimeo.com/${id}` },
  { kind: 'telegram', re: /\bt\.me\/([\w]+\/\d+)/u, url: (id) => `https://t.me/${id}` },
  { kind: 'facebook', re: /facebook\.com\/plugins\/(?:post|video)\.php\?href=([^&"]+)/u, url: (id) => decodeURIComponent(id) },
];

/** Finds embedded posts, records them, and removes them from the page. */
export function takeHtmlEmbeds(document: HtmlDocument): Embed[] {
  const embeds: Embed[] = [];
  for (const element of Array.from(document.querySelectorAll('blockquote, iframe, script[data-telegram-post], div.fb-post'))) {
    const embed = readEmbed(element);
    if (!embed) continue;
    embeds.push(embed);
    element.remove();
  }
  return embeds;
}

function readEmbed(element: HtmlElement): Embed | null {
  const tag = tagOf(element);
  const classes = ` ${(element.getAttribute('class') ?? '').toLowerCase()} `;
  if (tag === 'BLOCKQUOTE') {
    const statusLink = links(element).find((href) => /(?:twitter|x)\.com\/\w+\/status(?:es)?\/\d+/u.test(href)) ?? null;
    if (classes.includes(' twitter-tweet ') || classes.includes(' twitter-video ') || statusLink) return readTweet(element, statusLink);
    if (classes.includes(' instagram-media ')) {
      const url = element.getAttribute('data-instgrm-permalink') ?? links(element).find((href) => href.includes('instagram.com/')) ?? null;
      return post('instagram', element, url);
    }
    if (classes.includes(' tiktok-embed ')) return post('tiktok', element, element.getAttribute('cite'));
    if (classes.includes(' telegram-post ')) return post('telegram', element, links(element).find((href) => href.includes('t.me/')) ?? null);
    return null;
  }
  if (tag === 'SCRIPT') {
    const id = element.getAttribute('data-telegram-post');
    return id ? { kind: 'telegram', author: id.split('/')[0] ?? null, display_name: null, date: null, text: '', url: `https://t.me/${id}` } : null;
  }
  if (tag === 'DIV') {
    const href = element.getAttribute('data-href');
    return href ? { kind: 'facebook', author: null, display_name: null, date: null, text: textOf(element), url: href } : null;
  }
  const src = element.getAttribute('src') ?? element.getAttribute('data-src') ?? '';
  for (const host of VIDEO_HOSTS) {
    const id = host.re.exec(src)?.[1];
    if (id) return { kind: host.kind, author: null, display_name: null, date: null, text: element.getAttribute('title')?.trim() ?? '', url: host.url(id) };
  }
  return null;
}

/** `<p>text</p>— Name (@handle) <a href=…/status/…>Month D, YYYY</a>` → a tweet Embed. */
function readTweet(element: HtmlElement, statusLink: string | null): Embed | null {
  const lines = htmlBlocks(element).map((block) => block.text);
  const whole = lines.join('\n');
  const signed = SIGNATURE.exec(whole);
  if (!signed?.groups) {
    // A tweet blockquote the page left unsigned still is the tweet's text.
    if (!statusLink && !whole) return null;
    return { kind: 'tweet', author: handleFrom(statusLink), display_name: null, date: null, text: whole, url: statusLink };
  }
  const g = signed.groups;
  return {
    kind: 'tweet',
    author: `@${g.handle}`,
    display_name: g.name?.trim() || null,
    date: findDate(g.date ?? '')?.value ?? null,
    text: (g.text ?? '').replace(/\s*\n\s*/gu, ' ').trim(),
    url: statusLink,
  };
}

function post(kind: string, element: HtmlElement, url: string | null): Embed {
  const handle = /\(@([\w.]{1,30})\)/u.exec(textOf(element))?.[1] ?? null;
  const text = htmlBlocks(element).map((block) => block.text).filter((line) => !/^(?:view this post on \w+|a post shared by\b)/iu.test(line)).join('\n');
  return { kind, author: handle ? `@${handle}` : null, display_name: null, date: null, text, url };
}

function links(element: HtmlElement): string[] {
  return Array.from(element.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? '').filter(Boolean);
}

function handleFrom(url: string | null): string | null {
  const handle = url ? /(?:twitter|x)\.com\/(\w+)\/status/u.exec(url)?.[1] : undefined;
  return handle ? `@${handle}` : null;
}
