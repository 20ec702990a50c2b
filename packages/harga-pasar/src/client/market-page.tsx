import { data, DataTable, ErrorState, formatRupiah, Link, Loading, PageHeader, useParams, useQuery, type ApiData, type TableColumn } from '@kota-kit/core/client';
import { api } from './api.js';
import { BackLink, base, ChangeText, DataDate, HargaPasarNav, placeOf, unitLabel, useOnline, useT, useToday } from './shared.js';

type Item = ApiData<Awaited<ReturnType<(typeof api.markets)[':id']['$get']>>>['items'][number];

/** One market: every commodity's price today, its change, and the city average beside it. */
export default function MarketPage() {
  const t = useT();
  const today = useToday();
  const online = useOnline();
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: ['harga-pasar', 'market', id],
    queryFn: () => data(api.markets[':id'].$get({ param: { id }, query: {} })),
    networkMode: 'offlineFirst',
  });
  const columns: TableColumn<Item>[] = [
    {
      key: 'commodity',
      header: t('market.commodity'),
      render: (item) => (
        <>
          <Link to={`${base}/komoditas/${item.commodity}`}>{item.name}</Link>
          <span className="hp-muted hp-small"> /{unitLabel(t, item.unit)}</span>
        </>
      ),
    },
    {
      key: 'price',
      header: t('market.price'),
      numeric: true,
      render: (item) => (
        <>
          <strong>{formatRupiah(item.price)}</strong>
          <ChangeText change={item.changeDay} />
          {item.cityAverage !== null ? <span className="hp-muted hp-small hp-block">{t('market.cityAverage', { price: formatRupiah(item.cityAverage) })}</span> : null}
        </>
      ),
    },
  ];
  return (
    <div className="hp-page">
      <HargaPasarNav />
      <BackLink to={`${base}/pasar`}>{t('market.back')}</BackLink>
      {detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <>
          <PageHeader title={detail.data.market.name} description={placeOf(detail.data.market, t)} />
          {!detail.data.date ? (
            <p className="hp-note">{t('board.empty')}</p>
          ) : (
            <>
              <DataDate date={detail.data.date} today={today} online={online} />
              <div className="hp-market-table">
                <DataTable
                  caption={t('market.caption', { name: detail.data.market.name })}
                  columns={columns}
                  rows={detail.data.items}
                  rowKey={(item) => item.commodity}
                  rowHeader="commodity"
                  stackOnPhone={false}
                  empty={<p className="hp-note">{t('board.empty')}</p>}
                />
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}

