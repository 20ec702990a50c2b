// The module in a built host on a phone, through core's shared browser harness: a citizen reads the notices,
// an editor publishes one (a bad field is refused on the field first) and withdraws it.
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserTestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import moduleTemplateServer from '../src/server/index.js';
import { host } from './host.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
let web: BrowserTestHost;

beforeAll(async () => {
  web = await startBrowserHost({
    host,
    modules: { 'module-template': { server: moduleTemplateServer, client: here('../src/client/index.ts'), style: here('../src/style.css') } },
  });
});
afterAll(async () => web?.close());

it('a citizen reads notices; an editor publishes and withdraws one on a phone', async () => {
  const citizen = await web.phone();
  await citizen.goto('/module-template');
  await citizen.getByRole('heading', { name: 'Jadwal pelayanan keliling' }).waitFor();
  expect(await citizen.getByRole('button', { name: 'Terbitkan' }).count()).toBe(0);

  const editor = await web.phone();
  await web.signIn(editor, 'editor@demo.kotakit.id', '/module-template');
  await editor.getByLabel('Judul').fill('x');
  await editor.getByRole('button', { name: 'Terbitkan' }).click();
  // The server's schema, checked in the browser: the message sits on the field, nothing was sent.
  // The check runs after the click's handler: wait for it rather than read the attribute at once.
  await expect.poll(() => editor.getByLabel('Judul').getAttribute('aria-invalid')).toBe('true');

  await editor.getByLabel('Judul').fill('Posyandu pindah ke balai warga');
  await editor.getByLabel('Isi').fill('Mulai bulan depan posyandu diadakan di balai warga RW 03.');
  await editor.getByRole('button', { name: 'Terbitkan' }).click();
  await editor.getByText('Pengumuman “Posyandu pindah ke balai warga” terbit.').waitFor();
  await editor.getByRole('heading', { name: 'Posyandu pindah ke balai warga' }).waitFor();

  await editor.locator('article', { hasText: 'Posyandu pindah ke balai warga' }).getByRole('button', { name: 'Tarik' }).click();
  await editor.getByRole('dialog').getByRole('button', { name: 'Tarik' }).click();
  await editor.getByRole('heading', { name: 'Posyandu pindah ke balai warga' }).waitFor({ state: 'detached' });
});
