import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { segmentPlainText } from './segment-text.js';

/** Joins lines with newlines, so indentation in the cases stays visible. */
function text(...lines: string[]): string {
  return lines.join('\n');
}

describe('segmentPlainText', () => {
  it('takes the title, strips metadata glued to it, and reads a stamp line', () => {
    const s = segmentPlainText(text(
      ' date 2023-03-02 Convoy stopped at the bridge',
      '09:15 GMT 02.03.2023 (Updated: 11:40 GMT 02.03.2023)',
      'Police stopped a convoy at the bridge on Thursday morning.',
    ));
    assert.equal(s.title, 'Convoy stopped at the bridge');
    assert.deepEqual(s.titleDate?.date, '2023-03-02');
    assert.deepEqual([s.stamp?.date, s.stamp?.time, s.stamp?.updated], ['2023-03-02', '09:15Z', '2023-03-02T11:40Z']);
    assert.deepEqual(s.paragraphs, ['Police stopped a convoy at the bridge on Thursday morning.']);
  });

  it('splits a credit glued to its caption and collapses a caption printed twice', () => {
    const s = segmentPlainText(text(
      'Headline',
      '',
      '© Example Photo / Ana TestovaResidents stand near a barricade of trucks, archive photo.',
      'Residents stand near a barricade of trucks / photo',
      'Residents stand near a barricade of trucks / photo',
      'The road stayed closed.',
    ));
    assert.deepEqual(s.captions, [
      { credit: 'Example Photo / Ana Testova', text: 'Residents stand near a barricade of trucks, archive photo.' },
      { text: 'Residents stand near a barricade of trucks / photo', credit: null },
    ]);
    assert.deepEqual(s.paragraphs, ['The road stayed closed.']);
  });

  it('reads a trailing "Photo:" credit', () => {
    const s = segmentPlainText(text('Headline', '', 'Trucks wait at the crossing. Photo: City Desk', '', 'Body text here.'));
    assert.deepEqual(s.captions, [{ text: 'Trucks wait at the crossing', credit: 'City Desk' }]);
  });

  it('takes a tweet embed apart', () => {
    const s = segmentPlainText(text(
      'Headline',
      'Body sentence one.',
      'Queues again at the crossing this morning. pic.twitter.com/AbC123xyz— Traffic Watch (@traffic_watch) March 2, 2023',
    ));
    assert.deepEqual(s.embeds, [{
      kind: 'tweet', author: '@traffic_watch', display_name: 'Traffic Watch', date: '2023-03-02',
      text: 'Queues again at the crossing this morning.', url: 'https://pic.twitter.com/AbC123xyz',
    }]);
  });

  it('reads an indented comment thread with authors on their own line and times under them', () => {
    const s = segmentPlainText(text(
      'Headline',
      '',
      'The last sentence of the article.',
      '  Reader One',
      '    3 March 2023 08: 05',
      '    First comment text.',
      '    Reader Two',
      '      3 March 2023 09: 10',
      '      A reply to the first.',
      '  Reader Three (Display Three) 3 March 2023 10: 00',
      '  Another top-level comment.',
    ));
    assert.deepEqual(s.paragraphs, ['The last sentence of the article.']);
    assert.deepEqual(
      s.comments.map((c) => [c.author, c.display_name, c.posted, c.depth, c.parent, c.text]),
      [
        ['Reader One', null, '2023-03-03T08:05', 0, null, 'First comment text.'],
        ['Reader Two', null, '2023-03-03T09:10', 1, 0, 'A reply to the first.'],
        ['Reader Three', 'Display Three', '2023-03-03T10:00', 0, null, 'Another top-level comment.'],
      ],
    );
  });

  it('opens comments at a sign-in prompt and reads numbered, quoting, voted comments', () => {
    const s = segmentPlainText(text(
      'Headline',
      'Body text of the story.',
      'To leave a comment, please log in or register.',
      '  1. alpha Offline alpha',
      '    alpha (Al) 4 March 2023 12: 00',
      '    Words of alpha.',
      '    +5 / -1',
      '    1. beta Offline beta',
      '      beta 4 March 2023 12: 30',
      '      Quote: alpha',
      '      Words of alpha.',
      '      Beta answers here.',
    ));
    assert.deepEqual(s.boilerplate, ['To leave a comment, please log in or register.']);
    assert.deepEqual(
      s.comments.map((c) => [c.author, c.display_name, c.posted, c.depth, c.parent, c.quotes, c.likes, c.text]),
      [
        ['alpha', 'Al', '2023-03-04T12:00', 0, null, null, 5, 'Words of alpha.'],
        ['beta', null, '2023-03-04T12:30', 1, 0, 'alpha', null, 'Beta answers here.'],
      ],
    );
  });

  it('reads vote counts printed under a comment as its likes', () => {
    const s = segmentPlainText(text(
      'Headline', 'Body.', 'Comments (2)',
      '  1. first_reader', '  7 March 2023 09:00', '  Text one.', '  Reply | 👍 12 👎 3',
      '  2. second_reader', '  7 March 2023 09:30', '  Text two.', '  Liked by 1 person',
    ));
    assert.deepEqual(s.comments.map((c) => [c.author, c.likes, c.text]), [['first_reader', 12, 'Text one.'], ['second_reader', 1, 'Text two.']]);
  });

  it('reads WordPress "says:" comments and records the comment form as boilerplate', () => {
    const s = segmentPlainText(text(
      'Headline',
      'Body.',
      '',
      '2 thoughts on "Headline"',
      '',
      '    reader_a says:',
      '    March 5, 2023 at 7:15 pm',
      '    Nice piece.',
      '    Reply',
      '',
      '        reader_b says:',
      '        March 5, 2023 at 8:01 pm',
      '        Agreed.',
      '        Reply',
      '',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
    ));
    assert.deepEqual(s.comments.map((c) => [c.author, c.posted, c.depth, c.parent, c.text]), [
      ['reader_a', '2023-03-05T19:15', 0, null, 'Nice piece.'],
      ['reader_b', '2023-03-05T20:01', 1, 0, 'Agreed.'],
    ]);
    assert.ok(s.boilerplate.includes('Leave a Reply'));
  });

  it('keeps footers, share bars and related links out of the body and reads the outlet they name', () => {
    const s = segmentPlainText(text(
      'Headline',
      'The only paragraph of the story.',
      'The post Headline appeared first on Example Daily.',
      'Read More',
      'Related:',
      ' Another story title',
      ' Yet another story?',
      'Share this:',
      'WhatsApp',
    ));
    assert.deepEqual(s.paragraphs, ['The only paragraph of the story.']);
    assert.equal(s.outlet?.name, 'Example Daily');
    assert.equal(s.boilerplate.length, 7);
  });

  it('reads a byline line as metadata with its date, not as body', () => {
    const s = segmentPlainText(text('Headline', 'Example Desk | 6 March 2023, 14:20 | A. Writer', 'The story begins here.'));
    assert.deepEqual(s.meta, ['Example Desk | 6 March 2023, 14:20 | A. Writer']);
    assert.deepEqual([s.metaDate?.date, s.metaDate?.time], ['2023-03-06', '14:20']);
    assert.deepEqual(s.paragraphs, ['The story begins here.']);
  });

  it('takes a short lede above the photo as the standfirst', () => {
    const s = segmentPlainText(text('Headline', '', 'One-line summary of the story.', '', 'Police at the scene / photo', '', 'First body paragraph.', '', 'Second.'));
    assert.equal(s.standfirst, 'One-line summary of the story.');
    assert.deepEqual(s.paragraphs, ['First body paragraph.', 'Second.']);
  });

  it('joins hard-wrapped lines into one paragraph but keeps one-line paragraphs apart', () => {
    const s = segmentPlainText(text('Headline', 'A sentence that was wrapped', 'across two lines.', 'A second paragraph.'));
    assert.deepEqual(s.paragraphs, ['A sentence that was wrapped across two lines.', 'A second paragraph.']);
  });

  it('never throws and never loses the body of plain prose (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), (input) => {
        segmentPlainText(input);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Z][a-z]{2,8}( [a-z]{2,8}){3,12}\.$/), { minLength: 2, maxLength: 8 }), (sentences) => {
        const s = segmentPlainText(sentences.join('\n\n'));
        assert.equal(s.title, sentences[0]);
        assert.deepEqual(s.paragraphs, sentences.slice(1));
      }),
    );
  });
});
