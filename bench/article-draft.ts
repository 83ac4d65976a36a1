/**
 * The first half of the corpus generator: what an article says (outlet, dates, title, paragraphs,
 * captions, embeds, comments), before any page layout. Rendering to text or HTML is separate
 * (render-article-text.ts, render-article-html.ts) so a reprint can keep its source's words and
 * still be laid out by its own outlet.
 *
 * Every draft depends only on (seed, index): article i draws from its own random stream, and the
 * incident it covers from the incident's stream. So the first n articles of a long corpus equal a
 * corpus of n, and a reprint can rebuild its source without keeping it in memory.
 */
import {
  AGENCIES,
  COMMENTS,
  COMMON,
  EVENT_WEIGHTS,
  EVENTS,
  GENERIC_DETAILS,
  NAMES,
  OUTLETS,
  PEOPLE,
  PLACES,
  QUOTES,
  SENTENCES,
  SIDED,
  TITLE_WRAPPERS,
  TWEETS,
  type CommentStyle,
  type EventKind,
  type FooterKind,
  type Outlet,
  type Person,
  type Place,
  type PlaceKind,
  type Side,
} from './article-parts.js';
import { centralEuropean, dayOf, monthDayYear, monthName, msFromDay, ordinalDay, partsAt, weekdayName, dottedDate } from './date-formats.js';
import { SeededRandom } from './seeded-random.js';

/** Fixed inputs of a corpus: the seed and the calendar window. */
export interface DraftSettings {
  readonly seed: number;
  /** First day incidents may fall on, in days since 1970-01-01. */
  readonly startDay: number;
  readonly spanDays: number;
  /** Share of articles that are near-duplicate reprints of an earlier one. */
  readonly reprintShare: number;
}

/** What happened, where and when; several articles cover the same incident. */
export interface Incident {
  readonly number: number;
  readonly kind: EventKind;
  readonly secondary: readonly EventKind[];
  readonly day: number;
  readonly places: Readonly<Record<'town' | 'town2' | 'village' | 'crossing' | 'crossing2' | 'serbTown' | 'capK' | 'river' | 'talks' | 'mitrovica', Place>>;
  readonly n: number;
  readonly n2: number;
  readonly big: number;
  readonly km: number;
}

/** A photo caption and its credit. */
export interface Figure {
  readonly caption: string;
  readonly credit: string;
  /** Index of the paragraph the figure precedes (0: after the title). */
  readonly before: number;
  readonly duplicated: boolean;
  /** Credit and caption run together without a space, as scrapes often leave them. */
  readonly glued: boolean;
}

/** An embedded tweet. */
export interface Embed {
  readonly text: string;
  readonly name: string;
  readonly handle: string;
  readonly date: string;
  readonly code: string;
  readonly status: string;
  readonly before: number;
}

/** One reader comment and its replies. */
export interface CommentNode {
  readonly handle: string;
  readonly realName: string;
  readonly postedMs: number;
  readonly text: string;
  readonly likes: number;
  readonly replies: readonly CommentNode[];
}

/** An article before layout. */
export interface Draft {
  readonly index: number;
  readonly outlet: Outlet;
  readonly incident: Incident;
  readonly publishedMs: number;
  readonly updatedMs: number | null;
  readonly author: string;
  readonly title: string;
  readonly subtitle: string | null;
  /** Body paragraphs; a blog quote block may hold a blank line inside. */
  readonly paragraphs: readonly string[];
  readonly figures: readonly Figure[];
  readonly embeds: readonly Embed[];
  readonly related: readonly string[];
  readonly footers: readonly FooterKind[];
  readonly signIn: boolean;
  readonly commentStyle: CommentStyle | null;
  readonly comments: readonly CommentNode[];
  readonly url: string;
  readonly quoteMarks: readonly [string, string];
  /** Index of the article this one reprints, if it is a reprint. */
  readonly reprintOf: number | null;
}

// Streams of one seed: articles use their index, incidents and renderers are offset far away.
const INCIDENT_STREAM = 0x4000_0000;
/** Offset of the render stream of article i (see generate-articles.ts). */
export const RENDER_STREAM = 0x2000_0000;

