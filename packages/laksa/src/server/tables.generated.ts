// Generated from the migrated database by the module's table test; do not edit.
// Regenerate with: KK_UPDATE_TABLES=1 pnpm vitest run <the module's tables test>
export interface GeneratedLaksaTables {
  laksa_contacts: {
    report_id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    nik: string | null;
  };
  laksa_events: {
    id: number;
    report_id: string;
    at: Date;
    kind: string;
    from_status: string | null;
    to_status: string;
    note: string | null;
    internal: boolean;
    actor_kind: string;
    actor_id: string | null;
    actor_name: string | null;
    agency_id: string | null;
    note_code: string | null;
    note_params: unknown | null;
  };
  laksa_open311_keys: {
    id: string;
    name: string;
    key_hash: string;
    prefix: string;
    created_at: Date;
    created_by: string | null;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
  laksa_photos: {
    id: string;
    report_id: string;
    event_id: number | null;
    kind: string;
    storage_key: string;
    content_type: string;
    bytes: number;
    width: number | null;
    height: number | null;
    created_at: Date;
  };
  laksa_reports: {
    id: string;
    ticket: string;
    tracking_hash: string;
    type: string;
    category: string;
    title: string;
    description: string;
    lat: number | null;
    lng: number | null;
    address: string | null;
    kecamatan: string | null;
    kelurahan: string | null;
    confidential: boolean;
    anonymous: boolean;
    status: string;
    agency_id: string;
    assignee_id: string | null;
    assignee_name: string | null;
    source: string;
    open311_token: string | null;
    reject_reason: string | null;
    duplicate_of: string | null;
    supporters: number;
    rating: number | null;
    rating_comment: string | null;
    verify_due: string;
    agency_due: string | null;
    verify_overdue_at: Date | null;
    agency_overdue_at: Date | null;
    created_at: Date;
    updated_at: Date;
    verified_at: Date | null;
    forwarded_at: Date | null;
    first_response_at: Date | null;
    resolved_at: Date | null;
    closed_at: Date | null;
    rated_at: Date | null;
    contact_deleted_at: Date | null;
    reporter_user_id: string | null;
  };
  laksa_supports: {
    report_id: string;
    fingerprint: string;
    created_at: Date;
  };
}
