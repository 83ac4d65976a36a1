/**
 * Lays a draft out as the plain text a scraper saves: title lines with metadata glued on, stamps,
 * captions with credits (glued, duplicated), tweet embeds, boilerplate, sign-in prompts and the
 * reader-comment thread in the site's own shape.
 */
import { FOOTERS, SIGN_IN, type CommentStyle, type FooterKind } from './article-parts.js';
import type { CommentNode, Draft, Embed, Figure } from './article-draft.js';
import { centralEuropean, clock, clock12, dayMonthYear, dottedDate, isoDate, monthDayYear, monthName, partsAt, weekdayName } from './date-formats.js';
import type { SeededRandom } from './seeded-random.js';

/** The draft as a scraped plain-text file. */
export function renderArticleText(draft: Draft, rng: SeededRandom): string {
  const { outlet } = draft;
  const blocks: string[] = [];
  const tight = outlet.layout === 'glued' || rng.chance(0.1);

  // 1. Head: title (sometimes with metadata glued on), stamp, byline, subtitle.
  blocks.push(titleLine(draft, rng));
  if (outlet.stamp !== 'none' && rng.chance(0.8)) blocks.push(stampText(draft, rng));
  if (outlet.layout === 'wire' || (outlet.layout === 'classic' && rng.chance(0.25))) blocks.push(`By ${draft.author}`);
  if (draft.subtitle) blocks.push(draft.subtitle);

  // 2. Body, with figures and embeds where the page had them.
  const paragraphs = draft.paragraphs.slice();
  if (outlet.layout === 'wire' && paragraphs.length > 0) paragraphs[0] = `${dateline(draft)}${paragraphs[0] ?? ''}`;
  let carry = '';
  for (let i = 0; i < paragraphs.length; i += 1) {
    for (const figure of draft.figures) {
      if (figure.before !== i) continue;
      const line = captionText(figure, rng);
      if (figure.duplicated) blocks.push(line, line);
      // A credit glued to the next sentence: "… / Photo: NameThe police said …".
      else if (figure.glued && rng.chance(0.5)) carry += line;
      else blocks.push(line);
    }
    for (const embed of draft.embeds) if (embed.before === i) blocks.push(embedText(embed, rng));
    blocks.push(carry + (paragraphs[i] ?? ''));
    carry = '';
  }
  if (outlet.layout === 'wire') blocks.push(wireTrailer(draft, rng));

  // 3. Boilerplate, sign-in prompt and comments.
  for (const kind of draft.footers) blocks.push(footerText(kind, draft, rng));
  const body = blocks.join(tight ? '\n' : '\n\n');
  const tail: string[] = [];
  if (draft.signIn && draft.commentStyle !== 'numbered') tail.push(rng.pick(SIGN_IN));
  if (draft.comments.length > 0 && draft.commentStyle) tail.push(commentsText(draft.commentStyle, draft, rng));
  if (tail.length === 0) return `${body}${rng.chance(0.5) ? '\n' : ''}`;
  // Forum-style threads follow the last line directly, as the sample scrapes show.
  const joiner = draft.commentStyle === 'forum' || draft.commentStyle === 'numbered' ? '\n' : '\n\n';
  return `${body}${joiner}${tail.join('\n')}${rng.chance(0.5) ? '\n' : ''}`;
}

function titleLine(draft: Draft, rng: SeededRandom): string {
  const p = centralEuropean(draft.publishedMs);
  const glue = rng.int(0, 19);
  if (glue === 0 || (draft.outlet.layout === 'glued' && glue < 8)) return ` date ${isoDate(p)} ${draft.title}`;
  if (glue === 1) return `HomeNewsBalkans${draft.title}`;
  if (glue === 2) return `${draft.title} | ${draft.outlet.name}`;
  if (glue === 3) return `${draft.title}${dottedDate(p)}`;
  if (glue === 4) return `${draft.title}\n${rng.int(120, 48_000)} views`;
  return draft.title;
}