/** The draft of article `index`. */
export function draftArticle(index: number, settings: DraftSettings): Draft {
  const rng = new SeededRandom(settings.seed, index);
  const outlet = rng.pick(OUTLETS);
  // Drawn for every article so the rest of the sequence does not depend on reprintShare.
  const isReprint = rng.chance(settings.reprintShare);
  const back = rng.int(1, 60);
  if (isReprint && index > 0) {
    const sourceIndex = Math.max(0, index - back);
    return reprint(draftArticle(sourceIndex, settings), index, rng, outlet);
  }

  // 1. The incident: a few neighbouring articles share one, as several outlets cover the same day.
  const incidentNumber = Math.max(0, Math.floor(index / 5) - rng.int(0, 3));
  const incident = incidentFor(incidentNumber, settings);
  const ctx = new Filler(rng, outlet, incident);

  // 2. Dates: most articles appear the same day or the next; a few days later for analysis pieces.
  const delay = rng.weighted<number>([[0, 55], [1, 28], [2, 8], [3, 5], [5, 4]]);
  const localMinute = rng.int(6 * 60, 23 * 60 + 59);
  const rough = msFromDay(incident.day + delay, localMinute);
  const publishedMs = rough - centralEuropean(rough).offsetMinutes * 60_000;
  const updatedMs = rng.chance(0.3) ? publishedMs + rng.int(10, 300) * 60_000 : null;
  ctx.setPublished(publishedMs);

  // 3. Title and paragraphs.
  const title = makeTitle(ctx, incident);
  const subtitle = outlet.layout === 'classic' && rng.chance(0.35) ? ctx.sentence(rng.pick(EVENTS[incident.kind].details)) : null;
  const paragraphs = makeParagraphs(ctx, incident);

  // 4. Page furniture: captions, embeds, related links, footers, comments.
  const figures = rng.chance(outlet.captionRate) ? makeFigures(ctx, incident, paragraphs.length) : [];
  const embeds = rng.chance(outlet.embedRate) ? makeEmbeds(ctx, paragraphs.length) : [];
  const related = Array.from({ length: rng.int(2, 4) }, () => otherTitle(ctx, settings));
  const footers = outlet.footers.filter(() => rng.chance(0.75));
  const signIn = rng.chance(outlet.signInRate);
  const comments = outlet.comments && rng.chance(outlet.commentRate) ? makeComments(ctx, publishedMs) : [];

  return {
    index,
    outlet,
    incident,
    publishedMs,
    updatedMs,
    author: byline(rng, outlet),
    title,
    subtitle,
    paragraphs,
    figures,
    embeds,
    related,
    footers,
    signIn,
    commentStyle: outlet.comments,
    comments,
    url: articleUrl(rng, outlet, title, publishedMs, index),
    quoteMarks: quoteMarks(rng, outlet),
    reprintOf: null,
  };
}

/** The incident numbered `number`: its kind, day, places and figures. */
export function incidentFor(number: number, settings: DraftSettings): Incident {
  const rng = new SeededRandom(settings.seed, INCIDENT_STREAM + number);
  const kind = rng.weighted(EVENT_WEIGHTS);
  const secondary = [rng.weighted(EVENT_WEIGHTS), rng.weighted(EVENT_WEIGHTS)].filter((k) => k !== kind);
  const [town, town2] = rng.sample(ofKind('north'), 2) as [Place, Place];
  const [crossing, crossing2] = rng.sample(ofKind('crossing'), 2) as [Place, Place];
  return {
    number,
    kind,
    secondary,
    day: settings.startDay + rng.int(0, Math.max(0, settings.spanDays - 1)),
    places: {
      town,
      town2,
      village: rng.pick(ofKind('village')),
      crossing,
      crossing2,
      serbTown: rng.pick(ofKind('serbia')),
      capK: rng.pick(ofKind('capital-k')),
      river: rng.pick(ofKind('river')),
      talks: rng.pick(ofKind('talks')),
      mitrovica: PLACES.find((p) => p.en === 'North Mitrovica') as Place,
    },
    n: rng.int(2, 12),
    n2: rng.int(3, 40),
    big: rng.pick([50, 80, 120, 150, 200, 300, 350, 500, 700, 1000, 1500, 2000, 3000, 5000]),
    km: rng.int(1, 30),
  };
}

const PLACES_BY_KIND = new Map<PlaceKind, Place[]>();
function ofKind(kind: PlaceKind): readonly Place[] {
  let list = PLACES_BY_KIND.get(kind);
  if (!list) {
    list = PLACES.filter((p) => p.kind === kind);
    PLACES_BY_KIND.set(kind, list);
  }
  return list;
}

/** Fills `{slot}` templates for one article, remembering who was already named in full. */
class Filler {
  private readonly named = new Set<string>();
  private readonly speakers: Readonly<Record<keyof typeof PEOPLE, Person>>;
  private publishedMs = 0;
  /** Templates already used in this article, so no sentence repeats. */
  readonly used = new Set<string>();
  readonly side: Side;
  readonly inconsistency: number;

  constructor(
    readonly rng: SeededRandom,
    readonly outlet: Outlet,
    public incident: Incident,
  ) {
    this.side = outlet.side;
    this.inconsistency = outlet.translated ? 0.25 : 0.07;
    // One main speaker per camp, so a name recurs (in full, then by surname) as in real reports.
    this.speakers = {
      serb: rng.pick(PEOPLE.serb),
      kosovo: rng.pick(PEOPLE.kosovo),
      intl: rng.pick(PEOPLE.intl),
      russia: rng.pick(PEOPLE.russia),
      analyst: rng.pick(PEOPLE.analyst),
    };
  }

