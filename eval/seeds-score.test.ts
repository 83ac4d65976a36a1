import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Comment, Doc, Published } from '../src/doc/types.js';
import { unknownPublished } from '../src/doc/types.js';
import { scoreSeed, seedsScore } from './seeds-score.js';
import { absentMessage, sharedDir, sharedPath } from './shared-data.js';

/** A gold record written for these tests, in the seed gold's shape. */
function gold(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    file: 'test.txt',
    title: 'Barricades rise near the crossing',
    published: { date: null, not_after: '2024-03-12', why: 'earliest comment' },
    body_first: 'Residents blocked the road on Monday.',
    body_last: 'The police did not intervene.',
    not_in_body: ['Good point', 'Leave a Reply'],
    captions: [],
    embeds: [],
    comments: [],
    places: [],
    events: [],
    ...overrides,
  };
}

/** A document built by hand, as cleaning might return it. */
function doc(overrides: Partial<Doc> = {}): Doc {
  return {
    id: 'ab'.repeat(8),
    origin: { path: 'test.txt', sha256: 'ab'.repeat(32), fetched: '2024-03-20T00:00:00.000Z' },
    language: 'en',
    title: 'Barricades rise near the crossing',
    standfirst: null,
    published: { ...unknownPublished(), not_after: '2024-03-12' },
    outlet: null,
    text: '',
    body: 'Residents blocked the road\non Monday. More followed.\n\nThe police did not intervene.',
    captions: [],
    embeds: [],
    comments: [],
    boilerplate: [],
    layers: {},
    errors: [],
    stages: { clean: 1 },
    ...overrides,
  };
}

function comment(text: string, overrides: Partial<Comment> = {}): Comment {
  return { author: null, display_name: null, posted: null, depth: 0, parent: null, quotes: null, likes: null, text, ...overrides };
}

function published(overrides: Partial<Published>): Published {
  return { ...unknownPublished(), ...overrides };
}

describe('scoreSeed: title and body', () => {
  it('accepts a title and body boundaries that differ only in white space', () => {
    const result = scoreSeed(gold(), doc({ title: '  Barricades rise\nnear the crossing ' }));
    assert.deepEqual([result.title.right, result.bodyFirst.right, result.bodyLast.right], [true, true, true]);
  });

  it('rejects a title with a glued metadata prefix', () => {
    assert.equal(scoreSeed(gold(), doc({ title: 'date 2024-03-12 Barricades rise near the crossing' })).title.right, false);
  });

  it('rejects a body that runs on past the last sentence, and lists the snippets that leaked into it', () => {
    const result = scoreSeed(gold(), doc({ body: 'Residents blocked the road on Monday.\n\nThe police did not intervene.\n\nLeave a Reply\nGood point' }));
    assert.equal(result.bodyLast.right, false);
    assert.deepEqual(result.notInBody, { total: 2, found: ['Good point', 'Leave a Reply'] });
  });

  it('marks everything wrong when cleaning produced no document, and says why', () => {
    const result = scoreSeed(gold(), 'empty: no text left after cleaning');
    assert.equal(result.error, 'empty: no text left after cleaning');
    assert.deepEqual([result.title.right, result.bodyFirst.right, result.bodyLast.right, result.published.right], [false, false, false, false]);
  });

  it('names the gold fields that later issues will score', () => {
    assert.deepEqual(scoreSeed(gold(), doc()).unscored, ['places', 'events']);
  });

  it('says which gold field is malformed', () => {
    assert.throws(() => scoreSeed(gold({ not_in_body: 'x' }), doc()), /"not_in_body" should be an array of strings/);
  });
});

describe('scoreSeed: published', () => {
  it('wants the exact date where gold has one', () => {
    const g = gold({ published: { date: '2024-03-11', not_after: null } });
    assert.equal(scoreSeed(g, doc({ published: published({ date: '2024-03-11' }) })).published.right, true);
    assert.equal(scoreSeed(g, doc({ published: published({ date: '2024-03-10' }) })).published.right, false);
  });

  it('wants no date and the same bound where gold has only a bound', () => {
    assert.equal(scoreSeed(gold(), doc()).published.right, true);
    assert.equal(scoreSeed(gold(), doc({ published: published({ not_after: '2024-03-13' }) })).published.right, false);
  });

  it('counts a confident date where gold has none as wrong, even inside the bound', () => {
    const result = scoreSeed(gold(), doc({ published: published({ date: '2024-03-11', not_after: '2024-03-12' }) }));
    assert.equal(result.published.right, false);
  });

  it('wants neither a date nor a bound where gold says the date is unknown', () => {
    const g = gold({ published: { date: null, not_after: null } });
    assert.equal(scoreSeed(g, doc({ published: unknownPublished('no date') })).published.right, true);
    assert.equal(scoreSeed(g, doc({ published: published({ not_after: '2024-03-20' }) })).published.right, false);
  });

  it('checks the time of day and the update stamp where gold gives them', () => {
    const g = gold({ published: { date: '2024-03-11', time: '09:30Z', updated: '2024-03-11T09:45Z' } });
    const result = scoreSeed(g, doc({ published: published({ date: '2024-03-11', time: '09:30', updated: '2024-03-11T09:45:00Z' }) }));
    assert.deepEqual([result.published.time?.right, result.published.updated?.right], [true, true]);
  });
});

