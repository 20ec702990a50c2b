import type { ReactNode } from 'react';
import { useTranslation } from './translator.js';
import { EmptyState, Table, type TableProps } from './components.js';

export interface DataTableProps<Row> extends TableProps<Row> {
  /** Shown instead of the table when there are no rows; default: the caption with "Belum ada data.". */
  empty?: ReactNode;
}

/**
 * A captioned table that becomes a stack of cards on a phone (each value with its column's name beside it,
 * the `rowHeader` column as the card's title), scrolls sideways only where it must, and says so when empty.
 */
export function DataTable<Row>({ empty, stackOnPhone = true, ...props }: DataTableProps<Row>) {
  const { t } = useTranslation('core');
  if (props.rows.length === 0) {
    return <>{empty ?? <EmptyState icon="list" title={props.caption} description={t('empty')} />}</>;
  }
  return <Table {...props} stackOnPhone={stackOnPhone} />;
}
