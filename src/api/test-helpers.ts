/** Helpers shared by the API's in-process tests. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Doc } from '../doc/types.js';
import { openStore } from '../store/open-store.js';
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

/**
 * A store in a temporary folder holding `docs` (each at an origin of its own) for the enclosing
 * suite: opened before its tests, closed and removed after. It counts whole-store walks
 * (`exportDocuments`), to show that repeated requests reuse what was built.
 */
export function suiteStore(prefix: string, docs: () => readonly Doc[]): { readonly store: Store; walks(): number } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let counted: { readonly store: Store; calls(): number } | null = null;
  before(async () => {
    const real = await openStore(join(dir, 'store.db'));
    for (const doc of docs()) await real.putDocument(distinct(doc));
    counted = countingStore(real, 'exportDocuments');
  });
  after(async () => {
    await counted?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ready = (): { readonly store: Store; calls(): number } => {
    assert.ok(counted, 'the suite store is opened in a before hook');
    return counted;
  };
  return { get store() { return ready().store; }, walks: () => ready().calls() };
}
