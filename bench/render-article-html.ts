/**
 * Lays a draft out as a full web page: a head with og: and article: meta (sometimes JSON-LD),
 * navigation, the article with figures and tweet embeds, a sidebar, a comment section in one of a
 * few common markups, a site footer, cookie banners and scripts; now and then a truncated download.
 */
import { SIGN_IN } from './article-parts.js';
import type { CommentNode, Draft, Embed, Figure } from './article-draft.js';
import { centralEuropean, clock, clock12, dottedDate, isoWithOffset, monthDayYear, partsAt } from './date-formats.js';
import { ago, countComments, footerText, lastPosted, stampText } from './render-article-text.js';
import type { SeededRandom } from './seeded-random.js';

/** The draft as a downloaded HTML page. */
export function renderArticleHtml(draft: Draft, rng: SeededRandom): string {
  const { outlet } = draft;
  // Some CMSs write typographic quotes as numeric entities; extraction has to decode them.
  const esc = escaper(rng.chance(0.3));
  const published = centralEuropean(draft.publishedMs);
  const iso = isoWithOffset(published);
  const image = `https://${outlet.domain}/uploads/${published.year}/${String(published.month).padStart(2, '0')}/img-${draft.index}.jpg`;
  const out: string[] = [];

  // 1. Head.
  out.push('<!doctype html>', `<html lang="en">`, '<head>', '<meta charset="utf-8">');
  out.push(`<title>${esc(rng.pick([`${draft.title} | ${outlet.name}`, `${draft.title} - ${outlet.name}`, draft.title]))}</title>`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta name="description" content="${esc(truncateWords(draft.paragraphs[0] ?? '', 160))}">`);
  if (rng.chance(0.9)) {
    out.push('<meta property="og:type" content="article">', `<meta property="og:title" content="${esc(draft.title)}">`);
    out.push(`<meta property="og:site_name" content="${esc(outlet.name)}">`, `<meta property="og:url" content="${esc(draft.url)}">`);
    out.push(`<meta property="og:image" content="${image}">`);
  }
  if (rng.chance(0.7)) out.push(`<meta property="article:published_time" content="${iso}">`);
  if (draft.updatedMs !== null && rng.chance(0.7)) out.push(`<meta property="article:modified_time" content="${isoWithOffset(centralEuropean(draft.updatedMs))}">`);
  if (rng.chance(0.6)) out.push(`<meta name="author" content="${esc(draft.author)}">`);
  if (rng.chance(0.8)) out.push(`<link rel="canonical" href="${esc(draft.url)}">`);
  if (rng.chance(0.5)) out.push(`<script type="application/ld+json">${jsonLd(draft, iso, image)}</script>`);
  out.push('<link rel="stylesheet" href="/assets/site.css?v=3.2.1">', `<script>window.dataLayer=window.dataLayer||[];dataLayer.push({"section":"world","articleId":${draft.index}});</script>`, '</head>');

  // 2. Page chrome before the article.
  out.push(`<body class="single single-post postid-${draft.index}">`);
  if (rng.chance(0.4)) out.push('<div class="cookie-notice">We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies. <button>Accept</button> <a href="/privacy/">Learn more</a></div>');
  out.push(`<header class="site-header"><a class="logo" href="/">${esc(outlet.name)}</a>`);
  out.push('<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/politics/">Politics</a></li><li><a href="/world/">World</a></li><li><a href="/balkans/">Balkans</a></li><li><a href="/video/">Video</a></li><li><a href="/opinion/">Opinion</a></li></ul></nav>');
  out.push('<form class="search" action="/search"><input type="search" name="q" placeholder="Search…"></form></header>');
  if (rng.chance(0.5)) out.push('<div class="breadcrumbs"><a href="/">Home</a> › <a href="/world/">World</a> › <a href="/balkans/">Balkans</a></div>');

  // 3. The article.
  out.push('<main id="main">', '<article class="post type-post">', `<h1 class="entry-title">${esc(draft.title)}</h1>`);
  if (draft.subtitle) out.push(`<p class="lead"><strong>${esc(draft.subtitle)}</strong></p>`);
  const stamp = outlet.stamp === 'none' ? monthDayYear(published) : stampText(draft, rng);
  const time = rng.chance(0.8) ? `<time class="entry-date published" datetime="${iso}">${esc(stamp)}</time>` : `<span class="date">${esc(stamp)}</span>`;
  out.push(`<div class="entry-meta"><span class="byline">By <a href="/author/${slug(draft.author)}/">${esc(draft.author)}</a></span> ${time}</div>`);
  if (rng.chance(0.5)) out.push('<div class="share-buttons">Share: <a href="#" class="fb">Facebook</a> <a href="#" class="tw">Twitter</a> <a href="#" class="tg">Telegram</a> <a href="#" class="vb">Viber</a></div>');
  const divs = rng.chance(0.1);
  out.push('<div class="entry-content">');
  const bodyParts: string[] = [];
  draft.paragraphs.forEach((paragraph, i) => {
    for (const figure of draft.figures) if (figure.before === i) bodyParts.push(figureHtml(figure, image, esc, rng));
    for (const embed of draft.embeds) if (embed.before === i) bodyParts.push(embedHtml(embed, esc));
    for (const piece of paragraph.split('\n\n')) bodyParts.push(paragraphHtml(piece, esc, divs));
    if (i === 2 && rng.chance(0.3)) bodyParts.push('<div class="ad-slot" data-slot="inarticle">Advertisement</div>');
  });
  // Old CMSs put the whole body in one <div> with <br><br> between paragraphs.
  out.push(divs ? `<div class="text">${bodyParts.join('<br><br>\n')}</div>` : bodyParts.join('\n'));
  for (const kind of draft.footers) if (kind !== 'copyright' && kind !== 'related') out.push(footerHtml(kind, draft, esc, rng));
  out.push('</div>', '</article>');

  // 4. Sidebar, related links, comments.
  if (draft.footers.includes('related') || rng.chance(0.5)) {
    out.push(`<aside class="related"><h3>${rng.pick(['Related', 'Read also', 'More on this topic'])}</h3><ul>${draft.related.map((t) => `<li><a href="/news/${slug(t)}">${esc(t)}</a></li>`).join('')}</ul></aside>`);
  }
  out.push(`<aside class="sidebar"><h3>Most read</h3><ol>${draft.related.slice().reverse().map((t) => `<li><a href="/news/${slug(t)}">${esc(t)}</a></li>`).join('')}</ol></aside>`);
  if (draft.signIn) out.push(`<div class="login-prompt">${esc(rng.pick(SIGN_IN))} <a href="/login/">Sign in</a></div>`);
  if (draft.comments.length > 0) out.push(commentsHtml(draft, esc, rng));
  out.push('</main>');

  // 5. Site footer and scripts.
  const copyright = draft.footers.includes('copyright') ? footerText('copyright', draft, rng) : `© ${published.year} ${outlet.name}`;
  out.push(`<footer class="site-footer"><p>${esc(copyright)}</p><ul><li><a href="/about/">About us</a></li><li><a href="/privacy/">Privacy policy</a></li><li><a href="/contact/">Contact</a></li></ul></footer>`);
  out.push('<script src="/assets/app.js?v=3.2.1" defer></script>', '</body>', '</html>', '');
  const page = out.join('\n');
  // About one download in a hundred stops early.
  if (rng.chance(0.01)) return page.slice(0, Math.floor(page.length * (0.55 + rng.next() * 0.4)));
  return page;
}

type Escape = (text: string) => string;

function escaper(entities: boolean): Escape {
  const basic: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const extra: Readonly<Record<string, string>> = { '“': '&#8220;', '”': '&#8221;', '’': '&#8217;', '—': '&mdash;', '–': '&#8211;', '«': '&laquo;', '»': '&raquo;' };
  if (!entities) return (text) => text.replace(/[&<>"]/g, (ch) => basic[ch] ?? ch);
  return (text) => text.replace(/[&<>"“”’—–«»]/g, (ch) => basic[ch] ?? extra[ch] ?? ch);
}

function paragraphHtml(text: string, esc: Escape, divs: boolean): string {
  const readAlso = /^READ ALSO: (.+)$/.exec(text);
  const inner = readAlso ? `<strong>READ ALSO:</strong> <a href="/news/${slug(readAlso[1] ?? '')}">${esc(readAlso[1] ?? '')}</a>` : esc(text);
  return divs ? inner : `<p>${inner}</p>`;
}

function figureHtml(figure: Figure, image: string, esc: Escape, rng: SeededRandom): string {
  const alt = rng.chance(0.6) ? esc(figure.caption) : '';
  // A glued credit: the credit's <span> runs straight into the caption text.
  const caption = figure.glued ? `<span class="credit">${esc(figure.credit)}</span>${esc(figure.caption)}` : `${esc(figure.caption)} <span class="credit">${esc(figure.credit)}</span>`;
  const dup = figure.duplicated ? `\n<p class="wp-caption-text">${esc(figure.caption)}</p>` : '';
  return `<figure class="wp-block-image"><img src="${image}" alt="${alt}" width="800" height="533" loading="lazy"><figcaption>${caption}</figcaption></figure>${dup}`;
}

function embedHtml(embed: Embed, esc: Escape): string {
  return (
    `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">${esc(embed.text)} <a href="https://t.co/${embed.code}">pic.twitter.com/${embed.code}</a></p>&mdash; ${esc(embed.name)} (@${embed.handle}) ` +
    `<a href="https://twitter.com/${embed.handle}/status/${embed.status}?ref_src=twsrc%5Etfw">${embed.date}</a></blockquote>\n` +
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
  );
}

