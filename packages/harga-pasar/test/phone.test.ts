// Issue 13 ("LAKSA and harga pasar on a phone"), harga pasar's part, in Chromium at 360×740 on a region with the
// national list of 21 commodities: the compact board (density measured), details and HET/HAP on tap, group chips,
// downloads as named files reachable from the top, the chart's readout, price entry without typos, the markets
// still to enter, locked published days, the supervisor's review of unusual changes, and 24×24 px targets.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, todayIn } from '@kota-kit/core';
import { demoPassword } from '@kota-kit/core/server';
import { smallTargets as smallTargetsIn, startBrowserHost, TestClock, type BrowserTestHost, type TestClient } from '@kota-kit/core/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tangerangDefaults } from '../src/index.js';
import hargaPasarServer from '../src/server/index.js';
import { region, testHost } from './fixture.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const day = 86_400_000;
let web: BrowserTestHost;
let today: string;
let yesterday: string;
let enumerator: TestClient;

beforeAll(async () => {
  // Demo prices up to yesterday, then today is the empty day (as in browser.test.ts).
  const clock = new TestClock(new Date(Date.now() - day));
  web = await startBrowserHost({
    host: testHost({ demoSeedDays: 8, commodities: tangerangDefaults.commodities, referencePrices: tangerangDefaults.referencePrices }),
    modules: { 'harga-pasar': { server: hargaPasarServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } },
    clock,
    afterStart: () => clock.advance(day),
  });
  today = todayIn(region.timeZone, clock.now());
  yesterday = addDays(today, -1);
  // The case: chilli was Rp 56.000 at Pasar Anyar on the previous market day.
  const supervisor = web.server.client();
  await supervisor.login('supervisor@demo.kotakit.id', demoPassword);
  const corrected = await supervisor.json(`/api/harga-pasar/prices/${yesterday}/pasar-a/cabai-rawit-merah`, {
    method: 'PATCH',
    body: { price: 56_000, reason: 'Harga uji: Rp 56.000' },
  });
  expect([200, 400]).toContain(corrected.status); // 400: the seed had 56.000 already
  enumerator = web.server.client();
  await enumerator.login('enumerator@demo.kotakit.id', demoPassword);
});

afterAll(async () => web?.close());

async function shot(page: Page, name: string, fullPage = false) {
  const dir = process.env.KK_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, `harga-pasar-phone-${name}.png`), fullPage });
}

/** The part of the phone's screen not under core's bottom navigation. */
async function visibleBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const nav = document.querySelector('.kk-nav');
    const top = nav ? nav.getBoundingClientRect().top : innerHeight;
    return top > 0 && top < innerHeight ? top : innerHeight;
  });
}


/** Controls under 24×24 px in the page's main part (the shell is measured by the host's accessibility test). */
const smallTargets = (page: Page) => smallTargetsIn(page, 'main');

