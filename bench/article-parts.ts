/**
 * The parts the benchmark corpus is composed from: invented outlets, invented people, real place
 * names in their several spellings, and sentence templates with `{slot}`s.
 *
 * Source and licence: written for sitrep (MIT, like the repository). Every outlet, person, handle,
 * quote and comment here is invented; place names are real because the engine's gazetteer must meet
 * them. Nothing is taken from the sample articles in /work/shared/seeds (a test checks that).
 *
 * This is a TypeScript module rather than a data file (house style, habit 7) because it is part of a
 * test-data generator, not look-up data the engine reads: the types keep the templates and the code
 * that fills them in step, and the generator never ships.
 */

/** How an outlet leans; decides which names, quotes and accusations it prefers. */
export type Side = 'pro-serb' | 'pro-kosovo' | 'neutral';

/** How an outlet spells place and person names. */
export type Spelling = 'english' | 'serbian' | 'albanian' | 'translit';

/** How a plain-text copy of the outlet's page looks. */
export type TextLayout = 'classic' | 'glued' | 'wire' | 'blog';

/** The outlet's publication stamp, as scraped. */
export type StampStyle = 'gmt' | 'posted' | 'dotted' | 'long' | 'byline' | 'none';

/** The shape of the reader-comment thread a scrape drags along. */
export type CommentStyle = 'forum' | 'numbered' | 'wordpress' | 'disqus' | 'plain';

/** Boilerplate that ends up after (or inside) the body. */
export type FooterKind = 'appeared-first' | 'read-more' | 'copyright' | 'share' | 'tags' | 'related' | 'subscribe' | 'typo' | 'support';

/** An invented outlet and the noise its pages carry. */
export interface Outlet {
  readonly name: string;
  /** Short form used in wire datelines and copyright lines. */
  readonly short: string;
  /** Under the reserved `.example` top-level domain (RFC 2606), so no real site is named. */
  readonly domain: string;
  readonly side: Side;
  /** Machine-translated into English: odd connectors, broken sentences, inconsistent spellings. */
  readonly translated: boolean;
  readonly spelling: Spelling;
  readonly layout: TextLayout;
  readonly stamp: StampStyle;
  readonly sensational: boolean;
  readonly comments: CommentStyle | null;
  /** Share of its articles that carry a comment thread. */
  readonly commentRate: number;
  readonly captionRate: number;
  readonly embedRate: number;
  readonly footers: readonly FooterKind[];
  readonly signInRate: number;
}