  setPublished(ms: number): void {
    this.publishedMs = ms;
  }

  /** A filled, capitalised sentence, with machine-translation artefacts for translated outlets. */
  sentence(template: string): string {
    this.used.add(template);
    let text = capitalise(collapse(this.fill(template)));
    if (this.outlet.translated) text = this.translationArtefacts(text);
    return text;
  }

  /** A template not used yet in this article: from the first pool that has one left, else any from the last. */
  fresh(...pools: readonly (readonly string[])[]): string {
    for (const pool of pools) {
      const unused = pool.filter((t) => !this.used.has(t));
      if (unused.length > 0) return this.rng.pick(unused);
    }
    return this.rng.pick(pools[pools.length - 1] ?? []);
  }

  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => this.slot(slot));
  }

  place(place: Place): string {
    const { rng } = this;
    if (rng.chance(this.inconsistency)) return rng.pick([place.en, place.sr, place.sq, transliterate(place.sr), ...place.extra]);
    switch (this.outlet.spelling) {
      case 'english':
        return place.en;
      case 'serbian':
        return place.sr;
      case 'albanian':
        return place.sq;
      case 'translit':
        return transliterate(place.sr);
    }
  }

  personName(name: string): string {
    switch (this.outlet.spelling) {
      case 'english':
        return stripDiacritics(name);
      case 'translit':
        return transliterate(name);
      default:
        return this.rng.chance(this.inconsistency) ? stripDiacritics(name) : name;
    }
  }

  /** "Title Name" the first time, then the surname alone (or the title, for analysts). */
  person(camp: keyof typeof PEOPLE): string {
    const chosen = this.speakers[camp];
    const title = this.fill(chosen.title);
    if (!chosen.name) return title;
    const name = this.personName(chosen.name);
    if (this.named.has(chosen.name)) return name.split(' ').slice(-1)[0] ?? name;
    this.named.add(chosen.name);
    return `${title} ${name}`;
  }

  sided(key: string): string {
    const table = SIDED[key];
    if (!table) throw new Error(`No sided phrase "${key}"`);
    return this.fill(this.rng.pick(table[this.side]));
  }

  /** "on Sunday", "last night", "on December 10": the incident day as seen from the publication day. */
  when(): string {
    const { rng } = this;
    const day = partsAt(msFromDay(this.incident.day, 12 * 60));
    const gap = dayOf(this.publishedMs + 60 * 60_000) - this.incident.day;
    // A wrong weekday now and then, as real copy has (something an anomaly check may flag).
    const weekday = rng.chance(0.01) ? weekdayName({ ...day, weekday: (day.weekday + 1) % 7 }) : weekdayName(day);
    const monthDay = `${monthName(day)} ${day.day}`;
    if (gap <= 0) return rng.pick(['earlier today', 'on ' + weekday, 'this morning', 'tonight', `on ${weekday} evening`, `on ${monthDay}`]);
    if (gap === 1) return rng.pick(['yesterday', 'last night', 'on ' + weekday, `late on ${weekday}`, `on the night of ${monthDay}`]);
    if (gap < 7) return rng.pick([`on ${weekday}`, `on ${monthDay}`, `on ${weekday}, ${monthDay}`, `on ${weekday} (${monthName(day)} ${ordinalDay(day.day)})`, `on ${dottedDate(day)}`]);
    return rng.pick([`on ${monthDay}`, `on ${day.day} ${monthName(day)}`, `on ${dottedDate(day)}`]);
  }

  private slot(name: string): string {
    const { rng, incident } = this;
    const places = incident.places;
    switch (name) {
      case 'town':
      case 'town2':
      case 'village':
      case 'crossing':
      case 'crossing2':
      case 'serbTown':
      case 'capK':
      case 'river':
      case 'talks':
      case 'mitrovica':
        return this.place(places[name]);
      case 'kosovoTag':
        return this.side === 'pro-serb' ? 'Kosovo and Metohija' : 'Kosovo';
      case 'when':
        return this.when();
      case 'n':
        return numberWords(incident.n, this.outlet.translated);
      case 'n2':
        return String(incident.n2);
      case 'nBig':
        return rng.pick(['about ', 'some ', 'at least ', 'more than ', 'nearly ', 'around ', '']) + thousands(incident.big);
      case 'km':
        return String(incident.km);
      case 'fine':
        return rng.pick(['150', '300', '500']);
      case 'personS':
        return this.person('serb');
      case 'personK':
        return this.person('kosovo');
      case 'personI':
        return this.person('intl');
      case 'personR':
        return this.person('russia');
      case 'personA':
        return this.person('analyst');
      case 'personL':
        return localWitness(rng, this);
      case 'outlet2':
        return rng.pick(OUTLETS).name;
      case 'otherTitle':
        return this.fill(rng.pick(EVENTS[rng.weighted(EVENT_WEIGHTS)].titles));
      default: {
        if (SIDED[name]) return this.sided(name);
        const common = COMMON[name];
        if (common) return this.fill(rng.pick(common));
        throw new Error(`Unknown template slot "{${name}}"`);
      }
    }
  }

  private translationArtefacts(text: string): string {
    const { rng } = this;
    let out = text;
    if (rng.chance(0.1)) out = rng.pick(SENTENCES.connector) + lowerFirst(out);
    // A sentence broken in two, the second half starting in lower case.
    if (rng.chance(0.04)) out = out.replace(/ and (?=[a-z])/, '. ');
    if (rng.chance(0.03)) out = out.replace(/,(?= )/, ' ,');
    if (rng.chance(0.03)) out = out.replace(/\.$/, ' .');
    if (rng.chance(0.05)) out = lowerFirst(out);
    return out;
  }
}