describe('harga pasar on a phone (issue 13)', () => {
  it('#6 shows a compact board: 21 rows, at least 8 on the first screen and per screen, whole rows opening details, group chips', async () => {
    const page = await web.phone();
    await page.goto('/harga-pasar');
    await page.getByRole('heading', { name: 'Harga bahan pokok', level: 1 }).waitFor();
    const rows = page.locator('li.hp-item > button.hp-row');
    await rows.first().waitFor();
    // The first screen's rows come first, the rest in a background render (core's useProgressiveList).
    await expect.poll(() => rows.count()).toBe(21);
    await shot(page, 'board');

    // Density 1: rows per 740 px of the list's height.
    const boxes = await rows.evaluateAll((elements) => elements.map((element) => ({ top: element.getBoundingClientRect().top + scrollY, bottom: element.getBoundingClientRect().bottom + scrollY })));
    const listHeight = boxes.at(-1)!.bottom - boxes[0]!.top;
    const perScreen = (boxes.length / listHeight) * 740;
    expect(perScreen).toBeGreaterThanOrEqual(8);

    // Density 2: once the list is at the top of the screen (after a group chip), the rows fully on screen.
    await page.getByRole('navigation', { name: 'Lompat ke kelompok' }).getByRole('link', { name: 'Beras', exact: true }).click();
    await page.waitForFunction(() => (document.getElementById('hp-group-beras')?.getBoundingClientRect().top ?? 999) < 40);
    const bottom = await visibleBottom(page);
    const onScreen = await rows.evaluateAll((elements, limit) => elements.filter((element) => element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().bottom <= limit).length, bottom);
    expect(onScreen).toBeGreaterThanOrEqual(8);
    // Density 3: the very first screen, without scrolling — the compact top (title line, date line, one line of
    // chips) leaves room for at least 8 rows fully visible above the bottom navigation (it was 2 before).
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForFunction(() => scrollY === 0);
    const firstScreen = await rows.evaluateAll((elements, limit) => elements.filter((element) => element.getBoundingClientRect().top >= 0 && element.getBoundingClientRect().bottom <= limit).length, bottom);
    console.info(`board density: ${perScreen.toFixed(1)} rows per 740 px, ${onScreen} rows on screen after a chip, ${firstScreen} in the first screen`);
    expect(firstScreen).toBeGreaterThanOrEqual(8);
    // The top stays compact: the title, the download jump and the date each on one short line.
    const top = await page.evaluate(() => ({
      title: document.querySelector('h1')!.getBoundingClientRect().height,
      jump: document.querySelector('.hp-board__titleline .hp-jump')!.getBoundingClientRect().top - document.querySelector('h1')!.getBoundingClientRect().top,
      description: getComputedStyle(document.querySelector('.hp-board__about')!).display,
    }));
    expect(top.title).toBeLessThan(30);
    expect(Math.abs(top.jump)).toBeLessThan(10);
    // The explanation is one tap away on a phone.
    expect(top.description).toBe('none');
    await page.getByRole('button', { name: 'Tentang harga ini' }).tap();
    await page.getByText('Rata-rata pasar tradisional kota dan perubahannya dari hari pasar sebelumnya.').waitFor();
    await page.getByRole('button', { name: 'Tentang harga ini' }).tap();
    // The chips scroll sideways in one line, with a visible sign that more follow.
    const chips = page.getByRole('navigation', { name: 'Lompat ke kelompok' });
    const chipTops = await chips.getByRole('link').evaluateAll((elements) => new Set(elements.map((element) => Math.round(element.getBoundingClientRect().top))).size);
    expect(chipTops).toBe(1);
    await chips.locator('.hp-chips__more').waitFor();

    // Every row is one target of the full width, at least 44 px high, named by commodity, price and change.
    for (const box of await rows.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(300);
    }

    // A chip jumps to its group.
    await page.getByRole('navigation', { name: 'Lompat ke kelompok' }).getByRole('link', { name: 'Ikan', exact: true }).click();
    await page.waitForFunction(() => {
      const top = document.getElementById('hp-group-ikan')?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < innerHeight / 2;
    });

    // Tapping a row opens its details in place: lowest and highest market, the reference price explained.
    const chilli = page.getByRole('button', { name: /^Cabai rawit merah/ });
    await chilli.tap();
    expect(await chilli.getAttribute('aria-expanded')).toBe('true');
    const details = page.locator('#hp-details-cabai-rawit-merah');
    await details.getByText('Termurah').waitFor();
    await details.getByText('Termahal').waitFor();
    await details.getByText('Pasar Anyar').or(details.getByText('Pasar Bandeng')).first().waitFor();
    // #9: HAP on tap, in plain words.
    await details.getByRole('button', { name: /^HAP/ }).tap();
    await details.getByText(/Harga Acuan Pembelian\/Penjualan/).waitFor();
    await details.getByText(/harga patokan pemerintah/).waitFor();
    await shot(page, 'board-details');
    const rice = page.getByRole('button', { name: /^Beras medium/ });
    await rice.tap();
    await page.locator('#hp-details-beras-medium').getByRole('button', { name: /^HET/ }).tap();
    await page.locator('#hp-details-beras-medium').getByText(/Harga Eceran Tertinggi/).waitFor();
    // The details lead to the commodity page.
    await details.getByRole('link', { name: /Cabai rawit merah/ }).tap();
    await page.waitForURL('**/harga-pasar/komoditas/cabai-rawit-merah');
    await page.context().close();
  });

  it('#10 downloads named files from a panel reached from the top of the board', async () => {
    const page = await web.phone();
    await page.goto('/harga-pasar');
    await page.locator('li.hp-item').first().waitFor();
    const jump = page.getByRole('link', { name: 'Unduh data', exact: true });
    // Near the header: on the first screen without scrolling.
    expect((await jump.boundingBox())!.y).toBeLessThan(400);
    await jump.tap();
    await page.waitForFunction(() => {
      const top = document.getElementById('hp-download')?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < innerHeight / 2;
    });

    for (const [name, extension] of [['Unduh JSON', 'json'], ['Unduh CSV', 'csv']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^harga-pasar_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
      const text = await readFile((await download.path())!, 'utf8');
      if (extension === 'json') expect((JSON.parse(text) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
      else expect(text.split('\n')[0]).toContain('date,market');
    }
    // The JSON did not open in place: still on the board.
    expect(new URL(page.url()).pathname).toBe('/harga-pasar');
    await page.context().close();
  });

  it('#10 shows the value of the nearest day on the chart by touch, pointer and keyboard', async () => {
    const page = await web.phone();
    await page.goto('/harga-pasar/komoditas/cabai-rawit-merah');
    const probe = page.getByRole('slider', { name: /Jelajahi grafik/ });
    await probe.waitFor();
    const readout = page.getByTestId('chart-readout');
    await readout.getByText(/Sentuh atau geser grafik/).waitFor();
    const box = (await probe.boundingBox())!;

    await probe.tap({ position: { x: box.width - 12, y: box.height / 2 } });
    await readout.getByText(/Rata-rata kota Rp/).waitFor();
    const latest = await readout.textContent();
    expect(await probe.getAttribute('aria-valuetext')).toBe(latest);
    await page.getByTestId('chart-focus').waitFor({ state: 'attached' });

    await probe.hover({ position: { x: box.width * 0.3, y: box.height / 2 } });
    await page.waitForFunction((before) => document.querySelector('[data-testid="chart-readout"]')?.textContent !== before, latest);

    // Keyboard: End is the latest day (the last row of the series), arrows step by a day.
    await probe.focus();
    await page.keyboard.press('End');
    await page.waitForFunction((text) => document.querySelector('[data-testid="chart-readout"]')?.textContent === text, latest);
    await page.keyboard.press('ArrowLeft');
    expect(await readout.textContent()).not.toBe(latest);
    expect(Number(await probe.getAttribute('aria-valuenow'))).toBe(Number(await probe.getAttribute('aria-valuemax')) - 1);
    await shot(page, 'chart');
    await page.context().close();
  });

  it('#11 enters prices without typos: select on focus, digits grouped, markets still to enter', async () => {
    const page = await web.phone();
    await web.signIn(page, 'enumerator@demo.kotakit.id', '/harga-pasar/entri');
    await page.getByRole('heading', { name: 'Entri harga', level: 1 }).waitFor();
    // Which markets still need today's entry.
    await page.getByRole('heading', { name: '2 dari 2 pasar belum selesai diisi' }).waitFor();
    const chips = page.locator('.hp-market-chips');
    await chips.getByRole('button', { name: /Pasar Anyar\s*belum diisi/ }).waitFor();
    await chips.getByRole('button', { name: /Pasar Bandeng\s*belum diisi/ }).waitFor();

    const chilli = page.getByLabel(/^Cabai rawit merah/);
    await chilli.waitFor();
    expect(await chilli.getAttribute('inputmode')).toBe('numeric');
    // #9: the previous market day, with its date, not "kemarin".
    await page.getByRole('button', { name: /Sama dengan hari pasar sebelumnya untuk 21 baris kosong/ }).click();
    expect(await chilli.inputValue()).toBe('56.000');
    await page.getByText(/Hari pasar sebelumnya: hari terakhir harga pasar ini dicatat/).waitFor();

    // Tap the pre-filled field and type: the whole value was selected, so it is replaced, and grouped while typing.
    await chilli.tap();
    await page.keyboard.type('82000');
    expect(await chilli.inputValue()).toBe('82.000');
    // Editing in the middle keeps the caret after the same digit.
    await chilli.press('End');
    await chilli.press('ArrowLeft');
    await chilli.press('ArrowLeft');
    await chilli.press('ArrowLeft');
    await page.keyboard.type('5');
    expect(await chilli.inputValue()).toBe('825.000');
    await page.keyboard.press('Backspace');
    expect(await chilli.inputValue()).toBe('82.000');
    await shot(page, 'entry');

    // WCAG 2.4.11: tabbing down the list never leaves the focused control under the sticky save bar.
    expect(await page.evaluate(() => document.documentElement.classList.contains('hp-entry-bar'))).toBe(true);
    const hidden: string[] = [];
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press('Tab');
      const place = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement | null;
        const bar = document.querySelector('.hp-entry__bar');
        if (!focused || !bar || bar.contains(focused)) return null;
        return { name: focused.getAttribute('aria-label') ?? focused.id ?? focused.tagName, bottom: focused.getBoundingClientRect().bottom, barTop: bar.getBoundingClientRect().top };
      });
      if (place && place.bottom > place.barTop + 1) hidden.push(`${place.name}: ${Math.round(place.bottom)} > ${Math.round(place.barTop)}`);
    }
    expect(hidden).toEqual([]);

    await page.getByRole('button', { name: 'Simpan harga' }).click();
    await page.getByRole('button', { name: 'Harga sudah benar, simpan' }).click();
    await page.getByText(/21 harga tersimpan dan menunggu publikasi/).waitFor();
    const stored = await enumerator.json<{ items: { commodity: string; price: number | null }[] }>(`/api/harga-pasar/entry?market=pasar-a&date=${today}`);
    expect(stored.body.items.find((item) => item.commodity === 'cabai-rawit-merah')?.price).toBe(82_000);
    await page.getByRole('heading', { name: '1 dari 2 pasar belum selesai diisi' }).waitFor();
    await chips.getByRole('button', { name: /Pasar Anyar\s*draf/ }).waitFor();
    await page.context().close();
  });

  it('#3 makes the supervisor check the +46% chilli against its previous price before publishing; a stale page cannot skip it', async () => {
    const page = await web.phone();
    await web.signIn(page, 'supervisor@demo.kotakit.id', '/harga-pasar/publikasi');
    const day = page.locator('li.hp-day', { has: page.getByRole('heading', { name: 'Pasar Anyar' }) });
    const review = day.getByRole('region', { name: /1 perubahan tidak biasa \(lebih dari 20%\)/ });
    await review.waitFor();
    const outlier = review.locator('li', { hasText: 'Cabai rawit merah' });
    await outlier.getByText('Rp 56.000').waitFor();
    await outlier.getByText('Rp 82.000').waitFor();
    await outlier.getByText('+46,4%').waitFor();
    const publish = day.getByRole('button', { name: 'Terbitkan 21 harga' });
    expect(await publish.isDisabled()).toBe(true);
    await day.getByText(/Centang “Sudah dicek” pada 1 harga/).waitFor();
    await review.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shot(page, 'publish-review');

    // Meanwhile the enumerator changes the chilli again: the page still shows 82.000.
    const body = { market: 'pasar-a', date: today, prices: [{ commodity: 'cabai-rawit-merah', price: 83_000 }], confirmLargeChanges: true };
    expect((await enumerator.json('/api/harga-pasar/entry', { method: 'PUT', body })).status).toBe(200);
    const checkbox = outlier.getByRole('checkbox', { name: /Sudah dicek.*Cabai rawit merah/ });
    await checkbox.check();
    expect(await publish.isDisabled()).toBe(false);
    await publish.click();
    // The server refused the stale acknowledgement; the page shows the price as stored now, unchecked.
    await day.getByText(/Harga hari ini berubah sejak halaman dibuka/).waitFor();
    await outlier.getByText('Rp 83.000').waitFor();
    expect(await checkbox.isChecked()).toBe(false);
    expect(await publish.isDisabled()).toBe(true);

    await checkbox.check();
    await publish.click();
    await day.getByText('21 harga diterbitkan.').waitFor();
    await page.context().close();
  });

  it('#11 shows the fields of a published day locked', async () => {
    const page = await web.phone();
    await web.signIn(page, 'enumerator@demo.kotakit.id', '/harga-pasar/entri');
    await page.getByRole('combobox', { name: 'Pasar' }).selectOption('pasar-a');
    await page.getByText('Harga hari ini sudah terbit dan terkunci. Perubahan hanya lewat koreksi supervisor.').waitFor();
    const chilli = page.getByLabel(/^Cabai rawit merah/);
    expect(await chilli.getAttribute('readonly')).not.toBeNull();
    expect(await chilli.inputValue()).toBe('83.000');
    await page.locator('.hp-entry__lock').first().getByText('Terkunci').waitFor();
    expect(await page.getByRole('button', { name: 'Simpan harga' }).count()).toBe(0);
    await page.locator('.hp-market-chips').getByRole('button', { name: /Pasar Anyar\s*terbit/ }).waitFor();
    await shot(page, 'entry-locked');
    await page.context().close();
  });

  it('#15 has no control smaller than 24×24 px on the board, commodity, markets, entry and publish pages', async () => {
    const found: Record<string, string[]> = {};
    const citizen = await web.phone();
    await citizen.goto('/harga-pasar');
    await citizen.locator('li.hp-item').first().waitFor();
    await citizen.getByRole('button', { name: /^Cabai rawit merah/ }).tap(); // open details with the HAP term
    found.board = await smallTargets(citizen);
    await citizen.goto('/harga-pasar/komoditas/cabai-rawit-merah');
    await citizen.getByRole('slider', { name: /Jelajahi grafik/ }).waitFor();
    await citizen.getByRole('table', { name: /Harga Cabai rawit merah per pasar/ }).waitFor();
    found.commodity = await smallTargets(citizen);
    await citizen.goto('/harga-pasar/pasar');
    await citizen.getByRole('group', { name: /Peta sederhana lokasi/ }).waitFor();
    found.markets = await smallTargets(citizen);
    await citizen.context().close();

    const officer = await web.phone();
    await web.signIn(officer, 'enumerator@demo.kotakit.id', '/harga-pasar/entri');
    await officer.getByRole('combobox', { name: 'Pasar' }).selectOption('pasar-b');
    await officer.getByLabel(/^Cabai rawit merah/).waitFor();
    found.entry = await smallTargets(officer);
    await officer.context().close();

    const supervisor = await web.phone();
    await web.signIn(supervisor, 'supervisor@demo.kotakit.id', '/harga-pasar/publikasi');
    await supervisor.locator('li.hp-day').first().getByRole('heading').waitFor();
    await supervisor.getByText(/draf · .* terbit/).first().waitFor();
    found.publish = await smallTargets(supervisor);
    await supervisor.context().close();

    expect(found).toEqual({ board: [], commodity: [], markets: [], entry: [], publish: [] });
  });
});