/** Twenty-four invented outlets with different slants, languages and page furniture. */
export const OUTLETS: readonly Outlet[] = [
  { name: 'Belgrade Daily Monitor', short: 'BDM', domain: 'bdmonitor.example', side: 'pro-serb', translated: false, spelling: 'serbian', layout: 'classic', stamp: 'dotted', sensational: false, comments: 'disqus', commentRate: 0.35, captionRate: 0.6, embedRate: 0.15, footers: ['tags', 'related', 'copyright'], signInRate: 0.1 },
  { name: 'Vesti Sever', short: 'VS', domain: 'vestisever.example', side: 'pro-serb', translated: true, spelling: 'translit', layout: 'classic', stamp: 'none', sensational: true, comments: 'numbered', commentRate: 0.7, captionRate: 0.3, embedRate: 0.1, footers: ['subscribe', 'typo'], signInRate: 0.8 },
  { name: 'Sumadija Courier', short: 'SC', domain: 'sumadijacourier.example', side: 'pro-serb', translated: true, spelling: 'serbian', layout: 'classic', stamp: 'dotted', sensational: true, comments: 'plain', commentRate: 0.5, captionRate: 0.5, embedRate: 0.2, footers: ['copyright', 'share'], signInRate: 0.2 },
  { name: 'Raska Region Radio', short: 'RRR', domain: 'raskaradio.example', side: 'pro-serb', translated: true, spelling: 'translit', layout: 'glued', stamp: 'dotted', sensational: false, comments: null, commentRate: 0, captionRate: 0.7, embedRate: 0.05, footers: ['copyright'], signInRate: 0 },
  { name: 'Morava Pulse', short: 'MP', domain: 'moravapulse.example', side: 'pro-serb', translated: false, spelling: 'english', layout: 'blog', stamp: 'posted', sensational: true, comments: 'wordpress', commentRate: 0.45, captionRate: 0.4, embedRate: 0.35, footers: ['appeared-first', 'read-more'], signInRate: 0 },
  { name: 'Prishtina Morning Post', short: 'PMP', domain: 'prishtinamorningpost.example', side: 'pro-kosovo', translated: false, spelling: 'albanian', layout: 'classic', stamp: 'long', sensational: false, comments: 'disqus', commentRate: 0.3, captionRate: 0.6, embedRate: 0.15, footers: ['share', 'related', 'copyright'], signInRate: 0.05 },
  { name: 'Dardania Today', short: 'DT', domain: 'dardaniatoday.example', side: 'pro-kosovo', translated: true, spelling: 'albanian', layout: 'classic', stamp: 'dotted', sensational: true, comments: 'plain', commentRate: 0.4, captionRate: 0.5, embedRate: 0.2, footers: ['subscribe', 'copyright'], signInRate: 0.1 },
  { name: 'Illyrian Voice', short: 'IV', domain: 'illyrianvoice.example', side: 'pro-kosovo', translated: false, spelling: 'albanian', layout: 'blog', stamp: 'posted', sensational: true, comments: 'wordpress', commentRate: 0.35, captionRate: 0.3, embedRate: 0.3, footers: ['appeared-first', 'share'], signInRate: 0 },
  { name: 'Kosovo Civic Wire', short: 'KCW', domain: 'kosovocivicwire.example', side: 'pro-kosovo', translated: false, spelling: 'albanian', layout: 'wire', stamp: 'byline', sensational: false, comments: null, commentRate: 0, captionRate: 0.3, embedRate: 0.05, footers: ['copyright'], signInRate: 0 },
  { name: 'Ibar Valley Herald', short: 'IVH', domain: 'ibarvalleyherald.example', side: 'neutral', translated: false, spelling: 'serbian', layout: 'classic', stamp: 'long', sensational: false, comments: 'disqus', commentRate: 0.4, captionRate: 0.6, embedRate: 0.25, footers: ['share', 'tags'], signInRate: 0.05 },
  { name: 'Mitrovica Bridge News', short: 'MBN', domain: 'bridgenews.example', side: 'neutral', translated: true, spelling: 'english', layout: 'glued', stamp: 'gmt', sensational: false, comments: 'plain', commentRate: 0.3, captionRate: 0.7, embedRate: 0.3, footers: ['related', 'typo'], signInRate: 0.1 },
  { name: 'Balkan Wire Service', short: 'BWS', domain: 'balkanwire.example', side: 'neutral', translated: false, spelling: 'english', layout: 'wire', stamp: 'byline', sensational: false, comments: null, commentRate: 0, captionRate: 0.25, embedRate: 0, footers: ['copyright'], signInRate: 0 },
  { name: 'Continental News Agency', short: 'CNA', domain: 'cna-wire.example', side: 'neutral', translated: false, spelling: 'english', layout: 'wire', stamp: 'byline', sensational: false, comments: null, commentRate: 0, captionRate: 0.35, embedRate: 0.05, footers: ['copyright'], signInRate: 0 },
  { name: 'Adriatic Times', short: 'AT', domain: 'adriatictimes.example', side: 'neutral', translated: false, spelling: 'serbian', layout: 'classic', stamp: 'long', sensational: false, comments: 'disqus', commentRate: 0.25, captionRate: 0.55, embedRate: 0.2, footers: ['related', 'share', 'support'], signInRate: 0.05 },
  { name: 'Danube Policy Monitor', short: 'DPM', domain: 'danubepolicy.example', side: 'neutral', translated: false, spelling: 'english', layout: 'classic', stamp: 'posted', sensational: false, comments: 'wordpress', commentRate: 0.2, captionRate: 0.3, embedRate: 0.1, footers: ['tags', 'support'], signInRate: 0 },
  { name: 'Euro Security Brief', short: 'ESB', domain: 'eurosecuritybrief.example', side: 'neutral', translated: false, spelling: 'english', layout: 'classic', stamp: 'byline', sensational: false, comments: null, commentRate: 0, captionRate: 0.4, embedRate: 0.15, footers: ['subscribe', 'related'], signInRate: 0 },
  { name: 'Baltic Sentinel', short: 'BS', domain: 'balticsentinel.example', side: 'pro-kosovo', translated: false, spelling: 'english', layout: 'classic', stamp: 'long', sensational: true, comments: 'disqus', commentRate: 0.3, captionRate: 0.5, embedRate: 0.25, footers: ['share', 'support'], signInRate: 0.1 },
  { name: 'Eastern Front Review', short: 'EFR', domain: 'easternfrontreview.example', side: 'pro-serb', translated: true, spelling: 'translit', layout: 'classic', stamp: 'none', sensational: true, comments: 'forum', commentRate: 0.85, captionRate: 0.2, embedRate: 0.1, footers: ['typo'], signInRate: 0.3 },
  { name: 'Military Observer Weekly', short: 'MOW', domain: 'milobserver.example', side: 'pro-serb', translated: true, spelling: 'translit', layout: 'classic', stamp: 'none', sensational: false, comments: 'numbered', commentRate: 0.8, captionRate: 0.15, embedRate: 0.05, footers: ['subscribe'], signInRate: 0.9 },
  { name: 'Voice of the Steppe', short: 'VotS', domain: 'steppevoice.example', side: 'pro-serb', translated: true, spelling: 'english', layout: 'glued', stamp: 'gmt', sensational: true, comments: null, commentRate: 0, captionRate: 0.8, embedRate: 0.45, footers: ['subscribe'], signInRate: 0 },
  { name: 'Dnipro News Agency', short: 'DNA', domain: 'dnipronews.example', side: 'neutral', translated: true, spelling: 'english', layout: 'classic', stamp: 'none', sensational: false, comments: 'wordpress', commentRate: 0.3, captionRate: 0.6, embedRate: 0.1, footers: ['copyright'], signInRate: 0 },
  { name: 'Freedom Sentinel', short: 'FS', domain: 'freedomsentinel.example', side: 'pro-serb', translated: false, spelling: 'serbian', layout: 'blog', stamp: 'posted', sensational: true, comments: 'disqus', commentRate: 0.5, captionRate: 0.3, embedRate: 0.3, footers: ['appeared-first', 'read-more'], signInRate: 0 },
  { name: 'Sandzak Press', short: 'SP', domain: 'sandzakpress.example', side: 'neutral', translated: true, spelling: 'serbian', layout: 'classic', stamp: 'dotted', sensational: false, comments: 'plain', commentRate: 0.35, captionRate: 0.5, embedRate: 0.1, footers: ['share', 'copyright'], signInRate: 0.1 },
  { name: 'Global Affairs Digest', short: 'GAD', domain: 'globalaffairsdigest.example', side: 'neutral', translated: false, spelling: 'english', layout: 'blog', stamp: 'posted', sensational: false, comments: 'wordpress', commentRate: 0.4, captionRate: 0.35, embedRate: 0.2, footers: ['appeared-first', 'share', 'related'], signInRate: 0 },
];

/** Where a place lies, which decides the slots that may name it. */
export type PlaceKind = 'north' | 'village' | 'crossing' | 'serbia' | 'kosovo' | 'capital-k' | 'capital-s' | 'river' | 'talks';

/** A real place: its English form, its Serbian and Albanian forms, and other spellings met in scrapes. */
export interface Place {
  readonly kind: PlaceKind;
  readonly en: string;
  readonly sr: string;
  readonly sq: string;
  readonly extra: readonly string[];
}