describe('scoreSeed: comments', () => {
  const thread = [
    { author: 'Watcher', posted: '2024-03-12T10:15', depth: 0, parent: null, starts: 'Well said' },
    { author: 'guest', posted: '2024-03-12T10:50', depth: 1, parent: 0, starts: 'Not at all' },
  ];

  it('scores author, time to the minute, depth and parent of each comment', () => {
    const comments = [
      comment('Well said, truly.', { author: 'Watcher', posted: '2024-03-12T10:15:59' }),
      comment('Not at all.', { author: 'guest', posted: '2024-03-12 10:50', depth: 1, parent: 0 }),
    ];
    const result = scoreSeed(gold({ comments: thread }), doc({ comments }));
    assert.equal(result.comments.countRight, true);
    for (const field of ['text', 'author', 'posted', 'depth', 'parent']) assert.deepEqual(result.comments.fields[field], { right: 2, total: 2 }, field);
  });

  it('pairs comments by their opening words, so one spurious comment does not shift the rest', () => {
    const comments = [
      comment('Subscribe to our newsletter'),
      comment('Well said.', { author: 'Watcher', posted: '2024-03-12T10:15' }),
      comment('Not at all.', { author: 'guest', posted: '2024-03-12T10:50', depth: 1, parent: 1 }),
    ];
    const result = scoreSeed(gold({ comments: thread }), doc({ comments }));
    assert.equal(result.comments.countRight, false);
    assert.deepEqual(result.comments.fields.author, { right: 2, total: 2 });
    assert.deepEqual(result.comments.fields.parent, { right: 2, total: 2 });
  });

  it('counts a reply pointing at the wrong comment as a wrong parent', () => {
    const comments = [comment('Well said.'), comment('Not at all.', { depth: 1, parent: null })];
    assert.deepEqual(scoreSeed(gold({ comments: thread }), doc({ comments })).comments.fields.parent, { right: 1, total: 2 });
  });

  it('scores display names, quotes and likes only where gold gives them', () => {
    const g = gold({ comments: [{ ...thread[0], display_name: 'W.', likes: 1 }] });
    const result = scoreSeed(g, doc({ comments: [comment('Well said', { display_name: 'W.', likes: 2 })] }));
    assert.deepEqual(result.comments.fields.display_name, { right: 1, total: 1 });
    assert.deepEqual(result.comments.fields.likes, { right: 0, total: 1 });
    assert.deepEqual(result.comments.fields.quotes, { right: 0, total: 0 });
  });
});

describe('scoreSeed: embeds and captions', () => {
  it('compares embed handles without the @ and case, and the date by day', () => {
    const g = gold({ embeds: [{ kind: 'tweet', author: '@Reporter1', date: '2024-03-11', text: 'Shots heard in the north.' }] });
    const embeds = [{ kind: 'tweet', author: 'reporter1', display_name: null, date: '2024-03-11', text: 'Shots heard in the north. pic.twitter.com/x', url: null }];
    const result = scoreSeed(g, doc({ embeds }));
    for (const field of ['text', 'kind', 'author', 'date']) assert.deepEqual(result.embeds.fields[field], { right: 1, total: 1 }, field);
  });

  it('reads gold captions given as text alone or with a credit', () => {
    const g = gold({ captions: ['A convoy on the road / photo', { text: 'Police at the bridge.', credit: 'AP Photo / A. Person' }] });
    const captions = [
      { text: 'A convoy on the road / photo', credit: null },
      { text: 'Police at the bridge.', credit: 'AP Photo / Someone Else' },
    ];
    const result = scoreSeed(g, doc({ captions }));
    assert.deepEqual(result.captions.fields.text, { right: 2, total: 2 });
    assert.deepEqual(result.captions.fields.credit, { right: 0, total: 1 });
  });

  it('counts a caption kept twice as a wrong count', () => {
    const g = gold({ captions: ['A convoy on the road / photo'] });
    const twice = { text: 'A convoy on the road / photo', credit: null };
    assert.equal(scoreSeed(g, doc({ captions: [twice, twice] })).captions.countRight, false);
  });
});

const seedsDir = join(sharedDir(), 'seeds');

describe('seedsScore', () => {
  it(
    'scores every gold file in ../shared/seeds and totals the fields',
    { skip: sharedPath(seedsDir) === null ? absentMessage(seedsDir, 'the seed scoring test') : false },
    () => {
      const result = seedsScore(seedsDir);
      assert.ok(result.files.length > 0);
      assert.equal(result.totals.files, result.files.length);
      assert.equal(result.totals.title.total, result.files.length);
      const goldComments = result.files.reduce((sum, file) => sum + file.comments.expected, 0);
      assert.equal(result.totals.comments.fields.author?.total, goldComments);
    },
  );
});