function makeTitle(ctx: Filler, incident: Incident): string {
  const { rng, outlet } = ctx;
  const pieces = [ctx.fill(rng.pick(EVENTS[incident.kind].titles))];
  // Blogs string several headlines together with dashes.
  if (outlet.layout === 'blog' && rng.chance(0.5)) {
    for (const kind of incident.secondary) pieces.push(ctx.fill(rng.pick(EVENTS[kind].titles)));
  }
  let title = capitalise(collapse(pieces.join(' – ')));
  if (outlet.sensational && rng.chance(0.6)) {
    const choice = rng.int(0, 2);
    if (choice === 0) title = ctx.fill(rng.pick(TITLE_WRAPPERS.prefix)) + title;
    else if (choice === 1) title += rng.pick(TITLE_WRAPPERS.suffix);
    else if (outlet.side !== 'neutral') title += rng.pick(TITLE_WRAPPERS[outlet.side]);
  }
  if ((outlet.layout === 'blog' || outlet.sensational) && rng.chance(0.4)) title = titleCase(title);
  return title;
}

function otherTitle(ctx: Filler, settings: DraftSettings): string {
  const { rng } = ctx;
  const saved = ctx.incident;
  ctx.incident = incidentFor(Math.max(0, saved.number + rng.int(-30, 5)), settings);
  const title = capitalise(collapse(ctx.fill(rng.pick(EVENTS[ctx.incident.kind].titles))));
  ctx.incident = saved;
  return title;
}

type ParagraphKind = 'detail' | 'secondary' | 'quote' | 'accusation' | 'denial' | 'reaction' | 'background' | 'witness' | 'analyst' | 'block';

