/**
 * A tiny DOM builder. Data only ever reaches the page as text nodes or attribute values, never
 * as markup: there is no innerHTML anywhere in the dashboard, and link targets pass `safeHref`.
 */

/** An attribute value, or an event handler for `on…` keys; null/false leave the attribute out. */
export type AttrValue = string | number | boolean | null | undefined | ((event: Event) => void);
/** What may be passed as children: nodes, text, or nothing. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an HTML element with attributes, event handlers and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, AttrValue>> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attrs, children);
}

/** Creates an SVG element with attributes, event handlers and children. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, AttrValue>> = {},
  ...children: readonly Child[]
): SVGElementTagNameMap[K] {
  return build(document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K], attrs, children);
}

/** An http(s) URL as given, or null: data never becomes a `javascript:` or `data:` link. */
export function safeHref(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

function build<E extends Element>(element: E, attrs: Readonly<Record<string, AttrValue>>, children: readonly Child[]): E {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
      continue;
    }
    // Handlers only as functions; a string `on…` attribute is inline script, which the CSP forbids anyway.
    if (/^on/i.test(name)) throw new Error(`h(): attribute "${name}" must be a function`);
    if ((name === 'href' || name === 'src') && !/^(#|\/(?!\/))/.test(String(value)) && safeHref(String(value)) === null) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(document.createTextNode(String(child)));
  }
}

/** A keydown handler that runs `action` on Enter or Space, as a button would (for role="button" SVG groups). */
export function onEnterOrSpace(action: () => void): (event: Event) => void {
  return (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== 'Enter' && key !== ' ') return;
    event.preventDefault();
    action();
  };
}