function footerHtml(kind: Draft['footers'][number], draft: Draft, esc: Escape, rng: SeededRandom): string {
  switch (kind) {
    case 'appeared-first':
      return `<p>The post <a href="${esc(draft.url)}">${esc(draft.title)}</a> appeared first on <a href="https://${draft.outlet.domain}">${esc(draft.outlet.name)}</a>.</p>`;
    case 'read-more':
      return `<p><a class="more-link" href="${esc(draft.url)}">Read More</a></p>`;
    case 'share':
      return '<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li><li><a href="#">Telegram</a></li></ul><div class="likes">Like this: Like Loading...</div></div>';
    case 'tags':
      return `<div class="tags">Tags: <a rel="tag" href="/tag/kosovo/">Kosovo</a>, <a rel="tag" href="/tag/serbia/">Serbia</a>, <a rel="tag" href="/tag/kfor/">KFOR</a></div>`;
    default:
      return `<div class="promo">${esc(footerText(kind, draft, rng))}</div>`;
  }
}

function commentsHtml(draft: Draft, esc: Escape, rng: SeededRandom): string {
  const total = countComments(draft.comments);
  const out: string[] = [];
  switch (draft.commentStyle) {
    case 'wordpress':
    case 'numbered': {
      out.push('<section id="comments" class="comments-area">', `<h2 class="comments-title">${total} ${rng.pick(['comments', 'thoughts on this article', 'responses'])}</h2>`, '<ol class="comment-list">');
      wordpressList(draft.comments, 1, out, esc);
      out.push('</ol>', '<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3><form action="/wp-comments-post.php" method="post"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><p><label for="comment">Comment *</label><textarea id="comment" name="comment"></textarea></p><p><label for="author">Name *</label><input id="author" name="author"></p><p><input type="submit" value="Post Comment"></p></form></div>', '</section>');
      break;
    }
    case 'disqus': {
      const scrapedMs = lastPosted(draft.comments) + rng.int(1, 72) * 3_600_000;
      out.push('<div id="disqus_thread">', `<div class="thread-header"><span class="comment-count">${total} Comments</span> <a class="login">Login</a> <span class="sort">Sort by Best</span></div>`, '<ul class="post-list">');
      disqusList(draft.comments, out, esc, scrapedMs);
      out.push('</ul>', '</div>');
      break;
    }
    default: {
      // Old forums nest only by indentation: a flat list with margins.
      out.push('<div class="comments">', `<h3>Comments (${total})</h3>`);
      flatList(draft.comments, 0, out, esc);
      out.push('</div>');
    }
  }
  return out.join('\n');
}

