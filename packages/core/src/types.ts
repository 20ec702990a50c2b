import type { Language } from './region.js';
import type { Region } from './region.js';

export type UserKind = 'citizen' | 'officer' | 'admin';

/** A role granted to a user: "<module>:<role>", optionally for one agency. */
export interface RoleGrant {
  module: string;
  role: string;
  agencyId: string | null;
}

/** The signed-in user as the API returns it (`GET /api/auth/me`). Never carries personal data beyond name and email. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  kind: UserKind;
  agencyId: string | null;
  roles: RoleGrant[];
}

/** What the server puts in the page for the browser: the region and each module's public options. */
export interface ClientBootstrap {
  region: Pick<Region, 'name' | 'appName' | 'code' | 'logo' | 'colors' | 'defaultLanguage' | 'timeZone' | 'contacts' | 'agencies' | 'geography'> & {
    map?: Region['map'];
    /** Where the kecamatan boundaries are fetched (`useRegionGeography`); `geography` carries none of them. */
    boundaries?: string;
  };
  modules: { id: string; options: unknown }[];
  demo: boolean;
  languages: Language[];
}

/** The kecamatan boundaries as `GET /api/region/boundaries` answers them (those with a boundary, by id). */
export interface RegionBoundaries {
  kecamatan: { id: string; boundary: NonNullable<Region['geography']>['kecamatan'][number]['boundary'] & {} }[];
}

/** What the server asks the host's render entry (`@kota-kit/core/render`) for one page. */
export interface RenderRequest {
  /** Path and query of the page ("/laksa?status=open"). */
  url: string;
  bootstrap: ClientBootstrap;
  language: Language;
  /** Who is signed in: the header shows it, so the browser's first render is the same. */
  user: SessionUser | null;
  /** Told of a part that failed on the server (inside a loading boundary): the browser renders that part instead. */
  onPartError?: (error: unknown) => void;
  /**
   * The host's API answered in-process, as the visitor (their cookie): the queries the page renders are fetched
   * with it and the page rendered with their answers. Without it, parts waiting for data render their loading state.
   */
  fetch?: typeof fetch;
}

/** A page's first view: the markup of `#root`, and the answers it was rendered with (TanStack Query's dehydrated state). */
export interface RenderedPage {
  html: string;
  queries?: unknown;
}

/** Renders a page's first view, or null when it could not (the browser app then renders it). */
export type PageRenderer = (request: RenderRequest) => Promise<RenderedPage | null>;
