// Generated from the migrated database by the module's table test; do not edit.
// Regenerate with: KK_UPDATE_TABLES=1 pnpm vitest run <the module's tables test>
export interface GeneratedModuleTemplateTables {
  module_template_notices: {
    id: number;
    agency_id: string;
    title: string;
    body: string;
    created_by: string;
    published_at: Date;
    withdrawn_at: Date | null;
  };
}
