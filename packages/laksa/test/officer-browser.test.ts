// Issue 13, officers on a phone (360×740): the home task link with its count, inbox tabs with counts and
// compact rows whose flags agree with the status, the main button following role and status, verify and forward
// in one dialog with the category's agency preselected by name, and a progress update the reporter sees.
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserTestHost } from '@kota-kit/core/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import laksaServer from '../src/server/index.js';
import { send, testHost } from './fixture.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let web: BrowserTestHost;

beforeAll(async () => {
  web = await startBrowserHost({
    host: testHost({ rateLimitPerHour: 100 }),
    modules: { laksa: { server: laksaServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } },
  });
});

afterAll(async () => {
  await web?.close();
});

/** The buttons of the report's action bar: names, and which one is the big primary one. */
async function actionButtons(page: Page) {
  const bar = page.locator('.lk-officer-actions');
  await bar.waitFor();
  return bar.locator('button').evaluateAll((buttons) => buttons.map((button) => ({ name: button.textContent?.trim() ?? '', primary: button.classList.contains('kk-button--primary') })));
}

async function openRow(page: Page, ticket: string) {
  await page.locator('article', { hasText: ticket }).getByRole('link').click();
  await page.getByText(ticket, { exact: true }).first().waitFor();
}

describe('laksa officers on a phone', () => {
  it('verifier: count on home, tabs, one-step verify and forward; handler: start, progress; the reporter sees progress', async () => {
    const created = await send(web.server.client(), { title: 'Jalan amblas di Jl. Daan Mogot' });

    // Central room: "Tugas saya" shows what waits.
    const rPage = await web.phone();
    await web.signIn(rPage, 'verifier@demo.kotakit.id', '/');
    const task = rPage.getByRole('link', { name: /^Kotak masuk LAKSA \(\d+\)$/ });
    await task.waitFor();
    const todo = Number(/\((\d+)\)/.exec((await task.textContent()) ?? '')![1]);
    expect(todo).toBeGreaterThan(0);
    await task.click();

    // Tabs with counts by what the officer must do; the first one open.
    await rPage.getByRole('heading', { name: 'Kotak masuk LAKSA' }).waitFor();
    const tabs = rPage.getByRole('navigation', { name: 'Jenis pekerjaan' });
    await tabs.getByRole('link', { name: `Perlu verifikasi (${todo})` }).waitFor();
    await expect(tabs.getByRole('link', { name: `Perlu verifikasi (${todo})` }).getAttribute('aria-current')).resolves.toBe('page');
    await tabs.getByRole('link', { name: /^Lewat tenggat \(\d+\)$/ }).waitFor();
    await tabs.getByRole('link', { name: 'Selesai', exact: true }).waitFor();
    await tabs.getByRole('link', { name: /^Di dinas \(\d+\)$/ }).waitFor();
    // Every tab is a touch target of at least 24×24 px (44 px high).
    for (const box of await tabs.getByRole('link').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(24);
    }
    const row = rPage.locator('article', { hasText: created.ticket });
    await row.waitFor();
    await rPage.screenshot({ path: '/tmp/lk13-officer-inbox-verifier.png', fullPage: false });
    // Compact rows: title, kecamatan and age, one plain status; many per screen.
    await expect(row.textContent()).resolves.toMatch(/Karawaci · hari ini/);
    const heights = await rPage.locator('article.lk-inbox-row').evaluateAll((rows) => rows.map((item) => item.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThanOrEqual(3);
    // (The old cards took 332 px each: 19 over 6,310 px.) No row wider than the phone.
    expect(Math.max(...heights)).toBeLessThanOrEqual(140);
    expect(heights.reduce((sum, height) => sum + height, 0) / heights.length).toBeLessThanOrEqual(115);
    const widths = await rPage.locator('article.lk-inbox-row').evaluateAll((rows) => rows.map((item) => item.getBoundingClientRect().right));
    expect(Math.max(...widths)).toBeLessThanOrEqual(360);
    // Flags agree with the status: a verified report is never "late for verification".
    for (const text of await rPage.locator('article.lk-inbox-row').allTextContents()) {
      if (text.includes('Terverifikasi')) expect(text).not.toContain('Lewat tenggat verifikasi');
    }

    // The report: "Verifikasi & teruskan" is the one big button; nothing the central room cannot do.
    await openRow(rPage, created.ticket);
    const fresh = await actionButtons(rPage);
    expect(fresh[0]).toEqual({ name: 'Verifikasi & teruskan', primary: true });
    expect(fresh.filter((button) => button.primary)).toHaveLength(1);
    expect(fresh.map((button) => button.name)).not.toContain('Mulai tindak lanjut');
    expect(fresh.map((button) => button.name)).not.toContain('Kirim tanggapan');
    await rPage.screenshot({ path: '/tmp/lk13-officer-report-verifier.png', fullPage: false });

    // One dialog: the category's agency preselected and named, one call.
    await rPage.getByRole('button', { name: 'Verifikasi & teruskan', exact: true }).click();
    const dialog = rPage.getByRole('dialog');
    await dialog.waitFor();
    const agency = dialog.getByLabel(/^Dinas tujuan/);
    await expect(agency.inputValue()).resolves.toBe('dpupr');
    await expect(agency.locator('option:checked').textContent()).resolves.toBe('DPUPR — Dinas Pekerjaan Umum dan Penataan Ruang');
    const hint = (await dialog.textContent()) ?? '';
    expect(hint).toContain('Sesuai kategori: Dinas Pekerjaan Umum dan Penataan Ruang.');
    expect(hint).not.toMatch(/\bdpupr\b/);
    await rPage.screenshot({ path: '/tmp/lk13-officer-verify-forward-dialog.png', fullPage: false });
    const calls: string[] = [];
    rPage.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/laksa/inbox/')) calls.push(new URL(request.url()).pathname.split('/').pop()!);
    });
    await dialog.getByRole('button', { name: 'Verifikasi & teruskan', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await rPage.getByText(`Laporan ${created.ticket} terverifikasi dan diteruskan.`).waitFor();
    expect(calls).toEqual(['verify-and-forward']);
    // After forwarding, "Teruskan" is no longer the verifier's main action: there is none.
    await rPage.getByText('Tidak ada langkah untuk Anda saat ini: laporan ada di DPUPR.').waitFor();
    const after = await actionButtons(rPage);
    expect(after.some((button) => button.primary)).toBe(false);
    expect(after.map((button) => button.name)).not.toContain('Teruskan ke dinas');
    expect(after.map((button) => button.name)).toContain('Alihkan ke dinas lain');
    await rPage.context().close();

    // DPUPR: its tab and count; "Mulai tindak lanjut" first, then "Kirim tanggapan" with "Kabar perkembangan" beside it.
    const aPage = await web.phone();
    await web.signIn(aPage, 'dpupr@demo.kotakit.id', '/');
    await aPage.getByRole('link', { name: /^Kotak masuk LAKSA \(\d+\)$/ }).click();
    const handle = aPage.getByRole('navigation', { name: 'Jenis pekerjaan' }).getByRole('link', { name: /^Perlu tindak lanjut \(\d+\)$/ });
    await handle.waitFor();
    await expect(handle.getAttribute('aria-current')).resolves.toBe('page');
    await expect(aPage.getByRole('link', { name: /^Perlu verifikasi/ }).count()).resolves.toBe(0);
    await aPage.screenshot({ path: '/tmp/lk13-officer-inbox-handler.png', fullPage: false });
    await openRow(aPage, created.ticket);
    const forwarded = await actionButtons(aPage);
    expect(forwarded[0]).toEqual({ name: 'Mulai tindak lanjut', primary: true });
    for (const name of ['Verifikasi', 'Verifikasi & teruskan', 'Tolak', 'Teruskan ke dinas', 'Kirim tanggapan']) expect(forwarded.map((button) => button.name)).not.toContain(name);
    await aPage.screenshot({ path: '/tmp/lk13-officer-report-handler.png', fullPage: false });
    await aPage.getByRole('button', { name: 'Mulai tindak lanjut', exact: true }).click();
    await aPage.getByRole('dialog').getByRole('button', { name: 'Mulai', exact: true }).click();
    await aPage.getByText(`Tindak lanjut ${created.ticket} dimulai.`).waitFor();
    const started = await actionButtons(aPage);
    expect(started[0]).toEqual({ name: 'Kirim tanggapan', primary: true });
    expect(started).toContainEqual({ name: 'Kabar perkembangan', primary: false });

    // Progress without closing.
    await aPage.getByRole('button', { name: 'Kabar perkembangan', exact: true }).click();
    const progress = aPage.getByRole('dialog');
    await progress.getByLabel(/^Kabar perkembangan/).fill('Tim sudah mengukur amblasan; pengurukan dijadwalkan Kamis.');
    await aPage.screenshot({ path: '/tmp/lk13-officer-progress-dialog.png', fullPage: false });
    await progress.getByRole('button', { name: 'Kirim kabar', exact: true }).click();
    await progress.waitFor({ state: 'detached' });
    await aPage.getByText(`Kabar perkembangan ${created.ticket} terkirim. Laporan tetap diproses.`).waitFor();
    await expect(actionButtons(aPage).then((buttons) => buttons[0])).resolves.toEqual({ name: 'Kirim tanggapan', primary: true });
    await aPage.screenshot({ path: '/tmp/lk13-officer-report-handler-started.png', fullPage: false });
    await aPage.context().close();

    // The reporter sees the update on the tracking page; the report is still being handled.
    const page = await web.phone();
    await page.goto(created.trackingUrl);
    await page.getByRole('heading', { name: 'Jalan amblas di Jl. Daan Mogot' }).waitFor();
    await page.getByText('Tim sudah mengukur amblasan; pengurukan dijadwalkan Kamis.').waitFor();
    await page.getByText('Kabar perkembangan').first().waitFor();
    await page.context().close();
  });
});
