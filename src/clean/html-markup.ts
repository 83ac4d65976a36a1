/** Markup roles (data/html-markup.json), compiled once: what an element's class and id names say it is. */
import markup from '../../data/html-markup.json' with { type: 'json' };
import { markupNames, type HtmlElement, type MarkupNames } from './html-dom.js';

/** The roles data/html-markup.json defines. */
export type MarkupRole =
  | 'comments'
  | 'comment-author'
  | 'comment-chrome'
  | 'comment-likes'
  | 'reply-container'
  | 'quote'
  | 'caption'
  | 'credit'
  | 'boilerplate'
  | 'meta'
  | 'frame'
  | 'standfirst';

interface CompiledRole {
  readonly names: ReadonlySet<string>;
  readonly parts: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly not: ReadonlySet<string>;
}

const ROLES = new Map<MarkupRole, CompiledRole>(
  Object.entries(markup.roles).map(([role, words]) => [
    role as MarkupRole,
    { names: new Set(words.names), parts: new Set(words.parts), prefixes: words.prefixes, not: new Set(words.not) },
  ]),
);

/** Answers per set of names, since the passes ask about the same elements again and again. */
const answers = new WeakMap<MarkupNames, Map<MarkupRole, boolean>>();

/** True when the names (from `markupNames`) say the element plays `role`. */
export function namesSay(names: MarkupNames, role: MarkupRole): boolean {
  if (names.names.length === 0) return false;
  let known = answers.get(names);
  if (!known) {
    known = new Map();
    answers.set(names, known);
  }
  let answer = known.get(role);
  if (answer === undefined) {
    answer = computeRole(names, role);
    known.set(role, answer);
  }
  return answer;
}

function computeRole(names: MarkupNames, role: MarkupRole): boolean {
  const compiled = ROLES.get(role);
  if (!compiled) return false;
  if (names.parts.some((part) => compiled.not.has(part))) return false;
  return (
    names.names.some((name) => compiled.names.has(name)) ||
    names.parts.some((part) => compiled.parts.has(part)) ||
    names.names.some((name) => compiled.prefixes.some((prefix) => name.startsWith(prefix) && /^(?:$|[-_])/u.test(name.slice(prefix.length))))
  );
}

/** True when one of the whole class or id names (not just a word inside one) is listed for `role`. */
export function namesSayExactly(names: MarkupNames, role: MarkupRole): boolean {
  const compiled = ROLES.get(role);
  return compiled !== undefined && names.names.some((name) => compiled.names.has(name));
}

/** True when an element's class or id names say it plays `role`. */
export function hasRole(element: HtmlElement, role: MarkupRole): boolean {
  return namesSay(markupNames(element), role);
}
