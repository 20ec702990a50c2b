/**
 * Every text exists in both languages: core's and each module's client translation tables (as the host
 * composes them) have the same keys in Bahasa Indonesia and English. Plural forms count as their base key.
 */
import { coreTranslations, loadTable, translationKeyDiff, type ClientModule } from '@kota-kit/core/client';
import berita from '@kota-kit/berita/client';
import hargaPasar from '@kota-kit/harga-pasar/client';
import laksa from '@kota-kit/laksa/client';
import pencaker from '@kota-kit/pencaker/client';
import { describe, expect, it } from 'vitest';

const tables: [string, ClientModule['translations']][] = [
  ['core', coreTranslations],
  [laksa.definition.id, laksa.translations],
  [hargaPasar.definition.id, hargaPasar.translations],
  [pencaker.definition.id, pencaker.translations],
  [berita.definition.id, berita.translations],
];

describe('translations', () => {
  it.each(tables)('%s has the same keys in id and en', async (_name, translations) => {
    expect(translationKeyDiff(await loadTable(translations.id), await loadTable(translations.en))).toEqual({ onlyInId: [], onlyInEn: [] });
  });
});