/** Places of northern Kosovo, southern Serbia and the wider region, in their several spellings. */
export const PLACES: readonly Place[] = [
  { kind: 'north', en: 'Zvecan', sr: 'Zvečan', sq: 'Zveçan', extra: ['Zvechani', 'Zvecani'] },
  { kind: 'north', en: 'Leposavic', sr: 'Leposavić', sq: 'Leposaviq', extra: ['Leposaviç'] },
  { kind: 'north', en: 'Zubin Potok', sr: 'Zubin Potok', sq: 'Zubin Potok', extra: ['Zubin-Potok'] },
  { kind: 'north', en: 'North Mitrovica', sr: 'Kosovska Mitrovica', sq: 'Mitrovicë e Veriut', extra: ['Mitrovica North', 'Severna Mitrovica', 'northern Mitrovica'] },
  { kind: 'north', en: 'Banjska', sr: 'Banjska', sq: 'Banjskë', extra: ['Banjske'] },
  { kind: 'village', en: 'Rudare', sr: 'Rudare', sq: 'Rudarë', extra: ['Rudar'] },
  { kind: 'village', en: 'Zitkovac', sr: 'Žitkovac', sq: 'Zhitkoc', extra: ['Zhitkovc'] },
  { kind: 'village', en: 'Valac', sr: 'Valač', sq: 'Vallaq', extra: [] },
  { kind: 'village', en: 'Socanica', sr: 'Sočanica', sq: 'Soçanicë', extra: [] },
  { kind: 'village', en: 'Gazivode', sr: 'Gazivode', sq: 'Ujmani', extra: ['Gazivoda'] },
  { kind: 'village', en: 'Jagnjenica', sr: 'Jagnjenica', sq: 'Jagnjenicë', extra: [] },
  { kind: 'crossing', en: 'Jarinje', sr: 'Jarinje', sq: 'Jarinjë', extra: ['Yarinye'] },
  { kind: 'crossing', en: 'Brnjak', sr: 'Brnjak', sq: 'Bërnjak', extra: ['Brnyak'] },
  { kind: 'crossing', en: 'Merdare', sr: 'Merdare', sq: 'Merdarë', extra: [] },
  { kind: 'crossing', en: 'Konculj', sr: 'Končulj', sq: 'Dheu i Bardhë', extra: [] },
  { kind: 'serbia', en: 'Raska', sr: 'Raška', sq: 'Rashkë', extra: [] },
  { kind: 'serbia', en: 'Novi Pazar', sr: 'Novi Pazar', sq: 'Novi Pazar', extra: ['Novi-Pazar'] },
  { kind: 'serbia', en: 'Kursumlija', sr: 'Kuršumlija', sq: 'Kurshumli', extra: [] },
  { kind: 'serbia', en: 'Kraljevo', sr: 'Kraljevo', sq: 'Kraljevë', extra: [] },
  { kind: 'serbia', en: 'Nis', sr: 'Niš', sq: 'Nish', extra: [] },
  { kind: 'serbia', en: 'Rudnica', sr: 'Rudnica', sq: 'Rudnicë', extra: [] },
  { kind: 'kosovo', en: 'Gracanica', sr: 'Gračanica', sq: 'Graçanicë', extra: [] },
  { kind: 'kosovo', en: 'Vucitrn', sr: 'Vučitrn', sq: 'Vushtrri', extra: ['Vushtrria'] },
  { kind: 'kosovo', en: 'Podujevo', sr: 'Podujevo', sq: 'Podujevë', extra: [] },
  { kind: 'kosovo', en: 'Mitrovica', sr: 'Kosovska Mitrovica', sq: 'Mitrovicë', extra: ['South Mitrovica'] },
  { kind: 'capital-k', en: 'Pristina', sr: 'Priština', sq: 'Prishtina', extra: ['Prishtinë'] },
  { kind: 'capital-s', en: 'Belgrade', sr: 'Belgrade', sq: 'Belgrade', extra: ['Beograd'] },
  { kind: 'river', en: 'Ibar', sr: 'Ibar', sq: 'Ibër', extra: ['Iber'] },
  { kind: 'talks', en: 'Brussels', sr: 'Brussels', sq: 'Brussels', extra: ['Bruxelles'] },
  { kind: 'talks', en: 'Ohrid', sr: 'Ohrid', sq: 'Ohër', extra: [] },
  { kind: 'talks', en: 'Skopje', sr: 'Skopje', sq: 'Shkup', extra: [] },
  { kind: 'talks', en: 'Tirana', sr: 'Tirana', sq: 'Tiranë', extra: [] },
];

/** An invented person: a title (which may hold slots) and a name in Serbian/Albanian/English spelling. */
export interface Person {
  readonly title: string;
  readonly name: string;
}

/** Invented officials and voices, by the side they speak for. */
export const PEOPLE: Readonly<Record<'serb' | 'kosovo' | 'intl' | 'russia' | 'analyst', readonly Person[]>> = {
  serb: [
    { title: 'Serbian President', name: 'Velimir Jakšić' },
    { title: 'Serbian Prime Minister', name: 'Jelena Ostojić' },
    { title: 'Defence Minister', name: 'Bojan Lazarević' },
    { title: 'the director of the Serbian government office for Kosovo,', name: 'Miloš Ilinčić' },
    { title: 'Foreign Minister', name: 'Gordana Perić' },
    { title: 'Chief of the General Staff General', name: 'Radoslav Kovačević' },
    { title: 'Serbian Civic Union leader', name: 'Zoran Bogavac' },
    { title: 'former mayor of {town}', name: 'Stanko Radenković' },
  ],
  kosovo: [
    { title: 'Kosovo Prime Minister', name: 'Besnik Dervishaj' },
    { title: 'Kosovo President', name: 'Vlora Mehmeti-Duka' },
    { title: 'Interior Minister', name: 'Faton Qerimi' },
    { title: 'regional police commander for the north,', name: 'Agim Shabani' },
    { title: 'police spokesperson', name: 'Lirije Zeqiri' },
    { title: 'Foreign Minister', name: 'Teuta Kabashi' },
    { title: 'the mayor of {town},', name: 'Ardian Sopjani' },
  ],
  intl: [
    { title: 'KFOR commander Major General', name: 'Lorenzo Ferrante' },
    { title: 'EU Special Representative', name: 'Henrik Holmsted' },
    { title: 'EU spokesperson', name: 'Annika Reinholt' },
    { title: 'NATO spokesperson', name: 'Claire Dunmore' },
    { title: 'US envoy', name: 'Mark Whitcombe' },
    { title: 'the head of the OSCE mission,', name: 'Elisabeth Kranz' },
    { title: 'UN Special Representative', name: 'Tomas Ekdahl' },
  ],
  russia: [
    { title: 'Russian Foreign Ministry spokeswoman', name: 'Yelena Kostromina' },
    { title: 'Russian Ambassador to Serbia', name: 'Igor Vetlugin' },
    { title: 'State Duma deputy', name: 'Arkady Zimin' },
  ],
  analyst: [
    { title: 'Petra Lindqvist of the Institute for Balkan Security Studies', name: '' },
    { title: 'Dušan Ćirković, a Belgrade-based analyst', name: '' },
    { title: 'Blerta Hasani of the Prishtina Policy Lab', name: '' },
    { title: 'Martin Eckhoff, an analyst at the Danube Policy Forum', name: '' },
    { title: 'retired colonel Vladan Mićunović', name: '' },
  ],
};