function makeParagraphs(ctx: Filler, incident: Incident): string[] {
  const { rng, outlet } = ctx;
  // Three length classes, as in real coverage: briefs, ordinary reports and long pieces.
  const size = rng.weighted<'short' | 'medium' | 'long'>([['short', 25], ['medium', 50], ['long', 25]]);
  const count = size === 'short' ? rng.int(3, 5) : size === 'medium' ? rng.int(5, 9) : rng.int(8, 12);
  const extras: readonly (readonly [number, number])[] =
    size === 'short' ? [[0, 1], [1, 3], [2, 2]] : size === 'medium' ? [[1, 3], [2, 4], [3, 2]] : [[2, 3], [3, 3], [4, 2]];
  const event = EVENTS[incident.kind];
  const paragraphs: string[] = [];

  // 1. The lede: what happened, where and when, then a detail or two.
  const lede = [ctx.sentence(ctx.fresh(event.ledes))];
  for (let i = rng.int(1, 3); i > 0; i -= 1) lede.push(ctx.sentence(ctx.fresh(event.details, GENERIC_DETAILS)));
  paragraphs.push(lede.join(' '));

  // 2. The rest: details, other incidents, voices, denials, background.
  const kinds: readonly (readonly [ParagraphKind, number])[] = [
    ['detail', 3], ['secondary', 2], ['quote', 3], ['accusation', 2], ['denial', 1], ['reaction', 1.5],
    ['background', 1.5], ['witness', 1], ['analyst', 0.7], ['block', outlet.layout === 'blog' ? 2 : 0],
  ];
  while (paragraphs.length < count) {
    const kind = rng.weighted(kinds);
    const sentences: string[] = [];
    switch (kind) {
      case 'detail':
        sentences.push(ctx.sentence(ctx.fresh(event.details, GENERIC_DETAILS)));
        break;
      case 'secondary': {
        const other = EVENTS[rng.pick(incident.secondary.length > 0 ? incident.secondary : [incident.kind])];
        sentences.push(ctx.sentence(ctx.fresh(other.ledes, event.ledes, GENERIC_DETAILS)));
        if (rng.chance(0.6)) sentences.push(ctx.sentence(ctx.fresh(other.details, GENERIC_DETAILS)));
        break;
      }
      case 'quote':
        sentences.push(quote(ctx, speakerCamp(rng, outlet.side)));
        break;
      case 'accusation': {
        const voice: Side = outlet.side === 'neutral' ? rng.pick<Side>(['pro-serb', 'pro-kosovo', 'neutral']) : outlet.side;
        sentences.push(ctx.sentence(ctx.fresh(SENTENCES.accusation[voice], SENTENCES.accusation.neutral, GENERIC_DETAILS)));
        break;
      }
      case 'denial':
        sentences.push(ctx.sentence(ctx.fresh(SENTENCES.denial, GENERIC_DETAILS)));
        break;
      case 'reaction':
        sentences.push(ctx.sentence(ctx.fresh(SENTENCES.reaction, GENERIC_DETAILS)));
        if (rng.chance(0.4)) sentences.push(quote(ctx, rng.chance(0.7) ? 'intl' : 'russia'));
        break;
      case 'background':
        sentences.push(ctx.sentence(ctx.fresh(SENTENCES.background[outlet.side], SENTENCES.background.neutral, GENERIC_DETAILS)));
        if (rng.chance(0.5)) sentences.push(ctx.sentence(ctx.fresh(SENTENCES.background.neutral, GENERIC_DETAILS)));
        break;
      case 'witness':
        sentences.push(quote(ctx, 'local'));
        break;
      case 'analyst':
        sentences.push(quote(ctx, 'analyst'));
        break;
      case 'block': {
        // A blog's "Name:" line, a blank line, then the quote on its own.
        const camp = speakerCamp(rng, outlet.side);
        const [open, close] = quoteMarks(rng, outlet);
        const who = camp === 'local' || camp === 'analyst' ? ctx.person('analyst') : ctx.person(camp);
        paragraphs.push(`${capitalise(who)}:\n\n${open}${capitalise(ctx.fill(rng.pick(QUOTES[camp])))}.${close}`);
        continue;
      }
    }
    // Pad short paragraphs with details so sizes look like news copy.
    for (let extra = rng.weighted<number>(extras); extra > 0; extra -= 1) {
      sentences.push(ctx.sentence(rng.chance(0.6) ? ctx.fresh(event.details, GENERIC_DETAILS) : ctx.fresh(GENERIC_DETAILS, SENTENCES.background.neutral)));
    }
    paragraphs.push(sentences.join(' '));
  }

  // 3. Scraping residue inside the body ("READ ALSO", a dangling "video", a link's leftover spaces).
  if (rng.chance(0.2)) {
    const at = rng.int(1, paragraphs.length - 1);
    const residue = ctx.fill(rng.pick(SENTENCES.residue));
    if (rng.chance(0.5)) paragraphs.splice(at, 0, residue);
    else paragraphs[at] = `${paragraphs[at] ?? ''} ${residue}`;
  }
  return paragraphs;
}

type Camp = keyof typeof QUOTES;

function speakerCamp(rng: SeededRandom, side: Side): Camp {
  if (side === 'pro-serb') return rng.weighted<Camp>([['serb', 4], ['russia', 1.5], ['intl', 1], ['kosovo', 0.7], ['local', 0.8]]);
  if (side === 'pro-kosovo') return rng.weighted<Camp>([['kosovo', 4], ['intl', 1.5], ['serb', 0.7], ['local', 0.8]]);
  return rng.weighted<Camp>([['serb', 2], ['kosovo', 2], ['intl', 2], ['russia', 0.5], ['local', 1], ['analyst', 0.7]]);
}

function quote(ctx: Filler, camp: Camp): string {
  const { rng, outlet } = ctx;
  const template = ctx.fresh(QUOTES[camp]);
  ctx.used.add(template);
  const words = capitalise(ctx.fill(template));
  const who = camp === 'local' ? localWitness(rng, ctx) : ctx.person(camp === 'analyst' ? 'analyst' : camp);
  const [open, close] = quoteMarks(rng, outlet);
  const verb = rng.pick(['said', 'said', 'told reporters', 'stated', 'wrote on social media', 'told {outlet2}', 'warned', 'added']);
  // Reported speech ("According to …, …") only for officials: a witness's "we" would read wrong.
  const form = rng.int(0, camp === 'local' ? 3 : 4);
  let text: string;
  if (form === 0) text = `${open}${words},${close} ${who} ${ctx.fill(verb)}.`;
  else if (form === 1) text = `${who} ${ctx.fill(verb)}: ${open}${words}.${close}`;
  else if (form === 2) text = `${open}${words}${close}, ${who} ${ctx.fill(verb)}.`;
  else if (form === 3) text = `${open}${words}${close} — ${ctx.fill(verb)} ${who}.`;
  else text = `According to ${who}, ${lowerFirst(words)}.`;
  return capitalise(text);
}

