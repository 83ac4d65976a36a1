/**
 * The actor knowledge base: JSON packs in data/kb/ (a worldwide layer, a Western Balkans pack, and
 * any pack a user adds), merged into entries with aliases, plus the look-up indexes the entities
 * stage matches text against. Each state in a pack also yields its government, armed forces,
 * police and three ministries, so "the Serbian Defence Ministry" links without a hand-made entry.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../cli/package-root.js';
import { nameKey } from './name-key.js';
import { buildPhraseIndex, type PhraseIndex } from './phrase-index.js';

/** What kind of actor an entity is. */
export type EntityKind =
  | 'person'
  | 'organisation'
  | 'armed_force'
  | 'military_unit'
  | 'police'
  | 'international_force'
  | 'international_organisation'
  | 'mission'
  | 'state'
  | 'government'
  | 'communal_group'
  | 'political_party'
  | 'media';

const KINDS: ReadonlySet<string> = new Set<EntityKind>([
  'person', 'organisation', 'armed_force', 'military_unit', 'police', 'international_force',
  'international_organisation', 'mission', 'state', 'government', 'communal_group', 'political_party', 'media',
]);

/** One actor the knowledge base knows. */
export interface KbEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly role: string | null;
  /** ISO 3166-1 alpha-2 code (XK for Kosovo) of the state the actor belongs to. */
  readonly country: string | null;
  readonly affiliation: string | null;
  readonly source: string;
  /** Head phrases ("police", "defence ministry") that name this actor after a state qualifier. */
  readonly generic: readonly string[];
  /** Aliases that name this actor only in documents mentioning the pack's context ("Serbs"). */
  readonly contextAliases: readonly string[];
  /** For groupings of states (the Quint): the members' codes. */
  readonly members: readonly string[];
  /** Whether a person's surname alone may link to them when the document gives no full name. */
  readonly surname: boolean;
  /** The pack the entry came from, and the context that pack's contextual aliases need. */
  readonly pack: string;
}

/** A state as packs list it: names, demonyms and capitals. */
export interface KbState {
  readonly iso2: string;
  readonly name: string;
  /** The name after "of" ("the United Kingdom"). */
  readonly of: string;
  readonly aliases: readonly string[];
  readonly demonyms: readonly string[];
  readonly capitals: readonly string[];
}

/** Cue words from data/kb/lexicon/cues.json. */
export interface Cues {
  readonly personTitles: readonly string[];
  readonly titleModifiers: readonly string[];
  readonly institutionHeads: readonly string[];
  readonly stateGenerics: Readonly<Record<string, readonly string[]>>;
  readonly metonymVerbs: readonly string[];
  readonly metonymPrefixes: readonly string[];
  readonly locatives: readonly string[];
  readonly personSpeechVerbs: readonly string[];
  readonly unitHeads: readonly string[];
  readonly unitModifiers: readonly string[];
  readonly policeUnitPhrases: readonly string[];
  readonly organisationHeads: readonly string[];
  readonly mediaHeads: readonly string[];
  readonly months: readonly string[];
  readonly weekdays: readonly string[];
  readonly notNameWords: readonly string[];
}

/** How a qualifier word names a state. */
export type QualifierVia = 'state' | 'demonym' | 'capital' | 'ethnonym-label';

/** A word or phrase that points at a state: its name, demonym, capital, or a loaded ethnonym label. */
export interface Qualifier {
  readonly country: string;
  readonly via: QualifierVia;
  /** For ethnonym labels: the pack whose context must be present, and the kinds of actor it labels. */
  readonly pack: string | null;
  readonly kinds: readonly string[] | null;
}

/** A KB alias as indexed: the entry, and whether it needs the pack's context. */
export interface AliasValue {
  readonly entry: KbEntry;
  readonly contextual: boolean;
}

/** The merged knowledge base with its look-up indexes. */
export interface KnowledgeBase {
  readonly entries: ReadonlyMap<string, KbEntry>;
  readonly states: ReadonlyMap<string, KbState>;
  readonly aliases: PhraseIndex<AliasValue>;
  readonly qualifiers: PhraseIndex<Qualifier>;
  /** Generic head phrase -> entries by country. */
  readonly generics: PhraseIndex<ReadonlyMap<string, KbEntry>>;
  /** Surname key -> the one person with that surname (ambiguous surnames are left out). */
  readonly surnames: ReadonlyMap<string, KbEntry>;
  /** Pack name -> the phrases whose presence in a document switches its contextual aliases on. */
  readonly contexts: ReadonlyMap<string, readonly string[]>;
  readonly cues: Cues;
}

