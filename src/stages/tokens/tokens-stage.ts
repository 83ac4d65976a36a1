/** The tokens stage: word-level tokens and sentences over the whole Doc.text (see tokenize.ts). */
import type { Stage } from '../../pipeline/stage.js';
import { tokenize } from './tokenize.js';

/** Assigns `tokens` (TokenSpan) and `sentences` (SentenceSpan) over the whole text, every region included. */
export const tokensStage: Stage<'tokens' | 'sentences'> = {
  name: 'tokens',
  version: 1,
  requires: [],
  assigns: ['tokens', 'sentences'],
  run(doc) {
    const { tokens, sentences } = tokenize(doc.text);
    return { tokens, sentences };
  },
};