/** Invented first names and surnames for bylines, photographers, witnesses and commenters. */
export const NAMES = {
  serbFirst: ['Marko', 'Stefan', 'Milan', 'Nenad', 'Jelena', 'Milica', 'Dragana', 'Vesna', 'Bojan', 'Ivana', 'Petar', 'Luka', 'Tijana', 'Goran', 'Snežana', 'Đorđe'],
  serbLast: ['Marković', 'Ilić', 'Pavlović', 'Stojanović', 'Kostić', 'Radović', 'Milenković', 'Lukić', 'Savić', 'Đokić', 'Mitrović', 'Zorić', 'Bošković', 'Tanasković'],
  albFirst: ['Arben', 'Besart', 'Driton', 'Fatmir', 'Valon', 'Blerina', 'Arta', 'Elira', 'Gentiana', 'Kujtim', 'Ilir', 'Donika', 'Shpend', 'Vjosa'],
  albLast: ['Krasniqi', 'Gashi', 'Morina', 'Hoti', 'Bytyqi', 'Zeka', 'Hyseni', 'Shala', 'Kelmendi', 'Berisha-Gjoka', 'Sylaj', 'Ahmeti', 'Pllana', 'Mustafa'],
  engFirst: ['Emma', 'James', 'Laura', 'Daniel', 'Sophie', 'Thomas', 'Hannah', 'Oliver', 'Claire', 'Michael', 'Nina', 'Peter'],
  engLast: ['Hartley', 'Whitford', 'Brennan', 'Callow', 'Ashdown', 'Pemberton', 'Ridley', 'Lockhart', 'Fenwick', 'Marlowe', 'Sutcliffe', 'Greaves'],
  ruFirst: ['Alexei', 'Dmitry', 'Sergei', 'Olga', 'Igor', 'Natalia', 'Pavel', 'Yuri', 'Anna'],
  ruLast: ['Volkov', 'Sokolov', 'Belov', 'Kuznetsov', 'Morozov', 'Zaitsev', 'Orlov', 'Gusev'],
};

/** Invented photo agencies and credit sources. */
export const AGENCIES = ['Ibar Photo', 'Sever Foto', 'BWS', 'EastPix', 'KCW Archive', 'Balkan Lens', 'Adria Images', 'Press Pool', 'social networks', 'Telegram', 'archive'];

/** Phrases that differ by an outlet's side; each may contain slots. */
export const SIDED: Readonly<Record<string, Readonly<Record<Side, readonly string[]>>>> = {
  kosovo: {
    'pro-serb': ['Kosovo and Metohija', 'the southern Serbian province of Kosovo and Metohija', 'the self-proclaimed Republic of Kosovo', 'the unrecognised republic', 'the breakaway province'],
    'pro-kosovo': ['Kosovo', 'the Republic of Kosovo', 'the country'],
    neutral: ['Kosovo', 'Kosovo', 'the former Serbian province'],
  },
  north: {
    'pro-serb': ['the north of Kosovo and Metohija', 'northern Kosovo and Metohija', 'the Serb-populated north', 'the Serbian municipalities in the north'],
    'pro-kosovo': ['the north of the country', 'northern Kosovo', 'the four northern municipalities', 'the north'],
    neutral: ['northern Kosovo', 'the Serb-majority north of Kosovo', 'north Kosovo', 'the north of Kosovo'],
  },
  police: {
    'pro-serb': ["Pristina's special police", 'the so-called Kosovo police', 'ROSU special units', 'Albanian police officers', 'heavily armed Kosovo special forces'],
    'pro-kosovo': ['Kosovo Police', 'officers of the Kosovo Police', 'the Special Intervention Unit', 'Kosovo Police units', 'the police'],
    neutral: ['Kosovo police', 'ethnic Albanian police officers', 'Kosovo special police units', 'the Kosovo police'],
  },
  serbs: {
    'pro-serb': ['local Serbs', 'the Serbian people in the north', 'unarmed Serb citizens', 'our compatriots', 'Serbian residents'],
    'pro-kosovo': ['Serb protesters', 'masked individuals', 'criminal groups backed by Belgrade', 'groups of masked men', 'extremists'],
    neutral: ['ethnic Serbs', 'Serb protesters', 'local Serb residents', 'Kosovo Serbs', 'hundreds of Serbs'],
  },
  govK: {
    'pro-serb': ['the regime in {capK}', 'the authorities in {capK}', 'the provisional institutions in {capK}', '{capK}'],
    'pro-kosovo': ['the Government of Kosovo', "Kosovo's institutions", 'the government in {capK}'],
    neutral: ['the Kosovo government', 'Kosovo authorities', 'officials in {capK}', '{capK}'],
  },
  govS: {
    'pro-serb': ['official Belgrade', 'the Serbian government', 'Belgrade', 'the Serbian state'],
    'pro-kosovo': ['the regime in Belgrade', 'Belgrade', 'the Serbian government', 'Belgrade and its proxies'],
    neutral: ['Belgrade', 'the Serbian government', 'Serbian officials'],
  },
  kfor: {
    'pro-serb': ['KFOR', 'NATO "peacekeepers"', 'the NATO-led KFOR mission', 'KFOR troops'],
    'pro-kosovo': ['KFOR', 'NATO-led KFOR troops', 'KFOR peacekeepers'],
    neutral: ['NATO-led KFOR peacekeepers', 'KFOR troops', 'the NATO mission, KFOR,', 'KFOR'],
  },
  army: {
    'pro-serb': ['the Serbian Army', 'the Serbian Armed Forces', 'units of the Serbian Army'],
    'pro-kosovo': ['the Serbian army', 'Serbian military units', 'Serbian troops'],
    neutral: ['the Serbian military', 'Serbian troops', 'the Serbian army'],
  },
  west: {
    'pro-serb': ['the West', 'Washington and Brussels', 'their Western sponsors', 'NATO'],
    'pro-kosovo': ['international partners', 'the EU and the US', 'the Quint countries'],
    neutral: ['Western governments', 'the EU and the US', 'Western embassies'],
  },
};

/** Phrases any side uses. */
export const COMMON: Readonly<Record<string, readonly string[]>> = {
  vehicles: ['lorries and tractors', 'trucks loaded with gravel', 'buses and cars', 'construction machinery', 'burned-out cars', 'tractors and trailers', 'felled trees and lorries'],
  weapon: ['tear gas', 'stun grenades', 'rubber bullets', 'pepper spray', 'batons and shields', 'water cannon'],
  unit: ['Special Brigade', 'gendarmerie', 'military police battalion', 'Third Army Brigade', 'armoured battalion', 'special operations unit'],
  hedge: ['reportedly', 'allegedly', 'apparently', '', '', '', ''],
  source: ['according to local media', 'witnesses said', 'local residents told {outlet2}', 'according to unconfirmed reports', 'sources in {town} claim', 'Telegram channels reported', 'police said', 'according to {outlet2}', 'the regional police command said', 'eyewitnesses told reporters', 'it is reported', 'a source told {outlet2}'],
  ordinal: ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'tenth', 'twelfth'],
  talksCity: ['{talks}'],
  building: ['the municipal building', 'the police station', 'the town hall', 'the court building', 'the local health centre'],
};

