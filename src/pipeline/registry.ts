/** The stages that run after clean, in order. Later capabilities register theirs here. */
import type { Stage } from './stage.js';

/** The default per-document stages, in the order they run. */
export function defaultStages(): readonly Stage[] {
  return [];
}