/** A pack file as written (see data/kb/*.json). */
export interface KbPackFile {
  readonly pack: string;
  readonly source: string;
  readonly licence: string;
  readonly context?: readonly string[];
  readonly ethnonymLabels?: readonly { readonly ethnonym: string; readonly country: string; readonly kinds?: readonly string[] }[];
  readonly states?: readonly (Partial<KbState> & { readonly iso2: string; readonly name: string; readonly government?: string; readonly forces?: string })[];
  readonly entries?: readonly (Partial<Omit<KbEntry, 'kind'>> & { readonly id: string; readonly name: string; readonly kind: string })[];
}

// The institutions every state is given, with the id suffix the generic heads in cues.json use.
const STATE_INSTITUTIONS: readonly { readonly suffix: string; readonly kind: EntityKind; readonly name: (of: string, demonym: string) => string }[] = [
  { suffix: 'government', kind: 'government', name: (of) => `Government of ${of}` },
  { suffix: 'armed-forces', kind: 'armed_force', name: (of) => `Armed Forces of ${of}` },
  { suffix: 'police', kind: 'police', name: (of) => `Police of ${of}` },
  { suffix: 'ministry-of-defence', kind: 'government', name: (of) => `Ministry of Defence of ${of}` },
  { suffix: 'ministry-of-foreign-affairs', kind: 'government', name: (of) => `Ministry of Foreign Affairs of ${of}` },
  { suffix: 'ministry-of-interior', kind: 'government', name: (of) => `Ministry of Internal Affairs of ${of}` },
];