/** The kinds of incident an article can be about. */
export const EVENT_KINDS = ['barricade', 'shooting', 'arrest', 'protest', 'troops', 'explosion', 'clash', 'checkpoint', 'plates', 'drone', 'arson', 'talks'] as const;

/** One kind of incident. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** How common each kind is, roughly as in 2022-23 coverage. */
export const EVENT_WEIGHTS: readonly (readonly [EventKind, number])[] = [
  ['barricade', 14], ['shooting', 10], ['arrest', 9], ['protest', 12], ['troops', 8], ['explosion', 5],
  ['clash', 10], ['checkpoint', 7], ['plates', 6], ['drone', 3], ['arson', 4], ['talks', 8],
];

/** Per kind: titles, lede sentences (which carry `{when}`), and detail sentences. */
export const EVENTS: Readonly<Record<EventKind, { readonly titles: readonly string[]; readonly ledes: readonly string[]; readonly details: readonly string[]; readonly captions: readonly string[] }>> = {
  barricade: {
    titles: ['Serbs block roads in {north} after arrest of former officer', 'Barricades go up near {crossing} as tensions rise', '{town}: roads blocked for {ordinal} day', 'Tensions in {north}: barricades on the road to {crossing}', 'Roadblocks spread across {north}'],
    ledes: [
      '{serbs} erected barricades on the roads leading to the {crossing} crossing {when}, blocking traffic with {vehicles}.',
      '{when}, {serbs} blocked the main road between {town} and {town2} with {vehicles}, {source}.',
      'Barricades went up {hedge} near {town} and {town2} {when} as {serbs} protested against the arrest of a former police officer.',
      'Several roads in {north} remained blocked {when} as {serbs} kept {nBig} trucks and tractors parked across the carriageway near {crossing}.',
    ],
    details: [
      'The barricades near {crossing} were reinforced overnight with gravel lorries and felled trees.',
      'Drivers were turned back at {crossing} and told to use the {crossing2} crossing instead.',
      'The blockade stretched for almost {km} kilometres, {source}.',
      '{kfor} {hedge} took up positions near the barricades but did not intervene.',
      'Shops in {town} ran out of bread and fuel as the blockade entered its {ordinal} day.',
      'People at the barricades said they would stay "as long as it takes".',
      'Wood stoves and tents were set up next to the roadblock near {village}.',
    ],
    captions: ['Barricade on the road to {crossing}', 'Trucks blocking the road near {town}', 'A roadblock near {village}, illustrative photo', 'Serbs at a barricade in {north}'],
  },
  shooting: {
    titles: ['Gunfire heard in {town}, police patrol targeted', 'Shots fired near {crossing} crossing', 'Night of gunfire in {north}', 'Police patrol shot at near {town}'],
    ledes: [
      'Gunfire was heard in {town} {when}, {source}.',
      'Shots were fired {hedge} at a patrol of {police} near {town} {when}; no one was hurt.',
      'Residents of {village} and {town} reported bursts of automatic fire throughout the night {when}.',
      'Unidentified gunmen opened fire on {police} near the {crossing} crossing {when}, {source}.',
    ],
    details: [
      'It is not yet clear who fired first.',
      'At least {n} shots were fired from a nearby hill, according to {police}.',
      'An armoured vehicle was {hedge} hit, but the officers inside were unharmed.',
      'Spent cartridges were later found {km} kilometres from the administrative line.',
      'The shooting lasted about {n} minutes, {source}.',
      'A police officer was lightly wounded in the leg and taken to hospital in {capK}.',
    ],
    captions: ['Police vehicle near {town}', 'Kosovo police near the {crossing} crossing, file photo', 'The road to {village} at night'],
  },
  arrest: {
    titles: ['Former police officer arrested at {crossing}', '{n} Serbs detained in {town}', 'Arrest in {town} sparks protests', 'Detention of local man angers {north}'],
    ledes: [
      '{police} arrested a former police officer at the {crossing} crossing {when}, accusing him of attacks on election officials.',
      '{when}, {police} detained {n} people in {town} on suspicion of "terrorism", {source}.',
      'A Serb man was {hedge} detained near {town} {when}, prompting an angry reaction from {govS}.',
      '{police} arrested a man suspected of war crimes in {village} {when}.',
    ],
    details: [
      'His lawyer said the charges were politically motivated.',
      'The detainee was transferred to {capK} under heavy escort.',
      '{govS} demanded his immediate release.',
      'Weapons and ammunition were found during the search, {police} said.',
      'Relatives gathered outside the court in {mitrovica} waiting for news.',
      'A court in {capK} ordered {n} days of detention.',
    ],
    captions: ['Police escort in {mitrovica}', 'The {crossing} crossing, file photo', 'Relatives outside the court in {mitrovica}'],
  },
  protest: {
    titles: ['Thousands protest in {mitrovica}', 'Serbs rally against new mayors in {town}', 'Protest in {capK} demands action in the north', 'Protesters gather outside municipal building in {town}'],
    ledes: [
      '{nBig} people gathered in front of the municipal building in {town} {when} to protest against the newly installed ethnic Albanian mayor.',
      '{serbs} rallied in central {mitrovica} {when}, chanting slogans and waving Serbian flags.',
      'Hundreds of people protested in {capK} {when}, calling on {govK} to act against "parallel structures" in the north.',
      '{when}, {nBig} protesters marched to the bridge over the {river} in {mitrovica}.',
    ],
    details: [
      'The protest was largely peaceful, though some protesters threw bottles and stones.',
      'Organisers said the gathering would continue every day until their demands were met.',
      'Several journalists were {hedge} attacked and their equipment damaged.',
      '{kfor} formed a cordon around {building}.',
      'Graffiti against KFOR appeared on the walls overnight.',
      'Many protesters had come by bus from {serbTown}, {source}.',
    ],
    captions: ['Protesters in {mitrovica}, file photo', 'The bridge over the {river} in {mitrovica}', 'A rally in front of {building} in {town}'],
  },
  troops: {
    titles: ['Serbian army put on highest alert', 'Armoured convoy spotted near {serbTown}', 'KFOR sends reinforcements to {north}', 'Troops move towards the administrative line'],
    ledes: [
      '{army} raised its combat readiness to the highest level {when} and moved units towards the administrative line with Kosovo.',
      '{when}, a convoy of armoured vehicles was {hedge} spotted on the road from {serbTown} towards {crossing}.',
      'Serbian troops were {hedge} deployed to {serbTown}, about {km} kilometres from the boundary, {source}.',
      '{kfor} announced {when} that it was sending {nBig} additional troops to {north}.',
    ],
    details: [
      'Footage shared on social media showed tanks and self-propelled howitzers on a railway platform near {serbTown}.',
      'The {unit} was placed on alert.',
      'Western diplomats called the build-up "unprecedented" and urged Belgrade to pull back.',
      'Military analysts said the number of troops involved had been exaggerated.',
      'The troops are stationed {km} kilometres from the administrative line.',
      'Leave was cancelled for members of the {unit}, {source}.',
    ],
    captions: ['Armoured vehicles near {serbTown}', 'KFOR soldiers in {town}, illustrative photo', 'A military convoy, archive photo'],
  },
  explosion: {
    titles: ['Explosion near police station in {town}', 'Grenade thrown at police vehicle in {mitrovica}', 'Blasts heard in {village}'],
    ledes: [
      'An explosive device went off near a police station in {town} {when}, {source}.',
      'Several explosions were heard in {village} {when}; police said stun grenades had been used.',
      'A hand grenade was thrown at a vehicle of {police} in {mitrovica} {when}.',
    ],
    details: [
      'The blast shattered windows in nearby buildings.',
      'No casualties were reported, but the vehicle was badly damaged.',
      'Bomb disposal experts sealed off the area for several hours.',
      'Residents said they heard {n} loud bangs shortly after midnight.',
    ],
    captions: ['The damaged police station in {town}', 'Police cordon in {mitrovica}'],
  },
  clash: {
    titles: ['KFOR soldiers injured in clashes in {town}', 'Clashes erupt outside {town} municipal building', 'Tear gas and stun grenades in {town}', 'Dozens hurt as protesters and peacekeepers clash in {town}'],
    ledes: [
      '{kfor} clashed with {serbs} outside the municipal building in {town} {when}, using tear gas and stun grenades.',
      'At least {n} KFOR soldiers and {n2} protesters were injured in clashes in {town} {when}, {source}.',
      'Fighting broke out in {town} {when} when {police} tried to enter {building}.',
    ],
    details: [
      'Protesters threw stones, bottles and Molotov cocktails at the soldiers.',
      '{police} used {weapon} to disperse the crowd.',
      'Several vehicles were set on fire.',
      'Hospital officials in {mitrovica} said {n} people were treated for injuries.',
      'Soldiers from several contingents were among the injured, {source}.',
      'The clashes lasted for about {n} hours.',
    ],
    captions: ['KFOR soldiers in front of the municipal building in {town}', 'Clashes in {town}', 'Tear gas in {town}'],
  },
  checkpoint: {
    titles: ['{crossing} and {crossing2} crossings closed', 'Border crossing at {crossing} reopens', 'Lorries stranded as {crossing} crossing closes'],
    ledes: [
      '{police} closed the {crossing} and {crossing2} crossings to all traffic {when}.',
      'Traffic at the {crossing} border crossing was suspended {when}, leaving hundreds of lorries stranded on the Serbian side.',
      'The {crossing} crossing reopened {when} after {n} days of blockade.',
    ],
    details: [
      'Queues of lorries stretched for {km} kilometres towards {serbTown}.',
      'Travellers were advised to use the {crossing2} crossing instead.',
      'Customs officers said goods worth millions of euros were stuck at the border.',
      'The closure affects about {nBig} vehicles a day.',
    ],
    captions: ['The {crossing} crossing, file photo', 'Queue of lorries near {crossing}'],
  },
  plates: {
    titles: ['Deadline for licence plates expires', 'New entry rules for Serbian documents', 'Licence plate dispute escalates', 'Re-registration of vehicles begins in {north}'],
    ledes: [
      '{govK} announced {when} that Serbian-issued licence plates would no longer be valid in {kosovo}.',
      '{when}, the deadline for replacing Serbian-issued number plates expired, {source}.',
      'Holders of Serbian identity documents will have to obtain an entry-exit document at the border, {govK} said {when}.',
    ],
    details: [
      'About {nBig} vehicles in the north still carry plates issued by Serbian authorities.',
      'Drivers who do not re-register face fines of up to {fine} euros.',
      'The measure was postponed twice after pressure from {west}.',
      'Only a few hundred drivers have re-registered so far, {source}.',
    ],
    captions: ['Cars with Serbian plates in {town}', 'A police check near {crossing}'],
  },
  drone: {
    titles: ['Drone shot down over {town}', 'Drone spotted over {crossing}'],
    ledes: [
      'A drone was {hedge} shot down over {town} {when}, {source}.',
      '{police} said {when} that a drone had flown over the {crossing} crossing from the direction of {serbTown}.',
    ],
    details: [
      'Serbian officials denied any connection to the aircraft.',
      'The drone was carrying a camera, according to investigators.',
      'It was the {ordinal} such incident this month.',
    ],
    captions: ['The sky over {town}, illustrative photo'],
  },
  arson: {
    titles: ['Cars torched in {town}', 'Election office set on fire in {town}'],
    ledes: [
      'Several vehicles with Kosovo plates were set on fire in {town} {when}.',
      'An office of the Central Election Commission in {town} was {hedge} set alight {when}.',
    ],
    details: [
      'Firefighters could not reach the site because of the barricades.',
      'Nobody has claimed responsibility for the attack.',
      'Police opened an investigation into "arson and endangering public safety".',
    ],
    captions: ['Burned car in {town}', 'The damaged office in {town}'],
  },
  talks: {
    titles: ['Belgrade and Pristina talks end without deal', 'EU envoy meets both sides as crisis deepens', 'Talks resume in {talksCity}'],
    ledes: [
      'Negotiators from Belgrade and {capK} met in {talksCity} {when} under EU mediation, but failed to reach an agreement.',
      '{personI} held separate meetings with {personS} and {personK} {when}, trying to defuse the crisis.',
      'Talks on normalising relations between Belgrade and {capK} resumed in {talksCity} {when}.',
    ],
    details: [
      'Both sides described the talks as "difficult".',
      'The EU proposal foresees an association of Serb-majority municipalities.',
      'No joint statement was issued after the meeting.',
      'A follow-up meeting is expected within {n} weeks.',
    ],
    captions: ['{personI} at a press conference', 'Delegations in {talksCity}, archive photo'],
  },
};

