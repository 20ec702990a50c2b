// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { checkPhoto, formFieldOf, looksLikeTicket, mapReportErrors, reportParts, stageView, trackingTokenFrom, visibilitySummary } from './logic.js';

describe('visibility summary', () => {
  it('public and anonymous with a contact (the default): everything public but the identity, hidden from officers too', () => {
    const summary = visibilitySummary({ confidential: false, anonymous: true, hasContact: true });
    expect(summary.listedPublicly).toBe(true);
    expect(summary.publicParts).toEqual([...reportParts]);
    expect(summary.identityPublic).toBe(false);
    expect(summary.officersSeeContact).toBe(false);
    expect(summary.notified).toBe(true);
    expect(summary.sentences).toEqual(['visibility.sum.public', 'visibility.sum.anonymous', 'visibility.sum.neverPublic']);
  });

  it('public and named: officers see the (masked) contact, the public never does, and a tip points to anonymity', () => {
    const summary = visibilitySummary({ confidential: false, anonymous: false, hasContact: true });
    expect(summary.listedPublicly).toBe(true);
    expect(summary.officersSeeContact).toBe(true);
    expect(summary.identityPublic).toBe(false);
    expect(summary.sentences).toEqual(['visibility.sum.public', 'visibility.sum.named', 'visibility.sum.neverPublic', 'visibility.sum.tip']);
  });

  it('confidential: nothing at all is public', () => {
    for (const anonymous of [true, false]) {
      const summary = visibilitySummary({ confidential: true, anonymous, hasContact: true });
      expect(summary.listedPublicly).toBe(false);
      expect(summary.publicParts).toEqual([]);
      expect(summary.identityPublic).toBe(false);
      expect(summary.officersSeeContact).toBe(!anonymous);
      expect(summary.sentences[0]).toBe('visibility.sum.confidential');
    }
  });

  it('without a contact officers see nobody and the reporter is not notified, whatever the flags', () => {
    for (const confidential of [true, false]) {
      for (const anonymous of [true, false]) {
        const summary = visibilitySummary({ confidential, anonymous, hasContact: false });
        expect(summary.officersSeeContact).toBe(false);
        expect(summary.notified).toBe(false);
        expect(summary.sentences).toContain('visibility.sum.noContact');
        expect(summary.sentences).not.toContain('visibility.sum.tip');
      }
    }
  });
});

describe('field errors of the report form', () => {
  it('maps JSON and multipart paths onto the same form fields', () => {
    expect(formFieldOf('body.title')).toBe('title');
    expect(formFieldOf('body.report.title')).toBe('title');
    expect(formFieldOf('body.report.location.kecamatan')).toBe('kecamatan');
    expect(formFieldOf('body.location.kelurahan')).toBe('kelurahan');
    expect(formFieldOf('body.report.location.address')).toBe('address');
    expect(formFieldOf('body.location.lat')).toBe('point');
    expect(formFieldOf('body.report.location.lng')).toBe('point');
    expect(formFieldOf('body.report.location')).toBe('address');
    expect(formFieldOf('body.photos.1')).toBe('photos');
    expect(formFieldOf('body.photos')).toBe('photos');
    expect(formFieldOf('body.report.contact.email')).toBe('email');
    expect(formFieldOf('body.contact.phone')).toBe('phone');
    expect(formFieldOf('body.contact.nik')).toBe('nik');
    expect(formFieldOf('body.category')).toBe('category');
    expect(formFieldOf('body')).toBeNull();
    expect(formFieldOf('body.report')).toBeNull();
    expect(formFieldOf('body.unknown')).toBeNull();
  });

  it('keeps the first message per field and collects the rest as general errors', () => {
    const mapped = mapReportErrors([
      { field: 'body.report.title', message: 'Too small: expected string to have >=5 characters' },
      { field: 'body.report.title', message: 'second' },
      { field: 'body.report.location.kecamatan', message: 'Unknown kecamatan "Atlantis".' },
      { field: 'body.photos.0', message: 'Not an image.' },
      { field: 'body.report', message: 'Send the report as JSON text in the field "report".' },
    ]);
    expect(mapped.fields).toEqual({
      title: 'Too small: expected string to have >=5 characters',
      kecamatan: 'Unknown kecamatan "Atlantis".',
      photos: 'Not an image.',
    });
    expect(mapped.general).toEqual(['Send the report as JSON text in the field "report".']);
    expect(mapReportErrors(undefined)).toEqual({ fields: {}, general: [] });
  });
});

describe('stage badge view', () => {
  it('gives every stage a tone, words and a distinct symbol (never colour alone)', () => {
    const views = (['red', 'yellow', 'green', 'rejected', 'duplicate'] as const).map(stageView);
    expect(views.map((view) => view.tone)).toEqual(['danger', 'warning', 'success', 'neutral', 'info']);
    expect(views.map((view) => view.labelKey)).toEqual(['stage.red', 'stage.yellow', 'stage.green', 'stage.rejected', 'stage.duplicate']);
    expect(new Set(views.map((view) => view.symbol)).size).toBe(5);
  });
});

describe('small helpers', () => {
  it('checks photos before sending', () => {
    expect(checkPhoto({ type: 'image/jpeg', size: 1000 }, 0, 3, 5_000_000)).toBeNull();
    expect(checkPhoto({ type: 'application/pdf', size: 1000 }, 0, 3, 5_000_000)).toBe('type');
    expect(checkPhoto({ type: 'image/png', size: 6_000_000 }, 0, 3, 5_000_000)).toBe('size');
    expect(checkPhoto({ type: 'image/png', size: 10 }, 3, 3, 5_000_000)).toBe('count');
  });

  it('reads a tracking token from a link, a path or the bare token, and recognises tickets', () => {
    expect(trackingTokenFrom('https://live.tangerangkota.go.id/laksa/track/AbC_def-123456789')).toBe('AbC_def-123456789');
    expect(trackingTokenFrom('/laksa/lacak/AbC_def-123456789')).toBe('AbC_def-123456789');
    expect(trackingTokenFrom('  AbC_def-123456789 ')).toBe('AbC_def-123456789');
    expect(trackingTokenFrom('hello world')).toBeNull();
    expect(looksLikeTicket('lks-2611-7kq4')).toBe(true);
    expect(looksLikeTicket('AbC_def123456789')).toBe(false);
  });
});
