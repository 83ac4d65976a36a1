/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core, against a server
 * started in process on a store built from examples/ plus one hostile article. Skips, saying so,
 * when /usr/bin/chromium is missing, unless CI is set (then it fails). Screenshots are written to
 * test-artifacts/ for people to look at; nothing here compares pixels.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startServer, type RunningServer } from '../../src/api/serve.js';
import { loadConfig } from '../../src/config.js';
import { ingestInputs } from '../../src/ingest/ingest.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const missing = !existsSync(CHROMIUM);
const skip = missing && process.env.CI !== 'true' ? `${CHROMIUM} is not installed (apt-get install chromium); the browser tests are skipped` : false;

/** Payloads a hostile page might carry; each would set window.__pwned or open a dialog if it ran. */
const PAYLOAD_SCRIPT = '<script>window.__pwned=1;alert("script")</script>';
const PAYLOAD_IMG = '<img src=x onerror="window.__pwned=2;alert(\'img\')">';
const PAYLOAD_LINK = 'javascript:window.__pwned=3;alert("link")';

/** A page whose title, body and a comment carry the payloads as text (escaped) and as markup. */
function hostileHtml(): string {
  const escaped = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<!doctype html><html><head><meta charset="utf-8">
<title>Zlonamerni ${escaped(PAYLOAD_IMG)} report from Jarinje</title>
<link rel="canonical" href="${escaped(PAYLOAD_LINK)}">
<meta property="article:published_time" content="2022-10-15T09:00:00Z"><meta property="og:site_name" content="Hostile Herald">
</head><body><article>
<h1>Zlonamerni ${escaped(PAYLOAD_IMG)} report from Jarinje</h1>
<p>Trucks were stopped at Jarinje on Saturday, ${escaped(PAYLOAD_SCRIPT)} witnesses said, and police moved in before noon.</p>
<p>A second paragraph near Jarinje links <a href="${escaped(PAYLOAD_LINK)}">${escaped(PAYLOAD_LINK)}</a> and carries markup ${PAYLOAD_SCRIPT} ${PAYLOAD_IMG} that the cleaner must drop.</p>
<p>Officials in Zubin Potok said the crossing would reopen. The report was confirmed by two officials later that day.</p>
</article>
<div id="comments" class="comments-area"><ol class="comment-list">
<li class="comment depth-1" id="comment-1"><div class="comment-author"><cite class="fn">${escaped(PAYLOAD_IMG)}</cite></div>
<div class="comment-meta"><a href="#comment-1">October 15, 2022 at 10:24 pm</a></div>
<p>Zlonamerni comment at Jarinje ${escaped(PAYLOAD_SCRIPT)} ${escaped(PAYLOAD_LINK)}</p></li>
<li class="comment depth-1" id="comment-2"><div class="comment-author"><cite class="fn">Second</cite></div>
<div class="comment-meta"><a href="#comment-2">October 15, 2022 at 10:30 pm</a></div>
<p>Another comment ${escaped(PAYLOAD_IMG)}</p></li>
<li class="comment depth-1" id="comment-3"><div class="comment-author"><cite class="fn">Third</cite></div>
<div class="comment-meta"><a href="#comment-3">October 15, 2022 at 10:40 pm</a></div>
<p>A third comment.</p></li>
</ol></div></body></html>`;
}

/** The same payloads through JSONL, where url, title and outlet are taken as given. */
function hostileJsonl(): string {
  return `${JSON.stringify({
    url: 'https://hostile.example/zlonamerni',
    title: `Zlonamerni brief ${PAYLOAD_SCRIPT}`,
    outlet: `Hostile ${PAYLOAD_IMG}`,
    published: '2022-10-16',
    text: `Zlonamerni brief ${PAYLOAD_SCRIPT}\n\nPolice in Leposavić said ${PAYLOAD_IMG} nothing happened, see ${PAYLOAD_LINK} for more.`,
  })}\n`;
}

describe('the dashboard in Chromium', { skip, timeout: 120_000 }, () => {
  let work: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  before(async () => {
    if (missing) throw new Error(`${CHROMIUM} is missing and CI is set: install it with \`apt-get install -y chromium\``);
    work = mkdtempSync(join(tmpdir(), 'sitrep-browser-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    // 1. The dashboard, built from source so the test sees the code under test, not a stale bundle.
    const webRoot = join(work, 'web');
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), build: { outDir: webRoot, emptyOutDir: true }, logLevel: 'error' });
    // 2. A store from the examples plus the hostile inputs.
    writeFileSync(join(work, 'hostile.html'), hostileHtml());
    writeFileSync(join(work, 'hostile.jsonl'), hostileJsonl());
    const db = join(work, 'sitrep.db');
    const config = loadConfig({ db });
    store = await openStore(db);
    const summary = await ingestInputs([join(ROOT, 'examples'), join(work, 'hostile.html'), join(work, 'hostile.jsonl')], { store, config });
    assert.equal(summary.failed.length, 0, JSON.stringify(summary.failed));
    // 3. The server and the browser.
    server = await startServer({ store, config, token: null, port: 0, webRoot });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Everything here is local and small, but the suite shares two cores with the other test
    // files (a search once took over 5 s under that load): a wait this long is a failure.
    page.setDefaultTimeout(15_000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The biggest point a pointer can reach (a smaller point drawn on top may cover a big one's centre). */
  async function clickablePoint(): Promise<{ readonly name: string; readonly circle: ReturnType<Page['locator']> }> {
    const points = page.locator('.point');
    const count = await points.count();
    for (let i = 0; i < count; i += 1) {
      const circle = points.nth(i).locator('circle');
      const reachable = await circle.click({ trial: true, timeout: 300 }).then(
        () => true,
        () => false,
      );
      if (reachable) return { name: ((await points.nth(i).getAttribute('aria-label')) ?? '').split(/[:(]/)[0]?.trim() ?? '', circle };
    }
    throw new Error(`None of the ${count} points can be clicked`);
  }

  async function status(): Promise<string> {
    return (await page.locator('.status').textContent()) ?? '';
  }

  async function inView(): Promise<number> {
    const match = /^(\d+) of (\d+) documents/.exec(await status());
    assert.ok(match, `status line: ${await status()}`);
    return Number(match[1]);
  }

  test('the page loads with the strict CSP and the map shows points', async () => {
    const response = await page.goto(server.url);
    assert.ok(response, 'a response for /');
    const csp = response.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
    }
    assert.ok(!csp.includes('unsafe'), csp);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    const points = await page.locator('.point').count();
    assert.ok(points >= 5, `points on the map: ${points}`);
    assert.ok((await page.locator('.countries path').count()) > 10, 'the basemap is drawn');
    assert.match(await status(), /^\d+ of \d+ documents/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-overview.png') });
  });

  test('the map shows incidents coloured by type; clicking one opens its reports with document, certainty and quoted span', async () => {
    const api = (await (await fetch(`${server.url}/api/incidents?limit=1000`)).json()) as {
      items: { id: string; type: string; place: { lat: number | null } | null; reports: { document: string; certainty: string; evidence: { text: string } }[] }[];
    };
    const placed = api.items.filter((incident) => incident.place?.lat != null);
    assert.ok(placed.length >= 3, `incidents with a place: ${placed.length}`);
    await page.waitForSelector('.incidents .incident');
    assert.equal(await page.locator('.incident').count(), placed.length, 'one marker per placed incident');
    const fills = new Set(await page.locator('.incident path').evaluateAll((paths) => paths.map((path) => path.getAttribute('fill'))));
    const types = new Set(placed.map((incident) => incident.type));
    assert.equal(fills.size, types.size, `a colour per type: ${[...types].join(', ')}`);
    assert.equal(await page.locator('.type-key').count(), types.size, 'the legend names each type');

    // The incident with the most reports that the pointer can reach.
    const markers = page.locator('.incident');
    let chosen: { id: string; marker: ReturnType<Page['locator']> } | null = null;
    const byReports = [...placed].sort((a, b) => b.reports.length - a.reports.length);
    for (const incident of byReports) {
      const marker = markers.and(page.locator(`[data-id="${incident.id}"]`));
      if (await marker.click({ trial: true, timeout: 300 }).then(() => true, () => false)) {
        chosen = { id: incident.id, marker };
        break;
      }
    }
    assert.ok(chosen, 'some incident marker can be clicked');
    await chosen.marker.click();
    const panel = page.locator(`.incident-evidence[data-id="${chosen.id}"]`);
    await panel.waitFor();
    assert.equal(await page.locator('#tab-evidence').getAttribute('aria-selected'), 'true');
    assert.equal(await chosen.marker.getAttribute('aria-pressed'), 'true');
    const expected = api.items.find((incident) => incident.id === chosen?.id);
    assert.ok(expected);
    const rows = panel.locator('.reports > li');
    assert.equal(await rows.count(), expected.reports.length, 'a row per report');
    for (const [i, report] of expected.reports.entries()) {
      const row = rows.nth(i);
      assert.equal(await row.getAttribute('data-document'), report.document);
      assert.equal(await row.locator('.certainty').textContent(), report.certainty);
      assert.equal(await row.locator('q.quoted').textContent(), report.evidence.text, 'the quoted span is the evidence, as text');
      assert.ok(((await row.locator('.doc-link').textContent()) ?? '').length > 0, 'the document is named');
    }
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-incident.png') });

    // The report opens its document with the event's trigger outlined.
    await rows.first().locator('.doc-link').click();
    await page.waitForSelector('.document mark.hl-event.focus');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-incident-document.png') });

    // By keyboard: Tab to a marker, Enter opens its evidence.
    const last = markers.last();
    const lastId = await last.getAttribute('data-id');
    await last.focus();
    await page.keyboard.press('Enter');
    await page.locator(`.incident-evidence[data-id="${lastId ?? ''}"]`).waitFor();
  });

  test('clicking a point opens its evidence, and a sentence opens the document with spans highlighted', async () => {
    const { name, circle } = await clickablePoint();
    await circle.click();
    // Wait for this place's evidence, not whatever the panel showed before the click.
    await page.locator('.evidence h2').filter({ hasText: name }).first().waitFor();
    await page.waitForSelector('.evidence .evidence-docs li');
    assert.equal((await page.locator('.evidence h2').textContent())?.startsWith(name), true, `evidence for ${name}`);
    assert.ok((await page.locator('.evidence .sentence mark').count()) > 0, 'mentions are marked in their sentences');
    assert.equal(await page.locator('#tab-evidence').getAttribute('aria-selected'), 'true');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-evidence.png') });
    await page.locator('.evidence .sentence button').first().click();
    await page.waitForSelector('.document .doc-text mark.hl-place');
    assert.ok((await page.locator('.document mark.focus').count()) > 0, 'the mention opened is outlined');
    assert.ok((await page.locator('.document mark.hl-entity').count()) > 0, 'entities are highlighted');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-document.png') });
  });

  test('a point is reachable by keyboard and Enter opens its evidence', async () => {
    const last = page.locator('.point').last();
    const name = ((await last.getAttribute('aria-label')) ?? '').split(/[:(]/)[0]?.trim() ?? '';
    await last.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((expected) => document.querySelector('.evidence h2')?.textContent?.startsWith(expected) ?? false, name);
  });

  test('brushing the timeline narrows what is shown, and "All dates" restores it', async () => {
    const all = await inView();
    const pointsBefore = await page.locator('.point').count();
    const box = await page.locator('.timeline-svg').boundingBox();
    assert.ok(box);
    // Drag across the first quarter of the days.
    await page.mouse.move(box.x + 12, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((before) => !document.querySelector('.status')?.textContent?.startsWith(`${before} of`), all);
    const brushed = await inView();
    assert.ok(brushed < all, `brushed ${brushed} < ${all}`);
    assert.notEqual(await page.locator('#brush-from').inputValue(), '', 'the From field follows the brush');
    await page.waitForFunction((before) => document.querySelectorAll('.point').length < before, pointsBefore);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-brushed.png') });
    await page.getByRole('button', { name: 'All dates' }).click();
    await page.waitForFunction((before) => document.querySelector('.status')?.textContent?.startsWith(`${before} of`) ?? false, all);
  });

  test('the as-of slider shows only what had been published by then', async () => {
    const all = await inView();
    const pointsBefore = await page.locator('.point').count();
    await page.locator('#as-of').focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('.status')?.textContent?.includes('as of') ?? false);
    const early = await inView();
    assert.ok(early < all, `as of the first day ${early} < ${all}`);
    assert.match(await page.locator('#as-of-value').textContent() ?? '', /^\d{4}-\d{2}-\d{2}$/);
    await page.waitForFunction((before) => document.querySelectorAll('.point').length < before, pointsBefore);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-as-of.png') });
    await page.keyboard.press('End');
    await page.waitForFunction((before) => document.querySelector('.status')?.textContent?.startsWith(`${before} of`) ?? false, all);
  });

  test('search lists hits and opens a document', async () => {
    await page.locator('#search').fill('barricade');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.hits li');
    assert.ok((await page.locator('.hits li').count()) > 0);
    await page.locator('.hits li .doc-link').first().click();
    await page.waitForSelector('.document .doc-text');
  });

  test('the contradiction ledger lists both sides with sources and quoted evidence; a click opens the incident', async () => {
    const api = (await (await fetch(`${server.url}/api/contradictions?limit=1000`)).json()) as {
      items: { id: string; incident: string; sides: { claim: string; sources: string[]; reports: { evidence: { text: string } | null }[] }[] }[];
    };
    // The seeds hold the 002/003 contradiction (armed clashes reported, the Defence Ministry's denial).
    assert.ok(api.items.length >= 1, `contradictions from the examples: ${api.items.length}`);
    await page.locator('#tab-contradictions').click();
    await page.waitForSelector('.ledger .ledger-item');
    assert.equal(await page.locator('.ledger-item').count(), api.items.length, 'one entry per contradiction');
    const first = page.locator('.ledger-item').first();
    const expected = api.items[0];
    assert.ok(expected);
    assert.equal(await first.getAttribute('data-id'), expected.id);
    assert.equal(await first.locator('.side-claim').count(), expected.sides.length, 'every side shown');
    assert.ok(expected.sides.length >= 2, 'two sides at least');
    const quoted = expected.sides.flatMap((side) => side.reports.flatMap((report) => (report.evidence ? [report.evidence.text] : [])));
    assert.deepEqual(await first.locator('q.quoted').allTextContents(), quoted, 'each report quoted, as text');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-contradictions.png') });
    await first.locator('.open-incident').click();
    await page.locator(`.incident-evidence[data-id="${expected.incident}"]`).waitFor();
    assert.equal(await page.locator('#tab-evidence').getAttribute('aria-selected'), 'true');
  });

  test('the escalation chart draws physical and rhetoric per day; choosing a day lists the incidents behind it', async () => {
    const api = (await (await fetch(`${server.url}/api/escalation`)).json()) as {
      total: { day: string; physical: { value: number; incidents: string[] }; rhetoric: { value: number; incidents: string[] } }[];
    };
    assert.ok(api.total.length >= 1, 'the examples have physical or rhetorical incidents');
    await page.locator('#tab-escalation').click();
    await page.waitForSelector('.escalation-svg .day');
    assert.equal(await page.locator('.escalation-svg .day').count(), api.total.length, 'a group per day');
    assert.ok((await page.locator('.escalation-svg .bar-physical').count()) === api.total.length);
    const busiest = [...api.total].sort((a, b) => b.physical.incidents.length + b.rhetoric.incidents.length - (a.physical.incidents.length + a.rhetoric.incidents.length))[0];
    assert.ok(busiest);
    await page.locator(`.escalation-svg .day[data-day="${busiest.day}"]`).click();
    await page.waitForSelector(`.drill-day[data-day="${busiest.day}"]`);
    const listed = await page.locator('.drill-day [data-incident]').evaluateAll((items) => items.map((item) => item.getAttribute('data-incident')));
    assert.deepEqual(listed, [...busiest.physical.incidents, ...busiest.rhetoric.incidents], 'the incidents behind both values');
    assert.equal(await page.locator(`.escalation-svg .day[data-day="${busiest.day}"]`).getAttribute('aria-pressed'), 'true');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-escalation.png') });
    // By keyboard: the first day, Enter.
    const firstDay = api.total[0]?.day ?? '';
    await page.locator(`.escalation-svg .day[data-day="${firstDay}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.drill-day[data-day="${firstDay}"]`);
    // An incident in the drill-down opens its evidence.
    const id = await page.locator('.drill-day [data-incident]').first().getAttribute('data-incident');
    await page.locator('.drill-day [data-incident] button').first().click();
    await page.locator(`.incident-evidence[data-id="${id ?? ''}"]`).waitFor();
  });

  test('sources compare camps and framing markers per outlet; a count lists the marked spans', async () => {
    const api = (await (await fetch(`${server.url}/api/framing?limit=2000`)).json()) as { items: { outlet: string | null; text: string }[]; profiles: { outlet: string; markers: number }[] };
    // Outlets the store names (an outlet-less document is profiled as `unknown outlet (<id>)`).
    const marked = api.profiles.filter((profile) => profile.markers > 0 && !profile.outlet.startsWith('unknown outlet')).sort((a, b) => b.markers - a.markers)[0];
    assert.ok(marked, 'some outlet in the examples uses framing markers');
    await page.locator('#tab-sources').click();
    await page.waitForSelector('.sources-compare table.sources');
    assert.ok(((await page.locator('.sources-compare .camp').allTextContents()).join('|')).includes('Serbian government line'), 'camps from data/camps.example.json');
    const button = page.locator(`button.count[data-outlet="${marked.outlet}"][data-technique="all"]`);
    assert.equal(await button.textContent(), String(marked.markers));
    await button.click();
    await page.waitForSelector('.marker-list .markers li');
    const texts = await page.locator('.marker-list .markers mark.hl-framing').allTextContents();
    assert.deepEqual(texts, api.items.filter((m) => m.outlet?.toLowerCase() === marked.outlet.toLowerCase()).map((m) => m.text), 'the marked spans of that outlet');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-sources-framing.png') });
    await page.locator('.marker-list .markers li button').first().click();
    await page.waitForSelector('.document mark.hl-framing.focus');
  });

  test('the hostile article executes nothing, wherever it is shown', async () => {
    await page.locator('#search').fill('Zlonamerni');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.hits li');
    const hits = await page.locator('.hits li .doc-link').count();
    assert.ok(hits >= 2, `both hostile documents are found: ${hits}`);
    assert.ok(((await page.locator('.hits').textContent()) ?? '').includes('<img src=x'), 'the payload shows as text');
    for (let i = 0; i < hits; i += 1) {
      await page.locator('#tab-search').click();
      await page.locator('.hits li .doc-link').nth(i).click();
      await page.waitForSelector('.document .doc-text');
    }
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-hostile.png') });
    // Its places' evidence shows the hostile sentences too.
    await page.locator('.point[aria-label^="Jarinje"]').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.evidence .evidence-docs li');
    await page.locator('#tab-sources').click();
    await page.locator('#tab-documents').click();
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
    assert.equal(pwned, null, 'no payload ran');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(await page.locator('img').count(), 0, 'no <img> from a payload');
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline <script> in the page');
    assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, 'no javascript: link');
    assert.deepEqual(consoleErrors, [], 'no console errors (CSP violations included)');
  });
});