/** Detail sentences that fit any incident; used once an incident's own details run out. */
export const GENERIC_DETAILS: readonly string[] = [
  'The situation remained tense late into the evening.',
  'Schools in {town} stayed closed on the following day.',
  'Mobile and internet connections were interrupted in parts of {north}.',
  'Police reinforcements arrived from {capK} in the afternoon.',
  'Ambulances were seen driving towards {town}.',
  'EULEX officers visited the scene a few hours later.',
  'It was the most serious incident in {town} in several months.',
  'Traffic on the road between {town} and {serbTown} was diverted.',
  'Residents said they had stocked up on food and fuel.',
  'Church bells rang in {village} for almost an hour.',
  'Journalists were not allowed to approach the area.',
  'Several families from {village} spent the night with relatives in {serbTown}.',
  'A helicopter circled over {town} for most of the afternoon.',
  'Local radio stations interrupted their programmes to broadcast appeals for calm.',
  'Some residents said they had not seen a police patrol for days.',
  'The road to {crossing} was littered with stones and broken glass.',
  'By nightfall, {nBig} people had gathered in the centre of {town}.',
  'Footage of the incident spread quickly on Telegram and TikTok.',
  'Shops and cafes in {mitrovica} closed early.',
  'Municipal workers were told to stay at home until further notice.',
  'The local health centre in {town} reported {n} people treated for minor injuries.',
  'Officials said an investigation had been opened.',
  'Photographs of the scene could not be independently verified.',
  'The claims could not be independently confirmed.',
  'Queues formed outside petrol stations in {town} as rumours of a longer blockade spread.',
  'A bus carrying workers to {capK} was turned back and its passengers walked the rest of the way.',
  'Parents kept their children at home, and attendance at schools in {north} fell sharply.',
  'Electricity was cut for several hours in parts of {village}, though the cause was unclear.',
  'Several foreign camera crews were filming near the bridge over the {river} in {mitrovica}.',
  'Witnesses described a column of at least {n} vehicles moving without lights after dark.',
  'The municipal assembly in {town} cancelled its session scheduled for the same day.',
  'A spokesperson for the regional hospital said staff had been told to remain on duty overnight.',
  'Some of the people involved were wearing balaclavas and military-style clothing, according to photographs published online.',
  'Private security guards at the Gazivode lake facility were reinforced, according to employees.',
  'Farmers from {village} said they could not reach their fields on the other side of the road.',
  'Posters calling for a rally in {mitrovica} appeared on lamp posts overnight.',
  'The local branch of a Serbian bank in {town} closed its doors until further notice.',
  'Rumours that the crossing at {crossing} would be closed for good spread quickly on social media.',
  'Residents of mixed neighbourhoods in {mitrovica} said relations with their neighbours remained good.',
  'Observers from the OSCE mission were seen taking notes near the scene.',
];

