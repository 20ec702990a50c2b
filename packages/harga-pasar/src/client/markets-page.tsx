import { Link, PageHeader } from '@kota-kit/core/client';
import { MarketMap } from './market-map.js';
import { base, placeOf, SubNav, useOptions, useT } from './shared.js';

/** The markets on a map drawn from their coordinates (works offline), and the same markets as a list. */
export default function MarketsPage() {
  const t = useT();
  const { markets } = useOptions();
  return (
    <div className="hp-page">
      <SubNav />
      <PageHeader title={t('markets.title')} description={t('markets.description', { count: markets.length })} />
      <MarketMap markets={markets} base={base} label={t('markets.mapLabel', { count: markets.length })} />
      <ol className="hp-market-list">
        {markets.map((market) => (
          <li key={market.id}>
            <Link to={`${base}/pasar/${market.id}`} className="hp-market-link">
              <span className="hp-market-link__name">{market.name}</span>
              <span className="hp-muted">
                {placeOf(market, t)}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
