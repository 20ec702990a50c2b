import { z } from '@kota-kit/core';
import { dateField } from './common.js';

export { exportRangeProblem, maxExportDays } from '../export-range.js';

/** The query of both exports (the order and length of the range are checked by `exportRangeProblem`). */
export const exportQuerySchema = z.object({ from: dateField(), to: dateField() });