function localWitness(rng: SeededRandom, ctx: Filler): string {
  const serb = rng.chance(0.65);
  const first = ctx.personName(rng.pick(serb ? NAMES.serbFirst : NAMES.albFirst));
  const initial = (rng.pick(serb ? NAMES.serbLast : NAMES.albLast)[0] ?? 'M') + '.';
  const role = rng.pick(['a teacher', 'a shopkeeper', 'a student', 'a pensioner', 'a lorry driver', 'a nurse', 'a local resident', `a ${rng.int(24, 78)}-year-old resident`]);
  return rng.pick([`${first} ${initial}, ${role} from ${ctx.fill('{town}')}`, `${first}, ${role}`, `${role} who gave her name only as ${first}`, `${first} ${initial}`]);
}

function makeFigures(ctx: Filler, incident: Incident, paragraphCount: number): Figure[] {
  const { rng } = ctx;
  const count = rng.weighted<number>([[1, 6], [2, 3], [3, 1]]);
  const pool = [...EVENTS[incident.kind].captions, ...incident.secondary.flatMap((k) => EVENTS[k].captions)];
  return Array.from({ length: count }, (_, i) => ({
    caption: capitalise(ctx.fill(rng.pick(pool))),
    credit: credit(ctx),
    before: i === 0 && rng.chance(0.6) ? 0 : rng.int(1, Math.max(1, paragraphCount - 1)),
    duplicated: rng.chance(0.2),
    glued: rng.chance(0.25),
  }));
}

function credit(ctx: Filler): string {
  const { rng } = ctx;
  const photographer = anyName(rng, ctx);
  const agency = rng.pick(AGENCIES);
  return rng.pick([
    `© Photo / ${agency} / ${photographer}`,
    `Photo: ${photographer}/${agency}`,
    `Photo: ${agency}`,
    `${agency}/${photographer}`,
    'photo',
    `Illustration: ${agency}`,
    `Screenshot: ${agency}`,
    `© ${photographer}`,
  ]);
}

function makeEmbeds(ctx: Filler, paragraphCount: number): Embed[] {
  const { rng } = ctx;
  const count = rng.weighted<number>([[1, 6], [2, 3], [3, 1]]);
  const day = partsAt(msFromDay(ctx.incident.day, 12 * 60));
  return Array.from({ length: count }, () => {
    const cyrillic = rng.chance(0.15);
    return {
      text: ctx.fill(rng.pick(TWEETS)),
      name: cyrillic ? rng.pick(['Мирко С.', 'Вукашин', 'Северни Вести', 'Јелена Н.']) : anyName(rng, ctx),
      handle: handle(rng),
      date: monthDayYear(day),
      code: randomCode(rng, 10),
      status: String(1_550_000_000_000_000_000n + BigInt(rng.uint32()) * 1_000_000n + BigInt(rng.int(0, 999_999))),
      before: rng.int(1, Math.max(1, paragraphCount - 1)),
    };
  });
}

function makeComments(ctx: Filler, publishedMs: number): CommentNode[] {
  const { rng } = ctx;
  // Most threads are short, a few run long: 1 + 24 * r^2 gives 1-25 with a long tail.
  const total = 1 + Math.floor(rng.next() ** 2 * 25);
  const authors = Array.from({ length: Math.max(1, Math.ceil(total * 0.75)) }, () => ({ handle: handle(rng), realName: anyName(rng, ctx) }));
  interface Mutable { handle: string; realName: string; postedMs: number; text: string; likes: number; replies: Mutable[]; depth: number }
  const roots: Mutable[] = [];
  const all: Mutable[] = [];
  let at = publishedMs + rng.int(2, 90) * 60_000;
  for (let i = 0; i < total; i += 1) {
    const author = rng.pick(authors);
    const parent = all.length > 0 && rng.chance(0.45) ? rng.pick(all) : null;
    const isReply = parent !== null && parent.depth < 5;
    const node: Mutable = {
      handle: author.handle,
      realName: author.realName,
      postedMs: at,
      text: commentText(ctx, isReply ? parent : null),
      likes: rng.chance(0.5) ? rng.int(1, 40) : 0,
      replies: [],
      depth: isReply ? parent.depth + 1 : 0,
    };
    if (isReply) parent.replies.push(node);
    else roots.push(node);
    all.push(node);
    // Threads slow down: gaps grow from minutes to hours.
    at += rng.int(1, 30 + i * 20) * 60_000;
  }
  return roots;
}

function commentText(ctx: Filler, parent: { handle: string } | null): string {
  const { rng, outlet } = ctx;
  if (rng.chance(0.02)) return rng.pick(COMMENTS.spam);
  const parts: string[] = [];
  if (parent && rng.chance(0.6)) {
    parts.push((rng.chance(0.3) ? `@${parent.handle} ` : '') + rng.pick(COMMENTS.replies));
    if (rng.chance(0.4)) parts.push(ctx.fill(rng.pick(COMMENTS.stances[rng.pick<Side>(['pro-serb', 'pro-kosovo', 'neutral'])])));
  } else {
    const stance = rng.chance(0.6) ? outlet.side : rng.pick<Side>(['pro-serb', 'pro-kosovo', 'neutral']);
    for (let i = rng.int(1, 3); i > 0; i -= 1) parts.push(ctx.fill(rng.pick(COMMENTS.stances[stance])));
  }
  let text = [...new Set(parts)].join(' ');
  if (rng.chance(0.12)) text += rng.pick(COMMENTS.extras);
  if (rng.chance(0.05)) text = text.toUpperCase();
  return text;
}