/** Paragraph sentences that are not tied to the incident's kind. */
export const SENTENCES = {
  accusation: {
    'pro-serb': [
      '{personS} accused {govK} of "systematic terror" against {serbs}.',
      'According to {govS}, {police} are trying to provoke a conflict.',
      'According to {personS}, {capK} is trying to drive Serbs out of {north}.',
      '{personS} said {west} had "given a green light" to the violence.',
    ],
    'pro-kosovo': [
      '{personK} accused Belgrade of orchestrating the violence and of sending armed groups across the border.',
      '{govK} said the attackers had been trained in {serbTown}.',
      '{personK} described the barricades as "an attempt to destabilise the state".',
      'According to {personK}, the unrest was "planned and paid for in Belgrade".',
    ],
    neutral: [
      'Each side blamed the other for the escalation.',
      '{govK} and {govS} traded accusations throughout the day.',
    ],
  },
  denial: [
    '{govS} denied that any Serbian soldier had crossed the administrative line.',
    'The Serbian Defence Ministry rejected the reports as "fake news spread from {capK}".',
    '{police} denied using excessive force, saying officers had acted "in line with the law".',
    '{kfor} denied claims that its soldiers had fired live ammunition.',
    '{personS} dismissed the accusations as "lies".',
    '{personK} denied that special police units had entered Serb villages.',
  ],
  reaction: [
    '{personI} called on both sides to show "maximum restraint".',
    'The embassies of France, Germany, Italy, the United Kingdom and the United States issued a joint statement urging de-escalation.',
    '{personR} blamed {west} for the crisis, saying it had "encouraged the provocations of {capK}".',
    '{personI} said the alliance was "ready to intervene if stability is jeopardised".',
    'The OSCE expressed concern about the safety of journalists.',
    '{personI} said freedom of movement had to be restored "without delay".',
  ],
  background: {
    'pro-serb': [
      'Kosovo and Metohija has been under UN administration since 1999, in accordance with Security Council resolution 1244.',
      'Belgrade has repeatedly warned that the situation in the province could spiral out of control.',
      'The association of Serb municipalities, agreed in Brussels in 2013, has still not been formed.',
      'More than 200,000 Serbs and other non-Albanians fled the province after 1999.',
    ],
    'pro-kosovo': [
      'Kosovo declared independence in 2008 and has been recognised by more than 100 countries.',
      'Belgrade continues to finance parallel institutions in the north.',
      'The government says it is extending the rule of law to the whole territory.',
    ],
    neutral: [
      'Kosovo declared independence from Serbia in 2008, which Belgrade does not recognise.',
      'About 50,000 Serbs live in the north of Kosovo, where they make up a majority.',
      'NATO has kept a peacekeeping force in Kosovo since the 1999 war.',
      'Serb mayors, police officers and judges left Kosovo institutions in November 2022 over the licence plate dispute.',
      'Local elections in April 2023 were boycotted by most Serbs, and turnout in the four northern municipalities was below 4 percent.',
      'The EU-mediated dialogue between Belgrade and {capK} began in 2011.',
    ],
  },
  residue: [
    'It is reported by the  {outlet2} .',
    'Some roads in the area are reported to be closed video',
    'READ ALSO: {otherTitle}',
    'Advertisement',
    'Photo: illustrative',
    'Follow the developments in our live blog.',
    'The information is being updated.',
  ],
  connector: ['Thus, ', 'In turn, ', 'Along with this, ', 'We remind you that ', 'It should be noted that ', 'At the same time, ', 'Meanwhile, ', 'Recall that '],
};

