import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { looksLikeFeed, parseFeed, type FeedResult } from './feeds.js';

const FEED_URL = 'https://news.example/feeds/main.xml';

function feedOf(result: FeedResult): Extract<FeedResult, { ok: true }> {
  if (!result.ok) assert.fail(`expected a feed, got ${result.failure.message}`);
  return result;
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Vesti &amp; analize</title>
    <link>https://news.example/</link>
    <item>
      <title><![CDATA[Road reopened near <em>Rudare</em>]]></title>
      <link>/2024/05/road-reopened?ref=rss&amp;x=1</link>
      <pubDate>Mon, 06 May 2024 09:30:00 +0200</pubDate>
      <description>Police said the road &lt;b&gt;reopened&lt;/b&gt;.</description>
      <content:encoded><![CDATA[<p>Police said the road near Rudare reopened on Monday.</p><p>Drivers waited for hours.</p>]]></content:encoded>
    </item>
    <item>
      <title>Talks resume &#8211; again</title>
      <guid isPermaLink="true">https://news.example/2024/05/talks</guid>
      <dc:date>2024-05-07T08:00:00Z</dc:date>
    </item>
    <item>
      <title>No link at all</title>
      <guid isPermaLink="false">tag:news.example,2024:3</guid>
    </item>
  </channel>
</rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/">
    <title>Old Wire</title>
    <items><rdf:Seq><rdf:li resource="https://old.example/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://old.example/1">
    <title>Bridge closed</title>
    <link>https://old.example/1</link>
    <dc:date>2023-12-10</dc:date>
    <description>The bridge was closed overnight.</description>
  </item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Kosovo &amp;amp; Serbia desk</title>
  <link rel="self" href="https://atom.example/feed"/>
  <entry>
    <title type="html">Plates &lt;em&gt;deal&lt;/em&gt; signed</title>
    <link rel="self" href="https://atom.example/api/1"/>
    <link rel="alternate" type="text/html" href="/news/plates"/>
    <published>2024-01-02T10:00:00+01:00</published>
    <updated>2024-01-03T10:00:00+01:00</updated>
    <summary>Negotiators agreed.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Negotiators agreed on plates &amp; documents.</p></div></content>
  </entry>
  <entry>
    <title>Escaped HTML content</title>
    <link href="https://atom.example/news/2"/>
    <updated>2024-01-04T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Mayor &amp;amp; council met.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>CDATA and text content</title>
    <link href="https://atom.example/news/3"/>
    <content type="html"><![CDATA[<p>In CDATA</p>]]></content>
  </entry>
  <entry>
    <title>Plain text content</title>
    <link href="https://atom.example/news/4"/>
    <content>First line &lt; second.

Second paragraph.</content>
  </entry>
</feed>`;

describe('parseFeed', () => {
  it('reads an RSS 2.0 feed: title, links resolved, CDATA, dates as given, content:encoded', () => {
    const feed = feedOf(parseFeed(RSS, FEED_URL));
    assert.equal(feed.kind, 'rss');
    assert.equal(feed.title, 'Vesti & analize');
    assert.deepEqual(feed.warnings, []);
    assert.equal(feed.items.length, 3);
    assert.deepEqual(feed.items[0], {
      url: 'https://news.example/2024/05/road-reopened?ref=rss&x=1',
      title: 'Road reopened near Rudare',
      published: 'Mon, 06 May 2024 09:30:00 +0200',
      summary: 'Police said the road <b>reopened</b>.',
      contentHtml: '<p>Police said the road near Rudare reopened on Monday.</p><p>Drivers waited for hours.</p>',
    });
    assert.deepEqual(feed.items[1], {
      url: 'https://news.example/2024/05/talks',
      title: 'Talks resume – again',
      published: '2024-05-07T08:00:00Z',
      summary: null,
    });
    assert.equal(feed.items[2]?.url, null, 'a guid that is not a permalink is not a link');
  });

  it('reads an RSS 1.0 (RDF) feed', () => {
    const feed = feedOf(parseFeed(RDF, 'https://old.example/index.rdf'));
    assert.equal(feed.kind, 'rdf');
    assert.equal(feed.title, 'Old Wire');
    assert.deepEqual(feed.items, [
      { url: 'https://old.example/1', title: 'Bridge closed', published: '2023-12-10', summary: 'The bridge was closed overnight.' },
    ]);
  });

  it('reads an Atom feed: alternate links, published before updated, each kind of content', () => {
    const feed = feedOf(parseFeed(ATOM, 'https://atom.example/feed'));
    assert.equal(feed.kind, 'atom');
    assert.equal(feed.title, 'Kosovo & Serbia desk');
    const [first, second, third, fourth] = feed.items;
    assert.equal(first?.url, 'https://atom.example/news/plates');
    assert.equal(first?.title, 'Plates deal signed');
    assert.equal(first?.published, '2024-01-02T10:00:00+01:00');
    assert.equal(first?.contentHtml, '<div xmlns="http://www.w3.org/1999/xhtml"><p>Negotiators agreed on plates &amp; documents.</p></div>');
    assert.equal(second?.published, '2024-01-04T10:00:00Z');
    assert.equal(second?.contentHtml, '<p>Mayor &amp; council met.</p>');
    assert.equal(third?.contentHtml, '<p>In CDATA</p>');
    assert.equal(fourth?.contentHtml, '<p>First line &lt; second.</p>\n<p>Second paragraph.</p>');
  });

  it('reads a feed with a bare ampersand leniently, with a warning', () => {
    const broken = '<rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://x.example/a?b=1&c=2</link></item></channel></rss>';
    const feed = feedOf(parseFeed(broken, FEED_URL));
    assert.equal(feed.items[0]?.url, 'https://x.example/a?b=1&c=2');
    assert.match(feed.warnings[0] ?? '', /not well-formed XML \(line 1: .*\); read leniently/);
  });

  it('returns a failure for a document that is not a feed', () => {
    const html = parseFeed('<html><body><p>Hello</p></body></html>', FEED_URL);
    assert.deepEqual(html, {
      ok: false,
      failure: { input: FEED_URL, code: 'bad-feed', message: `${FEED_URL}: not an RSS or Atom feed (the root element is <html>)` },
    });
    const garbage = parseFeed('this is { not xml', FEED_URL);
    assert.equal(garbage.ok, false);
    const cut = parseFeed('<rss><channel><title>Cut', FEED_URL);
    assert.equal(cut.ok, false);
    assert.match(cut.ok ? '' : cut.failure.message, /not well-formed XML .* no items could be read/);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `<rss><channel><item><title>${s}</title><link>${s}</link></item></channel></rss>`)), (xml) => {
        const result = parseFeed(xml, FEED_URL);
        assert.equal(typeof result.ok, 'boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('looksLikeFeed', () => {
  it('trusts feed Content-Types', () => {
    assert.equal(looksLikeFeed('', 'application/rss+xml; charset=utf-8'), true);
    assert.equal(looksLikeFeed('', 'application/atom+xml'), true);
  });

  it('recognises feeds by their root element behind a prolog, even when served as XML or HTML', () => {
    assert.equal(looksLikeFeed(Buffer.from(RSS), 'text/xml'), true);
    assert.equal(looksLikeFeed(ATOM, 'text/html'), true);
    assert.equal(looksLikeFeed(RDF, null), true);
    const prolog = '\ufeff<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- generated -->\n<!DOCTYPE rss>\n<rss version="2.0"></rss>';
    assert.equal(looksLikeFeed(Buffer.from(prolog, 'utf8'), 'application/xml'), true);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('<?xml version="1.0" encoding="utf-16"?><feed xmlns="http://www.w3.org/2005/Atom"/>', 'utf-16le')]);
    assert.equal(looksLikeFeed(utf16, 'application/xml'), true);
  });

  it('does not take pages, other RDF or images for feeds', () => {
    assert.equal(looksLikeFeed('<!doctype html><html><body>rss</body></html>', 'text/html'), false);
    assert.equal(looksLikeFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', 'application/xml'), false);
    assert.equal(looksLikeFeed('<rss>', 'image/png'), false);
    assert.equal(looksLikeFeed('Just words about an rss feed.', 'text/plain'), false);
  });
});