/** Merges packs (later packs enrich or override earlier entries with the same id) and indexes them. */
export function buildKnowledgeBase(packs: readonly KbPackFile[], cues: Cues): KnowledgeBase {
  const entries = new Map<string, KbEntry>();
  const states = new Map<string, KbState>();
  const contexts = new Map<string, readonly string[]>();
  const labels: { phrase: string; value: Qualifier }[] = [];
  const put = (entry: KbEntry): void => {
    const old = entries.get(entry.id);
    if (!old) {
      entries.set(entry.id, entry);
      return;
    }
    // Enrich rather than replace, so a regional pack can rename a generated institution and keep
    // the generic heads the worldwide layer gave it.
    entries.set(entry.id, {
      ...old,
      ...entry,
      aliases: unique([...old.aliases, ...entry.aliases]),
      generic: unique([...old.generic, ...entry.generic]),
      contextAliases: unique([...old.contextAliases, ...entry.contextAliases]),
      role: entry.role ?? old.role,
      country: entry.country ?? old.country,
      affiliation: entry.affiliation ?? old.affiliation,
    });
  };

  // 1. States and the institutions each implies.
  for (const pack of packs) {
    if (pack.context && pack.context.length > 0) contexts.set(pack.pack, pack.context);
    for (const raw of pack.states ?? []) {
      const state: KbState = {
        iso2: raw.iso2,
        name: raw.name,
        of: raw.of ?? raw.name,
        aliases: raw.aliases ?? [],
        demonyms: raw.demonyms ?? [],
        capitals: raw.capitals ?? [],
      };
      states.set(state.iso2, state);
      const base = { role: null, country: state.iso2, affiliation: null, source: pack.source, contextAliases: [], members: [], surname: false, pack: pack.pack };
      put({ ...base, id: `kb:${state.iso2}:state`, name: state.name, kind: 'state', aliases: [state.name, ...state.aliases], generic: [] });
      for (const institution of STATE_INSTITUTIONS) {
        const named =
          institution.suffix === 'government' ? raw.government : institution.suffix === 'armed-forces' ? raw.forces : undefined;
        put({
          ...base,
          id: `kb:${state.iso2}:${institution.suffix}`,
          name: named ?? institution.name(state.of, state.demonyms[0] ?? state.name),
          kind: institution.kind,
          aliases: [institution.name(state.of, state.demonyms[0] ?? state.name), ...(named ? [named] : [])],
          generic: cues.stateGenerics[institution.suffix] ?? [],
        });
      }
    }
    for (const label of pack.ethnonymLabels ?? []) {
      labels.push({ phrase: label.ethnonym, value: { country: label.country, via: 'ethnonym-label', pack: pack.pack, kinds: label.kinds ?? null } });
    }
  }

  // 2. Explicit entries.
  for (const pack of packs) {
    for (const raw of pack.entries ?? []) {
      if (!KINDS.has(raw.kind)) throw new Error(`Knowledge base pack "${pack.pack}": entry ${raw.id} has unknown kind "${raw.kind}"`);
      put({
        id: raw.id,
        name: raw.name,
        kind: raw.kind as EntityKind,
        aliases: unique([raw.name, ...(raw.aliases ?? [])]),
        role: raw.role ?? null,
        country: raw.country ?? null,
        affiliation: raw.affiliation ?? null,
        source: raw.source ?? pack.source,
        generic: raw.generic ?? [],
        contextAliases: raw.contextAliases ?? [],
        members: raw.members ?? [],
        surname: raw.kind === 'person' && raw.surname !== false,
        pack: pack.pack,
      });
    }
  }

  // 3. Indexes.
  const aliasPairs: (readonly [string, AliasValue])[] = [];
  const genericMap = new Map<string, Map<string, KbEntry>>();
  const surnameCounts = new Map<string, KbEntry[]>();
  for (const entry of entries.values()) {
    for (const alias of entry.aliases) aliasPairs.push([alias, { entry, contextual: false }]);
    for (const alias of entry.contextAliases) aliasPairs.push([alias, { entry, contextual: true }]);
    if (entry.country) {
      for (const head of entry.generic) {
        const key = nameKey(head);
        const byCountry = genericMap.get(key) ?? new Map<string, KbEntry>();
        byCountry.set(entry.country, entry);
        genericMap.set(key, byCountry);
      }
    }
    if (entry.kind === 'person') {
      for (const alias of entry.aliases) {
        const words = alias.split(/\s+/);
        if (words.length < 2) continue;
        const key = nameKey(words[words.length - 1] ?? '');
        const list = surnameCounts.get(key) ?? [];
        if (!list.includes(entry)) list.push(entry);
        surnameCounts.set(key, list);
      }
    }
  }
  const surnames = new Map<string, KbEntry>();
  for (const [key, list] of surnameCounts) {
    const only = list[0];
    if (list.length === 1 && only && only.surname) surnames.set(key, only);
  }
  const qualifierPairs: (readonly [string, Qualifier])[] = [];
  for (const state of states.values()) {
    const add = (phrase: string, via: QualifierVia): void => {
      qualifierPairs.push([phrase, { country: state.iso2, via, pack: null, kinds: null }]);
    };
    for (const name of [state.name, ...state.aliases]) add(name, 'state');
    for (const demonym of state.demonyms) add(demonym, 'demonym');
    for (const capital of state.capitals) add(capital, 'capital');
  }
  for (const label of labels) qualifierPairs.push([label.phrase, label.value]);
  const genericPairs = [...genericMap].map(([key, byCountry]) => [key, byCountry as ReadonlyMap<string, KbEntry>] as const);
  return {
    entries,
    states,
    aliases: buildPhraseIndex(aliasPairs, true),
    qualifiers: buildPhraseIndex(qualifierPairs, true),
    generics: buildPhraseIndex(genericPairs, false),
    surnames,
    contexts,
    cues,
  };
}

let cached: KnowledgeBase | null = null;

/**
 * Loads every pack in data/kb/ (in file-name order) and then `extraPacks` (paths, in order; the
 * hook for users' own packs, e.g. from ctx.config), once per process for the default set.
 */
export function loadKnowledgeBase(extraPacks: readonly string[] = []): KnowledgeBase {
  if (extraPacks.length === 0 && cached) return cached;
  const dir = join(packageRoot(), 'data', 'kb');
  const paths = [
    ...readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(dir, name)),
    ...extraPacks,
  ];
  const packs = paths.map((path) => JSON.parse(readFileSync(path, 'utf8')) as KbPackFile);
  const cues = JSON.parse(readFileSync(join(dir, 'lexicon', 'cues.json'), 'utf8')) as Cues;
  const kb = buildKnowledgeBase(packs, cues);
  if (extraPacks.length === 0) cached = kb;
  return kb;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
