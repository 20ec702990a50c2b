// The newsroom on a real server and database (embedded, and PostgreSQL when the run has one): the workflow's
// permission boundaries, sanitised bodies, revisions and their comparison, corrections, scheduled publication
// with a controllable clock, and the audit trail.
import { startTestHost, testDatabaseTargets, type TestClient, type TestClock, type TestHost } from '@kota-kit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsroomArticle } from '../src/index.js';
import beritaServer from '../src/server/index.js';
import { act, createDraft, sampleArticle, signedIn, start } from './fixture.js';
import { accounts, host } from './host.js';

describe.each(testDatabaseTargets())('berita newsroom on %s', (database) => {
  let server: TestHost;
  let clock: TestClock;
  let writer: TestClient;
  let editor: TestClient;
  let agencyWriter: TestClient;
  const published: { id: number; slug: string }[] = [];

  beforeAll(async () => {
    clock = start();
    server = await startTestHost({ host: { ...host, on: { 'berita.article.published': (payload) => void published.push(payload as never) } }, serverModules: [beritaServer], database, clock });
    writer = await signedIn(server, accounts.writer);
    editor = await signedIn(server, accounts.editor);
    agencyWriter = await signedIn(server, accounts.agencyWriter);
  });
  afterAll(async () => server?.close());

  it('keeps only allowed HTML: no scripts, handlers, foreign images or embeds from hosts not on the list', async () => {
    const draft = await createDraft(writer, {
      bodyHtml:
        '<p onclick="steal()">Isi <strong>tebal</strong> <a href="javascript:alert(1)">jahat</a> <a href="https://tangerangkota.go.id">situs</a></p><script>alert(1)</script>' +
        '<img src="https://tracker.example/x.gif" alt="x"><iframe src="https://evil.example/embed"></iframe><iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe><h2 style="color:red">Sub</h2>',
    });
    expect(draft.bodyHtml).not.toMatch(/script|onclick|javascript:|tracker|evil|style=/);
    expect(draft.bodyHtml).toContain('<strong>tebal</strong>');
    expect(draft.bodyHtml).toContain('<a href="https://tangerangkota.go.id" rel="noopener noreferrer nofollow">situs</a>');
    expect(draft.bodyHtml).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Konten tersemat" loading="lazy"></iframe>');
    expect(draft).toMatchObject({ status: 'draft', slug: 'pelayanan-perpanjangan-sim-keliling-hadir-di-cibodas', revision: 1, allowedActions: ['submit'], canEdit: true });
    // A second article with the same title gets its own address; a title like a page of the module gets another.
    expect((await createDraft(writer)).slug).toBe('pelayanan-perpanjangan-sim-keliling-hadir-di-cibodas-2');
    expect((await createDraft(writer, { title: 'Redaksi' })).slug).toBe('redaksi-berita');
  });

  it("refuses writing for another agency, an anonymous writer, an unknown category, and a body without text", async () => {
    const other = await writer.json<{ status: number }>('/api/berita/newsroom/articles', { method: 'POST', body: sampleArticle({ agencyId: 'dpupr' }) });
    expect(other.status).toBe(403);
    expect((await server.client().json('/api/berita/newsroom/articles', { method: 'POST', body: sampleArticle() })).status).toBe(401);
    const bad = await writer.json<{ errors: { field: string }[] }>('/api/berita/newsroom/articles', { method: 'POST', body: sampleArticle({ category: 'gosip', bodyHtml: '<script>only</script>' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.field)).toEqual(['body.category']);
    const empty = await writer.json<{ errors: { field: string }[] }>('/api/berita/newsroom/articles', { method: 'POST', body: sampleArticle({ bodyHtml: '<script>alert("no text")</script><p> </p>' }) });
    expect(empty.body.errors.map((error) => error.field)).toEqual(['body.bodyHtml']);
  });

  it('walks draft → review → changes requested (comment) → review → approved → published, each step by the right role', async () => {
    const draft = await createDraft(writer);
    // A writer cannot approve or publish; an editor of another agency's writer cannot even see it.
    expect((await act(writer, draft.id, 'publish')).status).toBe(403);
    expect((await agencyWriter.json(`/api/berita/newsroom/articles/${draft.id}`)).status).toBe(404);
    expect((await act(editor, draft.id, 'approve')).status).toBe(409); // still a draft
    expect((await act(writer, draft.id, 'submit')).body.status).toBe('review');
    // Sent for review: the writer may no longer change it.
    const locked = await writer.json<{ status: number }>(`/api/berita/newsroom/articles/${draft.id}`, { method: 'PUT', body: sampleArticle({ title: 'Judul diganti penulis' }) });
    expect(locked.status).toBe(409);
    const noComment = await act(editor, draft.id, 'request-changes');
    expect(noComment.status).toBe(400);
    const changes = await act(editor, draft.id, 'request-changes', { comment: 'Tambahkan jam layanan.' });
    expect(changes.body).toMatchObject({ status: 'changes' });
    expect(changes.body.events.at(-1)).toMatchObject({ action: 'request-changes', actorName: 'Redaktur Demo', comment: 'Tambahkan jam layanan.' });
    const edited = await writer.json<NewsroomArticle>(`/api/berita/newsroom/articles/${draft.id}`, {
      method: 'PUT',
      body: sampleArticle({ summary: 'Mobil SIM keliling melayani warga di Kecamatan Cibodas setiap Rabu pukul 08.00–12.00.' }),
    });
    expect(edited.body.revision).toBe(2);
    await act(writer, draft.id, 'submit');
    expect((await act(writer, draft.id, 'approve')).status).toBe(403);
    expect((await act(editor, draft.id, 'approve')).body.status).toBe('approved');
    const done = await act(editor, draft.id, 'publish');
    expect(done.body).toMatchObject({ status: 'published', publishedAt: clock.now().toISOString(), canCorrect: true });
    expect(published).toContainEqual(expect.objectContaining({ id: draft.id, slug: draft.slug }));
    expect((await act(editor, draft.id, 'publish')).status).toBe(409);
    // Readers see it now.
    expect((await server.client().json(`/api/berita/articles/${draft.slug}`)).status).toBe(200);

    const admin = await signedIn(server, 'admin@demo.kotakit.id');
    const audit = await admin.json<{ entries: { action: string; actorName: string }[] }>(`/api/admin/audit?module=berita&subjectId=${draft.id}`);
    expect(audit.body.entries.map((entry) => entry.action).sort()).toEqual(['article.approve', 'article.create', 'article.publish', 'article.request-changes', 'article.submit', 'article.submit', 'article.update'].sort());
  });

  it('lets a writer of one agency work on its articles only, and the newsroom editor review every agency', async () => {
    const theirs = await createDraft(agencyWriter, { agencyId: 'dpupr', title: 'Perbaikan jalan Daan Mogot dimulai pekan depan' });
    expect((await writer.json(`/api/berita/newsroom/articles/${theirs.id}`)).status).toBe(404);
    expect((await act(writer, theirs.id, 'submit')).status).toBe(404);
    await act(agencyWriter, theirs.id, 'submit');
    expect((await act(agencyWriter, theirs.id, 'publish')).status).toBe(403);
    expect((await act(editor, theirs.id, 'publish')).body.status).toBe('published');
    const list = await agencyWriter.json<{ items: { agencyId: string }[] }>('/api/berita/newsroom/articles');
    expect(new Set(list.body.items.map((item) => item.agencyId))).toEqual(new Set(['dpupr']));
    const all = await editor.json<{ items: { agencyId: string }[]; counts: Record<string, number> }>('/api/berita/newsroom/articles');
    expect(new Set(all.body.items.map((item) => item.agencyId))).toEqual(new Set(['diskominfo', 'dpupr']));
    expect(all.body.items[0]).toMatchObject({ agencyId: 'dpupr' }); // the newest change first
    expect(all.body.counts.review).toBeGreaterThan(0);
    // 20 a page, the counts over all of them.
    const total = Object.values(all.body.counts).reduce((sum, count) => sum + count, 0);
    expect(all.body.items).toHaveLength(20);
    const last = await editor.json<{ items: unknown[]; page: number; pages: number }>(`/api/berita/newsroom/articles?page=${Math.ceil(total / 20)}`);
    expect(last.body).toMatchObject({ page: Math.ceil(total / 20), pages: Math.ceil(total / 20) });
    expect(last.body.items).toHaveLength(total - 20 * (Math.ceil(total / 20) - 1));
  });

  it('keeps every revision and compares any two word by word', async () => {
    const draft = await createDraft(writer, { title: 'Taman baca dibuka di Larangan' });
    await writer.json(`/api/berita/newsroom/articles/${draft.id}`, { method: 'PUT', body: sampleArticle({ title: 'Taman baca baru dibuka di Larangan', bodyHtml: '<p>Warga Larangan kini punya taman baca dengan 2.000 buku.</p>' }) });
    const revisions = await writer.json<{ revisions: { number: number; authorName: string }[] }>(`/api/berita/newsroom/articles/${draft.id}/revisions`);
    expect(revisions.body.revisions.map((revision) => revision.number)).toEqual([2, 1]);
    const diff = await writer.json<{ title: { kind: string; text: string }[]; body: { kind: string; text: string }[] }>(`/api/berita/newsroom/articles/${draft.id}/diff?from=1&to=2`);
    expect(diff.body.title.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual(['baru']);
    expect(diff.body.body.some((part) => part.kind === 'removed' && part.text.includes('SIM'))).toBe(true);
    expect((await writer.json(`/api/berita/newsroom/articles/${draft.id}/diff?from=1&to=9`)).status).toBe(404);
  });

  it('shows corrections after publication with their date; only editors add them, only to published articles', async () => {
    const draft = await createDraft(writer, { title: 'Jadwal vaksinasi di Puskesmas Benda' });
    const early = await editor.json<{ status: number }>(`/api/berita/newsroom/articles/${draft.id}/corrections`, { method: 'POST', body: { text: 'Koreksi sebelum terbit tidak boleh.' } });
    expect(early.status).toBe(409);
    await act(writer, draft.id, 'submit');
    await act(editor, draft.id, 'publish');
    expect((await writer.json(`/api/berita/newsroom/articles/${draft.id}/corrections`, { method: 'POST', body: { text: 'Penulis tidak boleh mengoreksi.' } })).status).toBe(403);
    clock.advance(3_600_000);
    const corrected = await editor.json<NewsroomArticle>(`/api/berita/newsroom/articles/${draft.id}/corrections`, { method: 'POST', body: { text: 'Vaksinasi dimulai pukul 09.00, bukan 08.00.' } });
    expect(corrected.status).toBe(201);
    const article = await server.client().json<{ corrections: { at: string; text: string }[] }>(`/api/berita/articles/${draft.slug}`);
    expect(article.body.corrections).toEqual([expect.objectContaining({ at: clock.now().toISOString(), text: 'Vaksinasi dimulai pukul 09.00, bukan 08.00.' })]);
  });

  it('publishes a scheduled article through the job when its time comes, not before', async () => {
    const draft = await createDraft(writer, { title: 'Car free day kembali digelar Minggu pagi' });
    await act(writer, draft.id, 'submit');
    const past = await act(editor, draft.id, 'schedule', { at: new Date(clock.now().getTime() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    const at = new Date(clock.now().getTime() + 2 * 3_600_000);
    expect((await act(editor, draft.id, 'schedule', { at: at.toISOString() })).body).toMatchObject({ status: 'scheduled', scheduledAt: at.toISOString() });
    clock.advance(3_600_000);
    await server.server.runJob('berita', 'publish-scheduled');
    expect((await server.client().json(`/api/berita/articles/${draft.slug}`)).status).toBe(404);
    clock.advance(3_600_000 + 1000);
    await server.server.runJob('berita', 'publish-scheduled');
    await server.server.runJob('berita', 'publish-scheduled');
    const live = await server.client().json<{ publishedAt: string }>(`/api/berita/articles/${draft.slug}`);
    expect(live.status).toBe(200);
    expect(live.body.publishedAt).toBe(at.toISOString());
    expect(published.filter((event) => event.id === draft.id)).toHaveLength(1);
    const view = await editor.json<NewsroomArticle>(`/api/berita/newsroom/articles/${draft.id}`);
    expect(view.body.events.at(-1)).toMatchObject({ action: 'publish', actorName: 'Sistem', from: 'scheduled', to: 'published' });
  });

  it('uploads a picture re-encoded without EXIF at a few widths, and requires its alt text', async () => {
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'RahasiaKamera', Copyright: 'lokasi rumah' } })
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'foto.jpg');
    const upload = await writer.json<{ key: string; width: number; height: number }>('/api/berita/newsroom/images', { method: 'POST', body: form });
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ width: 1600, height: 900 });
    const stored = await server.client().fetch(`/api/berita/images/${upload.body.key}/480.jpg`);
    expect(stored.status).toBe(200);
    const bytes = Buffer.from(await stored.arrayBuffer());
    expect(bytes.includes(Buffer.from('RahasiaKamera'))).toBe(false);
    expect((await sharp(bytes).metadata()).width).toBe(480);
    const noAlt = await writer.json<{ errors: { field: string }[] }>('/api/berita/newsroom/articles', { method: 'POST', body: sampleArticle({ image: { key: upload.body.key, alt: '' } }) });
    expect(noAlt.body.errors.map((error) => error.field)).toEqual(['body.image.alt']);
    const withImage = await createDraft(writer, { image: { key: upload.body.key, alt: 'Mobil SIM keliling di halaman kecamatan', caption: 'Antrean pagi', credit: 'Diskominfo' } });
    expect(withImage.image).toMatchObject({ width: 1200, height: 675, alt: 'Mobil SIM keliling di halaman kecamatan' });
    expect(withImage.image!.srcset).toContain('480w');
    expect((await writer.json('/api/berita/newsroom/images', { method: 'POST', body: new FormData() })).status).toBe(400);
  });

});
