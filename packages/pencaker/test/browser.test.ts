// Pencaker in a built host on a phone (360×740) through core's browser harness: a seeker registers, fills the
// AK/1 profile, searches and applies; the employer shortlists and invites to an interview; the seeker sees the
// stage. Every page passes axe (WCAG 2.2 AA) and has no control smaller than 24×24 px.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { smallTargets, startBrowserHost, type BrowserTestHost } from '@kota-kit/core/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pencakerServer from '../src/server/index.js';
import { host, testClock } from './host.js';
import { demoAccounts } from './support.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const shots = process.env.KK_SCREENSHOTS;
let web: BrowserTestHost;

beforeAll(async () => {
  web = await startBrowserHost({
    host,
    clock: testClock(),
    modules: { pencaker: { server: pencakerServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } },
  });
  if (shots) await mkdir(shots, { recursive: true });
});
afterAll(async () => web?.close());

/** axe's WCAG 2.2 AA violations and controls smaller than 24×24 px on the page as it stands. */
async function check(page: Page, name: string): Promise<string[]> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return [...axe.violations.map((violation) => `${name}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), ...(await smallTargets(page)).map((target) => `${name}: small ${target}`)];
}

it('a seeker registers, fills the profile, searches and applies; the employer invites; the seeker sees the stage', async () => {
  const problems: string[] = [];
  const seeker = await web.phone();
  await seeker.goto('/register?next=%2Fpencaker%2Fprofil');
  await seeker.getByLabel('Nama lengkap').fill('Wati Pencari');
  await seeker.getByLabel('Email').fill('wati@contoh.id');
  await seeker.getByLabel('Kata sandi').fill('rahasia-wati-123');
  await seeker.getByRole('button', { name: 'Daftar' }).click();
  await seeker.waitForURL(/\/login/);
  await seeker.getByLabel('Kata sandi').fill('rahasia-wati-123');
  await seeker.getByRole('button', { name: 'Masuk' }).click();
  await seeker.waitForURL((url) => url.pathname === '/pencaker/profil');

  await seeker.getByLabel('NIK').waitFor();
  await seeker.getByLabel('NIK').fill('3671046106000003');
  await seeker.getByLabel('Tempat lahir').fill('Tangerang');
  await seeker.getByLabel('Tanggal lahir').fill('2000-06-21');
  await seeker.getByLabel('Jenis kelamin').selectOption('female');
  await seeker.getByLabel('Agama').selectOption('islam');
  await seeker.getByLabel('Status perkawinan').selectOption('single');
  await seeker.getByLabel('Alamat').fill('Jl. Melati No. 3, Cibodas');
  await seeker.getByLabel('Kecamatan').selectOption('Cibodas');
  await seeker.getByLabel('Nomor HP').fill('0813 1111 2222');
  await seeker.getByLabel('Pendidikan terakhir').selectOption('sma');
  await seeker.getByLabel('Nama sekolah / kampus').fill('SMA Negeri 5 Tangerang');
  await seeker.getByLabel('Keahlian (pisahkan dengan koma)').fill('administrasi, Excel');
  problems.push(...(await check(seeker, 'profile-form')));
  await seeker.getByRole('button', { name: 'Simpan profil' }).click();
  await seeker.getByRole('heading', { name: 'Kartu AK/1 (kartu kuning)' }).waitFor();
  await seeker.getByRole('button', { name: 'Ajukan kartu AK/1' }).click();
  await seeker.getByText('Diajukan', { exact: true }).waitFor();
  problems.push(...(await check(seeker, 'profile-card')));

  // The search row, then a filter from "more filters": the search lands in the address (shareable, back works).
  await seeker.goto('/pencaker');
  await seeker.getByRole('searchbox', { name: 'Cari lowongan' }).fill('gudang');
  await seeker.getByText('Saringan lainnya', { exact: true }).click();
  await seeker.getByLabel('Kecamatan').selectOption('Benda');
  await seeker.getByRole('button', { name: 'Terapkan saringan' }).click();
  await seeker.waitForURL(/\/pencaker\?q=gudang&kecamatan=Benda$/);
  await seeker.getByText('Saringan lainnya (1 aktif)').waitFor();
  const result = seeker.locator('article', { hasText: 'PT Cahaya Logistik Bandara' }).first();
  await result.waitFor();
  problems.push(...(await check(seeker, 'search')));
  const title = (await result.getByRole('link').textContent())!;
  await result.getByRole('link').click();
  await seeker.getByRole('heading', { level: 1, name: title }).waitFor();
  await seeker.getByLabel('Pesan untuk perusahaan (opsional)').fill('Saya siap bekerja shift.');
  problems.push(...(await check(seeker, 'vacancy')));
  await seeker.getByRole('button', { name: 'Kirim lamaran' }).click();
  await seeker.getByText('Lamaran terkirim').waitFor();
  const vacancyPath = new URL(seeker.url()).pathname;
  const vacancyId = vacancyPath.split('/').pop();

  const employer = await web.phone();
  await web.signIn(employer, demoAccounts.employer, '/pencaker/perusahaan');
  await employer.getByRole('heading', { name: 'PT Cahaya Logistik Bandara' }).waitFor();
  problems.push(...(await check(employer, 'employer')));
  await employer.goto(`/pencaker/perusahaan/lowongan/${vacancyId}`);
  const applicant = employer.locator('li', { hasText: 'Wati Pencari' });
  await applicant.waitFor();
  problems.push(...(await check(employer, 'applicants')));
  await applicant.getByRole('button', { name: 'Loloskan berkas' }).click();
  await applicant.getByText('Lolos seleksi berkas').waitFor();
  await applicant.getByRole('button', { name: 'Undang wawancara' }).click();
  await applicant.getByLabel('Tanggal dan jam wawancara').fill('2026-11-19T09:30');
  await applicant.getByLabel('Tempat wawancara').fill('Kantor HRD, Jl. Marsekal Suryadarma 18');
  await applicant.getByRole('button', { name: 'Kirim undangan' }).click();
  await applicant.getByText('Undangan wawancara', { exact: true }).waitFor();

  await seeker.goto('/pencaker/lamaran');
  const mine = seeker.locator('li', { hasText: title });
  await mine.getByText('Undangan wawancara', { exact: true }).waitFor();
  await mine.getByText('Kantor HRD, Jl. Marsekal Suryadarma 18', { exact: false }).waitFor();
  problems.push(...(await check(seeker, 'applications')));

  expect(problems).toEqual([]);
});

it('every other page passes axe and the target-size check on a phone', async () => {
  const problems: string[] = [];
  const visitor = await web.phone();
  for (const [name, path, ready] of [
    ['stats', '/pencaker/statistik', 'Pencari kerja menurut pendidikan'],
    ['fairs', '/pencaker/bursa-kerja', 'Bursa Kerja Kota Tangerang 2026'],
  ] as const) {
    await visitor.goto(path);
    await visitor.getByText(ready).first().waitFor();
    problems.push(...(await check(visitor, name)));
  }
  await visitor.getByRole('link', { name: /Perusahaan peserta/ }).click();
  await visitor.getByRole('heading', { name: 'PT Cahaya Logistik Bandara' }).waitFor();
  problems.push(...(await check(visitor, 'fair')));

  const seeker = await web.phone();
  await web.signIn(seeker, demoAccounts.seeker, '/pencaker/pencarian');
  await seeker.getByRole('heading', { name: 'Gudang di Benda' }).waitFor();
  problems.push(...(await check(seeker, 'searches')));
  await seeker.goto('/pencaker/profil');
  await seeker.getByText('KARTU TANDA BUKTI PENDAFTARAN PENCARI KERJA (AK/1)').waitFor();
  problems.push(...(await check(seeker, 'profile-active-card')));

  const officer = await web.phone();
  await web.signIn(officer, demoAccounts.officer, '/pencaker/petugas');
  await officer.getByRole('button', { name: /Kartu AK\/1 \(\d+\)/ }).waitFor();
  await officer.getByRole('button', { name: 'Lihat profil lengkap' }).first().waitFor();
  problems.push(...(await check(officer, 'officer-cards')));
  for (const [tab, name] of [
    [/Perusahaan \(\d+\)/, 'officer-employers'],
    [/Moderasi lowongan \(\d+\)/, 'officer-vacancies'],
    [/Bursa kerja/, 'officer-fairs'],
  ] as const) {
    await officer.getByRole('button', { name: tab }).click();
    await officer.locator('.pk-application, .kk-card').first().waitFor();
    problems.push(...(await check(officer, name)));
  }
  // The home screen lists the officer's task with what waits.
  await officer.goto('/');
  await officer.getByText(/Verifikasi Pencaker/).first().waitFor();

  expect(problems).toEqual([]);
});

it('Disnaker changes a job fair from the officer desk, errors shown at their fields, and the public page follows', async () => {
  const officer = await web.phone();
  await web.signIn(officer, demoAccounts.officer, '/pencaker/petugas');
  await officer.getByRole('button', { name: /Bursa kerja/ }).click();
  await officer.getByRole('button', { name: 'Ubah Bursa Kerja Kota Tangerang 2026' }).click();
  const place = officer.getByLabel('Tempat');
  await expect.poll(() => place.inputValue()).not.toBe('');
  const ends = officer.getByLabel('Selesai');
  const endsOn = await ends.inputValue();
  // An end before the start: said at the field in Bahasa Indonesia, nothing saved.
  await ends.fill('2020-01-01');
  await place.fill('Aula Pusat Pemerintahan Kota Tangerang');
  await officer.getByRole('button', { name: 'Simpan bursa kerja' }).click();
  await officer.getByText('Tanggal selesai tidak boleh sebelum tanggal mulai.').waitFor();
  expect(await ends.getAttribute('aria-invalid')).toBe('true');
  expect(await place.getAttribute('aria-invalid')).not.toBe('true');
  // A field only the server can judge (a title too short) comes back at its field.
  const title = officer.getByLabel('Nama acara');
  const titleText = await title.inputValue();
  await ends.fill(endsOn);
  await title.fill('BK');
  await officer.getByRole('button', { name: 'Simpan bursa kerja' }).click();
  await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
  await title.fill(titleText);
  const problems = await check(officer, 'officer-fair-edit');
  await officer.getByRole('button', { name: 'Simpan bursa kerja' }).click();
  await officer.getByRole('status').getByText('Bursa kerja “Bursa Kerja Kota Tangerang 2026” tersimpan.').waitFor();
  await officer.getByText(/Aula Pusat Pemerintahan Kota Tangerang/).first().waitFor();

  await officer.getByRole('link', { name: 'Halaman publik' }).first().click();
  await officer.getByRole('heading', { name: 'Bursa Kerja Kota Tangerang 2026' }).waitFor();
  await officer.getByText(/Aula Pusat Pemerintahan Kota Tangerang/).first().waitFor();
  expect(problems).toEqual([]);
});
