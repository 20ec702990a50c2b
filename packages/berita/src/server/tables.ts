import type { ContextOf, Generated, TablesMatch } from '@kota-kit/core/server';
import type { berita } from '../index.js';
import type { GeneratedBeritaTables } from './tables.generated.js';

/** The module's tables as the code sees them; `test/tables.test.ts` keeps them equal to the migrated database. */
export interface BeritaTables {
  berita_images: { key: string; width: number; height: number; widths: number[]; created_by: string | null; created_at: Date };
  berita_articles: {
    id: Generated<number>;
    slug: string;
    status: 'draft' | 'review' | 'changes' | 'approved' | 'scheduled' | 'published';
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
    revision: Generated<number>;
    created_at: Date;
    updated_at: Date;
    scheduled_at: Date | null;
    published_at: Date | null;
  };
  berita_revisions: { article_id: number; number: number; title: string; summary: string; body_html: string; tags: string[]; author_id: string | null; author_name: string; created_at: Date };
  berita_events: { id: Generated<number>; article_id: number; at: Date; actor_id: string | null; actor_name: string; action: string; from_status: string | null; to_status: string; comment: string | null };
  berita_corrections: { id: Generated<number>; article_id: number; at: Date; text: string; author_id: string | null };
  berita_sources: {
    id: Generated<number>;
    name: string;
    url: string;
    category: string;
    enabled: Generated<boolean>;
    etag: string | null;
    last_modified: string | null;
    last_fetched_at: Date | null;
    last_success_at: Date | null;
    last_error: string | null;
    last_error_at: Date | null;
    item_count: Generated<number>;
    created_at: Date;
  };
  berita_items: {
    id: Generated<number>;
    source_id: number;
    guid: string;
    url: string;
    title: string;
    summary: string;
    image_url: string | null;
    image_key: string | null;
    published_at: Date;
    fetched_at: Date;
    hidden: Generated<boolean>;
    pinned: Generated<boolean>;
  };
}

// A compile error here names the table and the columns that differ from the database.
export const tablesMatch: TablesMatch<BeritaTables, GeneratedBeritaTables> = true;

export type Ctx = ContextOf<typeof berita, BeritaTables>;
