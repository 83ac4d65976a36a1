/** Small builders for stage tests: documents made by hand rather than by the whole pipeline. */
import type { Doc } from '../doc/types.js';
import { unknownPublished } from '../doc/types.js';
import { defaultConfig } from '../config.js';
import type { StageContext } from './stage.js';

/** A Doc whose text and body are `text`, with empty layers. */
export function makeTestDoc(text: string, overrides: Partial<Doc> = {}): Doc {
  return {
    id: '0000000000000000',
    origin: { path: 'test.txt', sha256: '0'.repeat(64), fetched: '2024-01-01T00:00:00.000Z' },
    language: null,
    title: null,
    standfirst: null,
    published: unknownPublished(),
    outlet: null,
    text,
    body: text,
    captions: [],
    embeds: [],
    comments: [],
    boilerplate: [],
    layers: {},
    errors: [],
    stages: {},
    ...overrides,
  };
}

/** A StageContext over the default configuration. */
export function testContext(): StageContext {
  return { config: defaultConfig() };
}
