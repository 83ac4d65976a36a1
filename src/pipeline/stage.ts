/** The Stage contract: a named, versioned, pure function from a Doc to the layers it assigns. */
import type { Doc, Layers } from '../doc/types.js';
import type { Config } from '../config.js';

/** What a stage may read besides the Doc: configuration and look-up data, never I/O or the clock. */
export interface StageContext {
  readonly config: Config;
}

/** Layers as a stage returns them: a record of named span arrays. */
export type LayerOutput<L extends string> = { readonly [K in L]: NonNullable<Layers[K]> };

/** A pipeline component. `run` must be pure: no database, network, clock or process.env. */
export interface Stage<L extends string = string> {
  readonly name: string;
  /** Bump when the output changes; recorded in Doc.stages so a re-run knows what is stale. */
  readonly version: number;
  readonly requires: readonly string[];
  readonly assigns: readonly L[];
  run(doc: Doc, ctx: StageContext): LayerOutput<L> | Promise<LayerOutput<L>>;
}
