import { isIsoDate } from '@kota-kit/core/client';
import { data, DataTable, dateText, ErrorState, formatRupiah, Link, Loading, PageHeader, useLanguage, useParams, useQuery, useSearchParams, type ApiData, type TableColumn } from '@kota-kit/core/client';
import { useState } from 'react';
import { api } from './api.js';
import { describeChange } from './change.js';
import { marketColors, PriceChart } from './price-chart.js';
import { BackLink, base, DataDate, HargaPasarNav, unitLabel, useOnline, useT, useToday } from './shared.js';

export type Range = '30d' | '90d' | '1y';
const ranges: Range[] = ['30d', '90d', '1y'];

const commodityApi = api.commodities[':id'];
type Series = ApiData<Awaited<ReturnType<typeof commodityApi.series.$get>>>;
type Compare = ApiData<Awaited<ReturnType<typeof commodityApi.compare.$get>>>;

/** Markets with a price first, cheapest first; then the ones without a price that day. */
export function sortCompare(markets: Compare['markets']): Compare['markets'] {
  return [...markets].sort((a, b) => (a.price ?? Infinity) - (b.price ?? Infinity) || a.name.localeCompare(b.name));
}

export default function CommodityPage() {
  const t = useT();
  const language = useLanguage();
  const online = useOnline();
  const today = useToday();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const range: Range = ranges.includes(params.get('rentang') as Range) ? (params.get('rentang') as Range) : '30d';
  const asked = params.get('tanggal');
  const date = isIsoDate(asked) && asked < today ? asked : null;
  const [shown, setShown] = useState<string[]>([]);

  const series = useQuery({
    queryKey: ['harga-pasar', 'series', id, range],
    queryFn: () => data(commodityApi.series.$get({ param: { id }, query: { range } })),
    networkMode: 'offlineFirst',
  });
  const compare = useQuery({
    queryKey: ['harga-pasar', 'compare', id, date ?? 'today'],
    queryFn: () => data(commodityApi.compare.$get({ param: { id }, query: date ? { date } : {} })),
    networkMode: 'offlineFirst',
  });

  const name = series.data?.name ?? compare.data?.name ?? id;
  const unit = series.data?.unit ?? compare.data?.unit;
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <div className="hp-page">
      <HargaPasarNav />
      <BackLink to={base}>{t('commodity.back')}</BackLink>
      <PageHeader title={name} description={unit ? t('commodity.perUnit', { unit: unitLabel(t, unit) }) : undefined} />

      <section aria-labelledby="hp-chart-title" className="hp-section">
        <h2 id="hp-chart-title">{t('commodity.chartTitle')}</h2>
        <div className="hp-tabs" role="group" aria-label={t('commodity.range')}>
          {ranges.map((value) => (
            <button key={value} type="button" className="hp-tab" aria-pressed={range === value} onClick={() => setParam('rentang', value === '30d' ? null : value)}>
              {t(`commodity.ranges.${value}`)}
            </button>
          ))}
        </div>
        {series.isPending ? (
          <Loading />
        ) : series.isError ? (
          <ErrorState error={series.error} onRetry={() => void series.refetch()} />
        ) : (
          <ChartSection series={series.data} shown={shown} setShown={setShown} range={range} />
        )}
      </section>

      <section aria-labelledby="hp-compare-title" className="hp-section">
        <h2 id="hp-compare-title">{t('commodity.compareTitle')}</h2>
        <div className="hp-datepick">
          <label htmlFor="hp-compare-date">{t('board.pickDate')}</label>
          <input
            id="hp-compare-date"
            className="kk-input"
            type="date"
            max={today}
            value={date ?? today}
            onChange={(event) => setParam('tanggal', isIsoDate(event.target.value) && event.target.value < today ? event.target.value : null)}
          />
        </div>
        {compare.isPending ? (
          <Loading />
        ) : compare.isError ? (
          <ErrorState error={compare.error} onRetry={() => void compare.refetch()} />
        ) : !compare.data.date ? (
          <p className="hp-note">{t('board.empty')}</p>
        ) : (
          <>
            <DataDate date={compare.data.date} today={today} online={online} requested={date ?? undefined} />
            <CompareTable data={compare.data} language={language} />
          </>
        )}
      </section>
    </div>
  );
}

