import type { ContextOf, Generated, TablesMatch } from '@kota-kit/core/server';
import type { moduleTemplate } from '../index.js';
import type { GeneratedModuleTemplateTables } from './tables.generated.js';

/** The module's tables as the code sees them; `test/tables.test.ts` keeps them equal to the migrated database. */
export interface ModuleTemplateTables {
  module_template_notices: {
    id: Generated<number>;
    agency_id: string;
    title: string;
    body: string;
    created_by: string;
    published_at: Date;
    withdrawn_at: Date | null;
  };
}

// A compile error here names the table and the columns that differ from the database.
export const tablesMatch: TablesMatch<ModuleTemplateTables, GeneratedModuleTemplateTables> = true;

export type Ctx = ContextOf<typeof moduleTemplate, ModuleTemplateTables>;