function reprint(source: Draft, index: number, rng: SeededRandom, drawn: Outlet): Draft {
  // 1. Another outlet, a little later.
  let outlet = drawn;
  while (outlet === source.outlet) outlet = rng.pick(OUTLETS);
  const ctx = new Filler(rng, outlet, source.incident);
  const publishedMs = source.publishedMs + rng.int(20, 2880) * 60_000;
  ctx.setPublished(publishedMs);

  // 2. Small edits: a retouched title, a paragraph or two dropped, a few words changed, a source line.
  const edit = rng.int(0, 9);
  let title = source.title;
  if (edit < 2) title = `${title} – ${source.outlet.name}`;
  else if (edit < 3) title = `UPDATE: ${title}`;
  else if (edit < 5) title = substitute(title, rng);
  const paragraphs = source.paragraphs.slice();
  if (paragraphs.length > 4 && rng.chance(0.4)) paragraphs.splice(rng.int(1, paragraphs.length - 1), 1);
  for (let i = rng.int(1, 2); i > 0; i -= 1) {
    const at = rng.int(0, paragraphs.length - 1);
    paragraphs[at] = substitute(paragraphs[at] ?? '', rng);
  }
  const attribution = rng.pick([`Source: ${source.outlet.name}`, `This article was originally published by ${source.outlet.name}.`, `(${source.outlet.short})`, '']);
  if (attribution) paragraphs.push(attribution);

  // 3. Its own furniture: comments, footers and URL belong to the reprinting site.
  const comments = outlet.comments && rng.chance(outlet.commentRate) ? makeComments(ctx, publishedMs) : [];
  return {
    ...source,
    index,
    outlet,
    publishedMs,
    updatedMs: null,
    author: rng.chance(0.5) ? byline(rng, outlet) : source.author,
    title,
    paragraphs,
    // Figures and embeds stay where they were, or at the end if their paragraph was dropped.
    figures: source.figures.filter(() => rng.chance(0.6)).map((f) => ({ ...f, before: Math.min(f.before, paragraphs.length - 1) })),
    embeds: source.embeds.map((e) => ({ ...e, before: Math.min(e.before, paragraphs.length - 1) })),
    footers: outlet.footers.filter(() => rng.chance(0.75)),
    signIn: rng.chance(outlet.signInRate),
    commentStyle: outlet.comments,
    comments,
    url: articleUrl(rng, outlet, title, publishedMs, index),
    quoteMarks: source.quoteMarks,
    reprintOf: source.index,
  };
}

const SUBSTITUTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bsaid\b/, 'stated'],
  [/\babout\b/, 'around'],
  [/\breportedly\b/, 'allegedly'],
  [/\bprotesters\b/, 'demonstrators'],
  [/\bbarricades\b/, 'roadblocks'],
  [/\bclashes\b/, 'skirmishes'],
  [/\btroops\b/, 'forces'],
  [/\bSerbs\b/, 'Serbian residents'],
];

function substitute(text: string, rng: SeededRandom): string {
  const start = rng.int(0, SUBSTITUTIONS.length - 1);
  for (let i = 0; i < SUBSTITUTIONS.length; i += 1) {
    const [pattern, replacement] = SUBSTITUTIONS[(start + i) % SUBSTITUTIONS.length] as readonly [RegExp, string];
    if (pattern.test(text)) return text.replace(pattern, replacement);
  }
  return `${text} `;
}

function byline(rng: SeededRandom, outlet: Outlet): string {
  if (rng.chance(0.12)) return rng.pick(['Staff', 'Editorial team', 'admin', `${outlet.short} Newsroom`, 'Online desk']);
  const pools: Record<Side, [readonly string[], readonly string[]]> = {
    'pro-serb': outlet.translated && rng.chance(0.5) ? [NAMES.ruFirst, NAMES.ruLast] : [NAMES.serbFirst, NAMES.serbLast],
    'pro-kosovo': [NAMES.albFirst, NAMES.albLast],
    neutral: rng.chance(0.6) ? [NAMES.engFirst, NAMES.engLast] : rng.chance(0.5) ? [NAMES.serbFirst, NAMES.serbLast] : [NAMES.albFirst, NAMES.albLast],
  };
  const [first, last] = pools[outlet.side];
  const name = `${rng.pick(first)} ${rng.pick(last)}`;
  return outlet.spelling === 'english' ? stripDiacritics(name) : name;
}