function wordpressList(nodes: readonly CommentNode[], depth: number, out: string[], esc: Escape): void {
  for (const node of nodes) {
    const p = centralEuropean(node.postedMs);
    const id = node.postedMs % 1_000_000;
    out.push(
      `<li id="comment-${id}" class="comment depth-${depth}"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${esc(node.realName)}</b> <span class="says">says:</span></div>` +
        `<div class="comment-metadata"><a href="#comment-${id}"><time datetime="${isoWithOffset(p)}">${monthDayYear(p)} at ${clock12(p)}</time></a></div></footer>` +
        `<div class="comment-content"><p>${esc(node.text)}</p></div><div class="reply"><a class="comment-reply-link" href="#comment-${id}">Reply</a></div></article>`,
    );
    if (node.replies.length > 0) {
      out.push('<ol class="children">');
      wordpressList(node.replies, depth + 1, out, esc);
      out.push('</ol>');
    }
    out.push('</li>');
  }
}

function disqusList(nodes: readonly CommentNode[], out: string[], esc: Escape, scrapedMs: number): void {
  for (const node of nodes) {
    out.push(
      `<li class="post"><div class="post-byline"><span class="author">${esc(node.handle)}</span> <span class="post-meta">• <a class="time-ago" title="${dottedDate(partsAt(node.postedMs))} ${clock(partsAt(node.postedMs))}">${ago(scrapedMs - node.postedMs)}</a></span></div>` +
        `<div class="post-message"><p>${esc(node.text)}</p></div><div class="post-menu">${node.likes > 0 ? `${node.likes} ` : ''}Reply • Share ›</div>`,
    );
    if (node.replies.length > 0) {
      out.push('<ul class="children">');
      disqusList(node.replies, out, esc, scrapedMs);
      out.push('</ul>');
    }
    out.push('</li>');
  }
}

function flatList(nodes: readonly CommentNode[], depth: number, out: string[], esc: Escape): void {
  for (const node of nodes) {
    const p = centralEuropean(node.postedMs);
    out.push(`<div class="comment" style="margin-left:${depth * 20}px"><span class="comment-author">${esc(node.handle)}</span> <span class="comment-date">${dottedDate(p)} ${clock(p)}</span><div class="comment-text">${esc(node.text)}</div></div>`);
    flatList(node.replies, depth + 1, out, esc);
  }
}

function jsonLd(draft: Draft, iso: string, image: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: draft.title,
    datePublished: iso,
    ...(draft.updatedMs === null ? {} : { dateModified: isoWithOffset(centralEuropean(draft.updatedMs)) }),
    author: { '@type': 'Person', name: draft.author },
    publisher: { '@type': 'Organization', name: draft.outlet.name },
    image,
    mainEntityOfPage: draft.url,
  };
  // `</` inside a script would end it early.
  return JSON.stringify(data).replace(/<\//g, '<\\/');
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}
