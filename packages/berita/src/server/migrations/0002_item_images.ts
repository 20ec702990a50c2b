// An applied migration never changes: a region upgrades by getting a new one.
export default {
  name: '0002_item_images',
  sql: `
ALTER TABLE berita_items ADD COLUMN image_key text REFERENCES berita_images (key);
COMMENT ON COLUMN berita_items.image_key IS 'The item''s picture, downloaded once and re-encoded here: readers never load it from the source''s server (no tracking, works offline).';
`,
};