function ChartSection({ series, shown, setShown, range }: { series: Series; shown: string[]; setShown: (ids: string[]) => void; range: Range }) {
  const t = useT();
  const language = useLanguage();
  const prices = series.average.map((point) => point.price);
  const last = series.average[series.average.length - 1];
  const markets = series.markets
    .map((market, index) => ({ id: market.market, name: market.name, points: market.points, color: marketColors[index % marketColors.length]! }))
    .filter((market) => shown.includes(market.id));
  const summary = last
    ? t('commodity.summary', {
        lowest: formatRupiah(Math.min(...prices)),
        highest: formatRupiah(Math.max(...prices)),
        latest: formatRupiah(last.price),
        date: dateText(last.date, { variant: 'long', language }),
      })
    : '';
  const first = series.average[0];
  const change = first && last && first.date !== last.date ? describeChange({ amount: last.price - first.price, percent: Math.round(((last.price - first.price) / first.price) * 1000) / 10 }, language) : null;
  return (
    <>
      {last ? (
        <p className="hp-chart__headline">
          <span className="hp-price">{formatRupiah(last.price)}</span>{' '}
          {change ? (
            <span className={`hp-change ${change.className}`}>
              <span aria-hidden="true">{change.arrow} </span>
              <span className="kk-visually-hidden">{t(`change.${change.direction}`)} </span>
              {change.amount} ({change.percent}) {t(`commodity.overRange.${range}`)}
            </span>
          ) : null}
        </p>
      ) : null}
      <PriceChart
        from={series.from}
        to={series.to}
        average={series.average}
        markets={markets}
        language={language}
        labels={{
          title: t('commodity.chartLabel', { name: series.name, range: t(`commodity.ranges.${range}`) }),
          summary,
          average: t('commodity.cityAverage'),
          date: t('commodity.date'),
          tableCaption: t('commodity.tableCaption', { name: series.name, range: t(`commodity.ranges.${range}`) }),
          showTable: t('commodity.showTable'),
          noData: t('commodity.noData'),
          explore: t('commodity.explore'),
          exploreHint: t('commodity.exploreHint'),
        }}
      />
      <fieldset className="hp-legend">
        <legend>{t('commodity.lines')}</legend>
        <span className="hp-legend__item hp-legend__item--avg">
          <span className="hp-swatch hp-swatch--avg" aria-hidden="true" /> {t('commodity.cityAverage')}
        </span>
        {series.markets.map((market, index) => (
          <label key={market.market} className="hp-legend__item">
            <input
              type="checkbox"
              checked={shown.includes(market.market)}
              onChange={(event) => setShown(event.target.checked ? [...shown, market.market] : shown.filter((id) => id !== market.market))}
            />
            <span className="hp-swatch" style={{ background: marketColors[index % marketColors.length] }} aria-hidden="true" /> {market.name}
          </label>
        ))}
      </fieldset>
    </>
  );
}

function CompareTable({ data, language }: { data: Compare; language: 'id' | 'en' }) {
  const t = useT();
  const rows = sortCompare(data.markets);
  const max = Math.max(...rows.map((row) => row.price ?? 0), 1);
  type Row = Compare['markets'][number];
  const columns: TableColumn<Row>[] = [
    { key: 'market', header: t('commodity.market'), render: (row) => <Link to={`${base}/pasar/${row.market}`}>{row.name}</Link> },
    {
      key: 'price',
      header: t('commodity.price'),
      numeric: true,
      render: (row) =>
        row.price === null ? (
          <span className="hp-muted">{t('commodity.noPrice')}</span>
        ) : (
          <span>
            {formatRupiah(row.price)}
            <span className="hp-bar" aria-hidden="true">
              <span style={{ width: `${Math.round((row.price / max) * 100)}%` }} />
            </span>
            {row.differenceFromAverage === null ? null : (
              <span className="hp-small hp-block">
                <span className={row.differenceFromAverage > 0 ? 'hp-up' : row.differenceFromAverage < 0 ? 'hp-down' : 'hp-same'}>
                  {row.differenceFromAverage > 0 ? '▲ +' : row.differenceFromAverage < 0 ? '▼ −' : '= '}
                  {formatRupiah(Math.abs(row.differenceFromAverage))}
                </span>{' '}
                {t('commodity.vsAverage')}
              </span>
            )}
          </span>
        ),
    },
  ];
  const caption = (
    <>
      {t('commodity.compareCaption', { name: data.name, date: data.date ? dateText(data.date, { variant: 'long', language }) : '' })}
      {data.average !== null ? <span className="hp-muted"> · {t('commodity.averageIs', { price: formatRupiah(data.average) })}</span> : null}
    </>
  );
  return (
    <div className="hp-compare">
      <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.market} rowHeader="market" stackOnPhone={false} empty={<p className="hp-note">{t('board.empty')}</p>} />
    </div>
  );
}