/** The publication stamp in the outlet's style ("18:00 GMT 31.07.2022 (Updated: …)", "Posted on … by …"). */
export function stampText(draft: Draft, rng: SeededRandom): string {
  const local = centralEuropean(draft.publishedMs);
  const utc = partsAt(draft.publishedMs);
  switch (draft.outlet.stamp) {
    case 'gmt': {
      const updated = draft.updatedMs === null ? '' : ` (Updated: ${clock(partsAt(draft.updatedMs))} GMT ${dottedDate(partsAt(draft.updatedMs))})`;
      return `${clock(utc)} GMT ${dottedDate(utc)}${updated}`;
    }
    case 'posted':
      return `Posted on ${monthDayYear(local)} by ${draft.author}`;
    case 'dotted':
      return rng.chance(0.5) ? `${dottedDate(local)}, ${clock(local)}` : `${dottedDate(local)} ${clock(local)}`;
    case 'long':
      return `${weekdayName(local)}, ${dayMonthYear(local)}, ${clock(local)} ${local.offsetMinutes === 120 ? 'CEST' : 'CET'}`;
    case 'byline':
      return `${draft.author} | ${local.day} ${monthName(local).slice(0, 3)} ${local.year}`;
    case 'none':
      return '';
  }
}

/** A caption with its credit in one of the ways scrapes leave them. */
export function captionText(figure: Figure, rng: SeededRandom): string {
  if (figure.glued) return rng.chance(0.5) ? `${figure.credit}${figure.caption}` : `${figure.caption} ${figure.credit}`;
  if (figure.credit === 'photo') return `${figure.caption} / photo`;
  return rng.pick([`${figure.caption} / ${figure.credit}`, `${figure.caption}. ${figure.credit}`, `${figure.caption} (${figure.credit})`]);
}

function embedText(embed: Embed, rng: SeededRandom): string {
  const dash = rng.pick(['—', ' — ', ' - ', '—']);
  return `${embed.text} pic.twitter.com/${embed.code}${dash}${embed.name} (@${embed.handle}) ${embed.date}`;
}

function dateline(draft: Draft): string {
  const p = centralEuropean(draft.publishedMs);
  const town = draft.incident.places.town;
  const name = (draft.outlet.spelling === 'albanian' ? town.sq : town.en).toUpperCase();
  return `${name}, Kosovo, ${monthName(p).slice(0, 3)} ${p.day} (${draft.outlet.short}) - `;
}

function wireTrailer(draft: Draft, rng: SeededRandom): string {
  const capital = draft.outlet.spelling === 'albanian' ? draft.incident.places.capK.sq : draft.incident.places.capK.en;
  const editor = rng.pick(['Alex Marlowe', 'Nina Sutcliffe', 'Peter Greaves', 'Hannah Ridley']);
  return rng.chance(0.5)
    ? `(Reporting by ${draft.author} in ${capital}; additional reporting in Belgrade; editing by ${editor})`
    : `(Reporting by ${draft.author}; Editing by ${editor})`;
}

/** One boilerplate block of the given kind, filled for this article. */
export function footerText(kind: FooterKind, draft: Draft, rng: SeededRandom): string {
  const year = String(centralEuropean(draft.publishedMs).year);
  const town = draft.incident.places.town.en;
  const values: Readonly<Record<string, string>> = {
    title: draft.title,
    outlet: draft.outlet.name,
    short: draft.outlet.short.toUpperCase(),
    year,
    domain: draft.outlet.domain,
    town,
    kosovoTag: draft.outlet.side === 'pro-serb' ? 'Kosovo and Metohija' : 'Kosovo',
    related: draft.related.join('\n'),
  };
  return rng.pick(FOOTERS[kind]).replace(/\{(\w+)\}/g, (_, slot: string) => values[slot] ?? '');
}

/** How many comments a thread holds, replies included. */
export function countComments(nodes: readonly CommentNode[]): number {
  let total = 0;
  for (const node of nodes) total += 1 + countComments(node.replies);
  return total;
}

function commentsText(style: CommentStyle, draft: Draft, rng: SeededRandom): string {
  const lines: string[] = [];
  const total = countComments(draft.comments);
  // Machine-translated forums print clock times as "10: 15".
  const spaced = draft.outlet.translated && rng.chance(0.7);
  switch (style) {
    case 'forum':
      forum(draft.comments, 0, lines, rng, spaced);
      break;
    case 'numbered':
      lines.push(rng.pick(SIGN_IN));
      draft.comments.forEach((node, i) => numbered(node, `${i + 1}. `, 1, lines, spaced));
      break;
    case 'wordpress':
      lines.push(rng.pick([`${total} thoughts on “${draft.title}”`, `${total} Responses`, `${total} comments`]), '');
      wordpress(draft.comments, 1, lines, rng);
      lines.push('', 'Leave a Reply', 'Your email address will not be published. Required fields are marked *', 'Comment *', 'Name *', 'Email *', 'Website', 'Save my name, email, and website in this browser for the next time I comment.', 'Δ');
      break;
    case 'disqus': {
      const scrapedMs = lastPosted(draft.comments) + rng.int(1, 72) * 3_600_000;
      lines.push(`${total} Comments`, 'Login', rng.pick(['Sort by Best', 'Sort by Newest', 'Sort by Oldest']));
      disqus(draft.comments, 0, null, lines, scrapedMs);
      if (rng.chance(0.5)) lines.push('Load more comments');
      break;
    }
    case 'plain':
      lines.push(rng.pick([`Comments (${total})`, `Comments: ${total}`, 'Comments']));
      plain(draft.comments, 0, lines);
      break;
  }
  return lines.join('\n');
}

