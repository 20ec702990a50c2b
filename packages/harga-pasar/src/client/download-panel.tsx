import { addDays } from '@kota-kit/core/client';
import { Icon, TextField } from '@kota-kit/core/client';
import { useState } from 'react';
import { dateRange, isIsoDate } from '@kota-kit/core/dates';
import { exportRangeProblem, maxExportDays } from '../export-range.js';
import { apiBase } from './api.js';
import { useT } from './shared.js';

export { maxExportDays };

/** The panel's id: the board's "Unduh data" link near its header jumps here. */
export const downloadPanelId = 'hp-download';

/** The file name a download is saved under, e.g. "harga-pasar_2025-03-01_2025-03-30.csv". */
export function exportFileName(format: 'csv' | 'json', from: string, to: string): string {
  return `harga-pasar_${from}_${to}.${format}`;
}

export function exportUrl(format: 'csv' | 'json', from: string, to: string): string {
  return `${apiBase}/export.${format}?from=${from}&to=${to}`;
}

/** Checks a range before linking to it, by the server's own rules (its 400s for the same cases). */
export function rangeProblem(from: string, to: string): 'invalid' | 'order' | 'tooLong' | null {
  // The server's date fields: real dates between 1900 and 2100 (checked here without the schema library).
  const valid = (date: string) => isIsoDate(date) && date >= dateRange.min && date <= dateRange.max;
  if (!valid(from) || !valid(to)) return 'invalid';
  return exportRangeProblem(from, to);
}

/** Open data: links to the documented export addresses for a chosen range. */
export function DownloadPanel({ today }: { today: string }) {
  const t = useT();
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const problem = rangeProblem(from, to);
  return (
    <section id={downloadPanelId} tabIndex={-1} className="kk-card hp-download" aria-labelledby="hp-download-title">
      <h2 id="hp-download-title" className="kk-card__title">
        {t('download.title')}
      </h2>
      <p className="hp-muted">{t('download.description', { max: maxExportDays })}</p>
      <div className="hp-download__range">
        <TextField id="hp-export-from" label={t('download.from')} type="date" value={from} max={today} onChange={(event) => setFrom(event.target.value)} />
        <TextField id="hp-export-to" label={t('download.to')} type="date" value={to} max={today} onChange={(event) => setTo(event.target.value)} />
      </div>
      {problem ? (
        <p className="kk-field__error" role="alert">
          {t(`download.problem.${problem}`, { max: maxExportDays })}
        </p>
      ) : (
        <p className="hp-download__links">
          <a className="kk-button kk-button--secondary" href={exportUrl('csv', from, to)} download={exportFileName('csv', from, to)}>
            <Icon name="download" /> {t('download.csv')}
          </a>
          <a className="kk-button kk-button--secondary" href={exportUrl('json', from, to)} download={exportFileName('json', from, to)} type="application/json">
            <Icon name="download" /> {t('download.json')}
          </a>
        </p>
      )}
      <p className="hp-muted hp-small">
        {t('download.api')} <a href="/api/docs">{t('download.docs')}</a>.
      </p>
    </section>
  );
}
