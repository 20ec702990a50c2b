import { useState } from 'react';
import { addDays, daysBetween, isIsoDate } from './dates.js';
import { api, useT } from './shared.js';

/** The longest range one export answers (the server's `maxExportDays`). */
export const maxExportDays = 366;

export function exportUrl(format: 'csv' | 'json', from: string, to: string): string {
  return `${api}/export.${format}?from=${from}&to=${to}`;
}

/** Checks a range before linking to it; the server answers 400 for the same cases. */
export function rangeProblem(from: string, to: string): 'invalid' | 'order' | 'tooLong' | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return 'invalid';
  if (to < from) return 'order';
  if (daysBetween(from, to) + 1 > maxExportDays) return 'tooLong';
  return null;
}

/** Open data: links to the documented export addresses for a chosen range. */
export function DownloadPanel({ today }: { today: string }) {
  const t = useT();
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const problem = rangeProblem(from, to);
  return (
    <section className="kk-card hp-download" aria-labelledby="hp-download-title">
      <h2 id="hp-download-title" className="kk-card__title">
        {t('download.title')}
      </h2>
      <p className="hp-muted">{t('download.description', { max: maxExportDays })}</p>
      <div className="hp-download__range">
        <div className="kk-field">
          <label className="kk-field__label" htmlFor="hp-export-from">
            {t('download.from')}
          </label>
          <input id="hp-export-from" className="kk-input" type="date" value={from} max={today} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="kk-field">
          <label className="kk-field__label" htmlFor="hp-export-to">
            {t('download.to')}
          </label>
          <input id="hp-export-to" className="kk-input" type="date" value={to} max={today} onChange={(event) => setTo(event.target.value)} />
        </div>
      </div>
      {problem ? (
        <p className="kk-field__error" role="alert">
          {t(`download.problem.${problem}`, { max: maxExportDays })}
        </p>
      ) : (
        <p className="hp-download__links">
          <a className="kk-button kk-button--secondary" href={exportUrl('csv', from, to)} download>
            {t('download.csv')}
          </a>
          <a className="kk-button kk-button--secondary" href={exportUrl('json', from, to)}>
            {t('download.json')}
          </a>
        </p>
      )}
      <p className="hp-muted hp-small">
        {t('download.api')} <a href="/api/docs">{t('download.docs')}</a>
      </p>
    </section>
  );
}
