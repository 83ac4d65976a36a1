/** Cross-document work: stories, reprints, incidents, corroboration and contradictions. */
export { createStoryIndex, findContradictions } from './story-index.js';
export type {
  AddResult,
  Contradiction,
  ContradictionSide,
  Incident,
  IncidentReport,
  IncidentSource,
  IndexedDocument,
  ReportAttribution,
  Story,
  StoryIndex,
  StoryIndexOptions,
} from './story-index.js';
export { AFFIRMING, CERTAINTY_WEIGHT, PHYSICAL, RHETORIC, eventFamily, type EventFamily } from './event-families.js';
export { createPublisherFamilies, outletKey } from './publisher.js';
export { minhash, estimateJaccard, estimateContainment, bandKeys, defaultMinHashSettings } from './minhash.js';