function anyName(rng: SeededRandom, ctx: Filler): string {
  const pool = rng.pick([[NAMES.serbFirst, NAMES.serbLast], [NAMES.albFirst, NAMES.albLast], [NAMES.engFirst, NAMES.engLast], [NAMES.ruFirst, NAMES.ruLast]] as const);
  return ctx.personName(`${rng.pick(pool[0])} ${rng.pick(pool[1])}`);
}

function handle(rng: SeededRandom): string {
  const a = rng.pick(COMMENTS.handleParts);
  const style = rng.int(0, 4);
  if (style === 0) return `${a}_${rng.pick(COMMENTS.handleParts)}`;
  if (style === 1) return `${a}${rng.int(1, 99)}`;
  if (style === 2) return `${capitalise(a)}${capitalise(rng.pick(COMMENTS.handleParts))}${rng.int(1970, 2005)}`;
  if (style === 3) return `${a}.${rng.pick(COMMENTS.handleParts)}`;
  return a;
}

function articleUrl(rng: SeededRandom, outlet: Outlet, title: string, publishedMs: number, index: number): string {
  const p = centralEuropean(publishedMs);
  const slug = stripDiacritics(title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '');
  const id = 100_000 + index * 7 + rng.int(0, 6);
  switch (rng.int(0, 3)) {
    case 0:
      return `https://www.${outlet.domain}/${p.year}/${pad(p.month)}/${pad(p.day)}/${slug}/`;
    case 1:
      return `https://${outlet.domain}/news/${id}-${slug}.html`;
    case 2:
      return `https://www.${outlet.domain}/world/balkans/${slug}-${id}`;
    default:
      return `https://${outlet.domain}/?p=${id}`;
  }
}

function quoteMarks(rng: SeededRandom, outlet: Outlet): readonly [string, string] {
  if (outlet.translated) return rng.pick<readonly [string, string]>([['«', '»'], ['"', '"'], ['“', '”']]);
  return rng.chance(0.8) ? ['“', '”'] : ['"', '"'];
}

function randomCode(rng: SeededRandom, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

function numberWords(value: number, digits: boolean): string {
  if (digits || value > 10) return String(value);
  return ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][value] ?? String(value);
}

function thousands(value: number): string {
  return value >= 1000 ? `${Math.floor(value / 1000)},${String(value % 1000).padStart(3, '0')}` : String(value);
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** Serbian Latin to the English-style transliteration translated copy uses: Zvečan → Zvechan. */
export function transliterate(text: string): string {
  return text.replace(/[šŠčČćĆžŽđĐ]/g, (ch) => TRANSLIT[ch] ?? ch);
}

/** Drops diacritics the way English copy does: Leposavić → Leposavic, Zveçan → Zvecan. */
export function stripDiacritics(text: string): string {
  return text.replace(/[đĐ]/g, (ch) => (ch === 'đ' ? 'dj' : 'Dj')).normalize('NFD').replace(/\p{M}/gu, '');
}

const TRANSLIT: Readonly<Record<string, string>> = { š: 'sh', Š: 'Sh', č: 'ch', Č: 'Ch', ć: 'ch', Ć: 'Ch', ž: 'zh', Ž: 'Zh', đ: 'dj', Đ: 'Dj' };

function capitalise(text: string): string {
  const match = /^([«"“(\s]*)(\p{Ll})/u.exec(text);
  if (!match) return text;
  const prefix = match[1] ?? '';
  return prefix + (match[2] ?? '').toUpperCase() + text.slice(prefix.length + 1);
}

function lowerFirst(text: string): string {
  // Keep proper nouns and acronyms ("KFOR", "Belgrade", "Jarinje") as they are; lower any other first word.
  const match = /^\p{Lu}[\p{L}'-]*/u.exec(text);
  if (!match || PROPER_WORDS.has(match[0]) || /^\p{Lu}{2}/u.test(match[0])) return text;
  return (text[0] ?? '').toLowerCase() + text.slice(1);
}

// Capitalised words of the parts (places, people, outlets) and a few more that stay capitalised.
const PROPER_WORDS: ReadonlySet<string> = new Set(
  [
    ...PLACES.flatMap((p) => [p.en, p.sr, p.sq, transliterate(p.sr), ...p.extra]),
    ...Object.values(PEOPLE).flatMap((list) => list.flatMap((p) => [p.title, p.name, stripDiacritics(p.name), transliterate(p.name)])),
    ...OUTLETS.map((o) => o.name),
    ...Object.values(NAMES).flat(),
    'Serbian Serb Serbs Serbia Kosovo Kosovar Belgrade Albanian Albanians Russian Russia Moscow Washington Europe European Hungarian Italian Telegram TikTok I Western Metohija',
  ]
    .flatMap((s) => s.split(/[\s,]+/))
    .filter((w) => /^\p{Lu}/u.test(w)),
);

function collapse(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/ ([,.;:])/g, '$1');
}

function titleCase(text: string): string {
  return text.replace(/(^|[\s–(:])(\p{Ll})/gu, (_, before: string, ch: string) => before + ch.toUpperCase());
}
