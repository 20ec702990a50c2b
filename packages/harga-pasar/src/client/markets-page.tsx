import { Link, PageHeader, RegionMap, type MapMarker } from '@kota-kit/core/client';
import { base, HargaPasarNav, placeOf, useOptions, useT, type PublicOptions, type T } from './shared.js';

/**
 * The markets as numbered links on the region's map (core's RegionMap: the region's bounds and kecamatan from
 * its config; each market's point from the module's options), and the same numbers in the list below.
 */
export function marketMarkers(markets: PublicOptions['markets'], t: T): MapMarker[] {
  return markets.map((market, index) => ({
    id: market.id,
    lat: market.lat,
    lng: market.lng,
    symbol: String(index + 1),
    label: `${index + 1}. ${market.name}, ${placeOf(market, t)}`,
    href: `${base}/pasar/${market.id}`,
  }));
}

/** The markets on a map drawn from their coordinates (works offline), and the same markets as a list. */
export default function MarketsPage() {
  const t = useT();
  const { markets } = useOptions();
  return (
    <div className="hp-page">
      <HargaPasarNav />
      <PageHeader title={t('markets.title')} description={t('markets.description', { count: markets.length })} />
      <RegionMap title={t('markets.mapLabel', { count: markets.length })} markers={marketMarkers(markets, t)} />
      <ol className="hp-market-list">
        {markets.map((market) => (
          <li key={market.id}>
            <Link to={`${base}/pasar/${market.id}`} className="hp-market-link">
              <span className="hp-market-link__name">{market.name}</span>
              <span className="hp-muted">{placeOf(market, t)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
