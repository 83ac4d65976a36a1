/** Helpers shared by the API's in-process tests. */
import assert from 'node:assert/strict';
import type { Doc } from '../doc/types.js';
import type { Store } from '../store/store.js';

/** Each invented document at an origin of its own, so none is a new version of another. */
export function distinct(doc: Doc): Doc {
  return { ...doc, origin: { ...doc.origin, path: `articles/${doc.id}.html` } };
}

/** The JSON body of a response that must be a 200 (the body is in the failure message). */
export async function json(response: Response): Promise<any> {
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

/** The store, with a count of calls to one of its methods: shows that requests reuse what was built. */
export function countingStore(real: Store, method: keyof Store): { readonly store: Store; calls(): number } {
  let calls = 0;
  const store = new Proxy(real, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key === method) calls += 1;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, calls: () => calls };
}
