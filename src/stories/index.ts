/** Cross-document work: stories, reprints, incidents, corroboration and contradictions. */
export { createStoryIndex, documentFacts, findContradictions } from './story-index.js';
export type {
  AddResult,
  DocFacts,
  FactEvent,
  IndexStats,
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
export { linkDenials } from './denial-links.js';
export { framingMarkers, framingProfiles, articleWordCount, defaultFramingLexicon, type FramingEntry, type FramingMarker, type FramingProfile, type FramingTechnique } from './framing.js';