/** Quotes by who says them; a quote may hold slots. */
export const QUOTES = {
  serb: [
    'We will not allow our people to be humiliated',
    'Serbia wants peace, but it will not sit idly by',
    'The patience of the Serbian people has its limits',
    'They want war, and the international community is silent',
    'I ask our people not to respond to provocations',
    'Our army is ready to protect the Serbs in {kosovo} if KFOR does not',
    'What is happening in {town} is a pogrom in slow motion',
    'Nobody will expel the Serbs from their homes',
  ],
  kosovo: [
    'Kosovo will not be intimidated by criminal gangs directed from Belgrade',
    'The rule of law will be established in every part of our territory',
    'These are not protesters, they are paramilitaries',
    'We call on KFOR to remove the barricades',
    'Serbia must stop destabilising the region',
    'Every citizen of {town} is safe under our institutions',
    'Those who fired on our officers will be brought to justice',
  ],
  intl: [
    'Violence against KFOR troops is totally unacceptable',
    'We urge both sides to immediately de-escalate',
    'Unilateral actions only raise tensions',
    'Freedom of movement must be restored',
    'KFOR will take all necessary measures to maintain a safe and secure environment',
    'The dialogue is the only way forward',
  ],
  russia: [
    'The West is pushing the Balkans towards a new war',
    'Belgrade can count on our support',
    'The so-called Kosovo institutions act with the full backing of their patrons',
    'This is the direct result of NATO aggression in 1999',
  ],
  local: [
    'We did not sleep all night',
    'Nobody tells us anything, we just hear the shooting',
    'My children are afraid to go to school',
    'We only want to live normally',
    'The shops are closed and there is no fuel',
    'I heard at least ten explosions after midnight',
    'We are not leaving, this is our home',
    'My neighbours packed their cars and left for {serbTown}',
  ],
  analyst: [
    'Both governments benefit politically from keeping the tension high',
    'This is the most serious crisis in the north for years',
    'Neither side wants a war, but both are preparing for one',
    'The barricades are a symptom, not the cause',
    'Brussels has run out of ideas',
  ],
};

/** Sensational wrappers some outlets put around titles. */
export const TITLE_WRAPPERS = {
  prefix: ['BREAKING: ', 'URGENT: ', 'Blood in the north: ', 'Balkans on the brink: ', 'WAR ALERT: ', 'Chaos in {north}: '],
  suffix: [' (VIDEO)', ' (PHOTO)', ' – media', ': what is known', ' – Western media silent', ' (UPDATED)', '!'],
  'pro-serb': [' – Pristina provokes again', ' as Serbs defend their homes'],
  'pro-kosovo': [" – Belgrade's proxies behind attack", ' as Serbia escalates'],
};

/** Words reader comments are built from, by stance. */
export const COMMENTS = {
  stances: {
    'pro-serb': [
      'Kosovo is Serbia, it always was and always will be.',
      'The West took Kosovo by force in 1999 and now wonders why people are angry.',
      'Where is the EU now when Serbs are beaten in their own homes?',
      'Respect to the people on the barricades.',
      'Double standards as usual.',
      'They will not stop until there are no Serbs left in the north.',
      'KFOR protects only one side, everybody knows that.',
    ],
    'pro-kosovo': [
      'Kosovo is an independent country, Belgrade needs to accept it.',
      'These "protesters" have military equipment, let us be serious.',
      'The law must apply in the north too.',
      'Thank you KFOR for protecting the citizens.',
      'Belgrade is playing with fire again.',
      'Smuggling is the real business behind those barricades.',
    ],
    neutral: [
      'Both sides are playing games and ordinary people pay the price.',
      'Every winter the same story.',
      'Politicians get rich, people get tear gas.',
      'Nothing will change until the next elections.',
      'I grew up in {town}, it breaks my heart to see this.',
      'Why does nobody report what the people on the ground actually want?',
      'This is all about distracting from the economy.',
      'Watch what happens in spring.',
      'Moscow must be rubbing its hands.',
    ],
  },
  replies: ['Source?', 'Exactly.', "Don't be naive.", 'You clearly have never been there.', 'Well said.', 'Read some history first.', 'And who started it in 1998?', '+100', 'Nonsense.', 'Agree with every word.', 'You have no idea what you are talking about.', 'Lol.', 'So what do you suggest?', 'Same as in 2011.', 'Time will tell.'],
  spam: ['I am making $92 an hour working from home, check my profile for details.', 'Earn extra cash online, no experience needed!!! Visit my page.'],
  extras: [' 🇷🇸', ' 😂', ' 👍', ' 🤦', ' 🇽🇰', ' 🔥', ' laughing', ' wassat', ' negative', ' )))', '!!!'],
  handleParts: ['balkan', 'drina', 'ibar', 'wolf', 'eagle', 'falcon', 'observer', 'patriot', 'truth', 'nomad', 'sokol', 'vuk', 'ilir', 'dardan', 'north', 'morava', 'stari', 'realist', 'skeptic', 'old_soldier', 'peacenik', 'kosmet', 'shqipe', 'guest', 'anon', 'reader'],
};

/** Short tweets embedded in articles; some in Serbian (Latin and Cyrillic) or Albanian. */
export const TWEETS = [
  'Heavy police presence at {crossing} right now.',
  'Shots heard in {town} a few minutes ago.',
  'Convoy moving towards {crossing}. Stay safe everyone',
  'The bridge in {mitrovica} is closed.',
  'Sirens in {town} again.',
  'KFOR vehicles on the main road to {town}',
  'Pucnjava u {town} večeras.',
  'Situata në veri është e tensionuar.',
  'Барикаде код Јариња, стање напето.',
  'Huge crowd in front of the municipal building in {town} #Kosovo',
];

/** Lines that sit between article and comments on some sites. */
export const SIGN_IN = [
  'To comment on this publication, please sign in or register.',
  'Only registered users can leave comments. Sign in',
  'Log in to join the discussion.',
  'Dear reader, please log in to post a comment on this article.',
  'You must be logged in to post a comment.',
];

/** Boilerplate that sites append; `{...}` slots are filled by the text renderer. */
export const FOOTERS: Readonly<Record<FooterKind, readonly string[]>> = {
  'appeared-first': ['The post {title} appeared first on {outlet}.'],
  'read-more': [' Read More  ', 'Read More', 'Continue reading →'],
  copyright: ['(C){short} {year}', '© {year} {outlet}. All rights reserved.', 'All rights reserved. Copying is allowed only with an active link to {domain}.', 'Copyright {outlet} {year}'],
  share: ['Share this:\nTwitter\nFacebook\nTelegram\n\nLike this:\nLike Loading...', 'Share\nTweet\nShare\nEmail', 'SHARE: Facebook | Twitter | Viber | WhatsApp', 'Share on Facebook Share on Twitter'],
  tags: ['Tags: Kosovo, Serbia, KFOR, {town}', 'Tags: {kosovoTag}, {town}, barricades, Belgrade', 'Topics: Balkans · Security · {town}'],
  related: ['Related:\n{related}', 'READ ALSO:\n{related}', 'More on this topic\n{related}'],
  subscribe: ['Subscribe to our Telegram channel so you never miss the news.', 'Follow {outlet} on Twitter and Facebook.', 'Sign up for our daily newsletter.'],
  typo: ['If you notice a mistake, select the text and press Ctrl+Enter.'],
  support: ['Support independent journalism. Donate now.', 'Our reporting is free to read. Consider becoming a supporter.'],
};
