import { data, ErrorState, formatRupiah, Link, Loading, PageHeader, useParams, useQuery } from '@kota-kit/core/client';
import { api } from './api.js';
import { base, ChangeText, DataDate, placeOf, SubNav, unitLabel, useOnline, useT, useToday } from './shared.js';

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
  return (
    <div className="hp-page">
      <SubNav />
      <p className="hp-back">
        <Link to={`${base}/pasar`}>← {t('market.back')}</Link>
      </p>
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
              <div className="kk-table-wrap" tabIndex={0} role="region" aria-labelledby="hp-market-caption">
                <table className="kk-table hp-market-table">
                  <caption id="hp-market-caption">{t('market.caption', { name: detail.data.market.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('market.commodity')}</th>
                      <th scope="col" className="kk-num">
                        {t('market.price')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.data.items.map((item) => (
                      <tr key={item.commodity}>
                        <th scope="row">
                          <Link to={`${base}/komoditas/${item.commodity}`}>{item.name}</Link>
                          <span className="hp-muted hp-small"> /{unitLabel(t, item.unit)}</span>
                        </th>
                        <td className="kk-num">
                          <strong>{formatRupiah(item.price)}</strong>
                          <ChangeText change={item.changeDay} />
                          {item.cityAverage !== null ? (
                            <span className="hp-muted hp-small hp-block">{t('market.cityAverage', { price: formatRupiah(item.cityAverage) })}</span>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}

