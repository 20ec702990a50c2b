// Generated from the migrated database by the module's table test; do not edit.
// Regenerate with: KK_UPDATE_TABLES=1 pnpm vitest run <the module's tables test>
export interface GeneratedBeritaTables {
  berita_articles: {
    id: number;
    slug: string;
    status: string;
    agency_id: string;
    category: string;
    title: string;
    summary: string;
    body_html: string;
    body_text: string;
    tags: string[];
    image_key: string | null;
    image_alt: string | null;
    image_caption: string | null;
    image_credit: string | null;
    author_id: string | null;
    author_name: string;
    revision: number;
    created_at: Date;
    updated_at: Date;
    scheduled_at: Date | null;
    published_at: Date | null;
  };
  berita_corrections: {
    id: number;
    article_id: number;
    at: Date;
    text: string;
    author_id: string | null;
  };
  berita_events: {
    id: number;
    article_id: number;
    at: Date;
    actor_id: string | null;
    actor_name: string;
    action: string;
    from_status: string | null;
    to_status: string;
    comment: string | null;
  };
  berita_images: {
    key: string;
    width: number;
    height: number;
    widths: number[];
    created_by: string | null;
    created_at: Date;
  };
  berita_items: {
    id: number;
    source_id: number;
    guid: string;
    url: string;
    title: string;
    summary: string;
    image_url: string | null;
    published_at: Date;
    fetched_at: Date;
    hidden: boolean;
    pinned: boolean;
    image_key: string | null;
  };
  berita_revisions: {
    article_id: number;
    number: number;
    title: string;
    summary: string;
    body_html: string;
    tags: string[];
    author_id: string | null;
    author_name: string;
    created_at: Date;
  };
  berita_sources: {
    id: number;
    name: string;
    url: string;
    category: string;
    enabled: boolean;
    etag: string | null;
    last_modified: string | null;
    last_fetched_at: Date | null;
    last_success_at: Date | null;
    last_error: string | null;
    last_error_at: Date | null;
    item_count: number;
    created_at: Date;
  };
}