function forum(nodes: readonly CommentNode[], depth: number, lines: string[], rng: SeededRandom, spaced: boolean): void {
  const indent = '  '.repeat(depth + 1);
  for (const node of nodes) {
    const p = centralEuropean(node.postedMs);
    const when = `${dayMonthYear(p)} ${clock(p, spaced)}`;
    if (rng.chance(0.3)) lines.push(`${indent}${node.handle} (${node.realName}) ${when}`);
    else lines.push(`${indent}${node.handle}`, `${indent}  ${when}`);
    lines.push(`${indent}  ${node.text}`);
    forum(node.replies, depth + 1, lines, rng, spaced);
  }
}

function numbered(node: CommentNode, prefix: string, depth: number, lines: string[], spaced: boolean): void {
  const indent = '  '.repeat(depth);
  const p = centralEuropean(node.postedMs);
  lines.push(`${indent}${prefix}${node.handle} Offline ${node.handle}`);
  lines.push(`${indent}  ${node.handle} (${node.realName}) ${dayMonthYear(p)} ${clock(p, spaced)}`);
  lines.push(`${indent}  ${node.text}`);
  for (const reply of node.replies) numbered(reply, '', depth + 2, lines, spaced);
}

function wordpress(nodes: readonly CommentNode[], depth: number, lines: string[], rng: SeededRandom): void {
  const indent = '  '.repeat(depth * 2 - 1);
  nodes.forEach((node, i) => {
    const p = centralEuropean(node.postedMs);
    lines.push(`${indent}${i + 1}. ${node.realName} says:`);
    lines.push(`${indent}   ${monthDayYear(p)} at ${clock12(p)}`);
    lines.push(`${indent}   ${node.text}`);
    if (node.likes > 0) lines.push('', `${indent}   ${node.likes === 1 ? 'Liked by 1 person' : `Liked by ${node.likes} people`}`);
    if (rng.chance(0.7)) lines.push(`${indent}   Reply`);
    wordpress(node.replies, depth + 1, lines, rng);
  });
}

function disqus(nodes: readonly CommentNode[], depth: number, parent: string | null, lines: string[], scrapedMs: number): void {
  const indent = '    '.repeat(depth);
  for (const node of nodes) {
    const to = parent ? ` → ${parent}` : '';
    lines.push(`${indent}${node.handle}${to} • ${ago(scrapedMs - node.postedMs)}`);
    lines.push(`${indent}${node.text}`);
    lines.push(`${indent}${node.likes > 0 ? `${node.likes} ` : ''}Reply • Share ›`);
    disqus(node.replies, depth + 1, node.handle, lines, scrapedMs);
  }
}

function plain(nodes: readonly CommentNode[], depth: number, lines: string[]): void {
  const indent = '    '.repeat(depth);
  for (const node of nodes) {
    const p = centralEuropean(node.postedMs);
    lines.push(`${indent}${node.realName}`, `${indent}${dottedDate(p)} at ${clock(p)}`, `${indent}${node.text}`, `${indent}Reply`);
    plain(node.replies, depth + 1, lines);
  }
}

/** "5 minutes ago", "3 hours ago", "2 days ago", "a year ago". */
export function ago(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return minutes === 1 ? 'a minute ago' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? 'an hour ago' : `${hours} hours ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return days === 1 ? 'a day ago' : `${days} days ago`;
  const months = Math.round(days / 30);
  if (months < 12) return months === 1 ? 'a month ago' : `${months} months ago`;
  return 'a year ago';
}

/** The time of the newest comment in a thread. */
export function lastPosted(nodes: readonly CommentNode[]): number {
  let latest = 0;
  for (const node of nodes) latest = Math.max(latest, node.postedMs, lastPosted(node.replies));
  return latest;
}
