import { useNavigate } from '@kota-kit/core/client';

export interface MapMarket {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

/**
 * Projects lat/lng into a box: equirectangular with the longitude squeezed by cos(latitude), which is
 * exact enough inside one city. The bounds are the markets' own, padded, so no tile server is needed.
 */
export function projectMarkets(markets: MapMarket[], width: number, height: number, padding = 28) {
  const lats = markets.map((market) => market.lat);
  const lngs = markets.map((market) => market.lng);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLng = Math.min(...lngs);
  const maxLng = Math.max(...lngs);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * k, 1e-4);
  const spanY = Math.max(maxLat - minLat, 1e-4);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return markets.map((market) => ({
    ...market,
    x: offsetX + (market.lng - minLng) * k * scale,
    // North is up.
    y: offsetY + (maxLat - market.lat) * scale,
  }));
}

/** A simple offline map: numbered points that match the numbered list beside it. */
export function MarketMap({ markets, label, base }: { markets: MapMarket[]; label: string; base: string }) {
  const navigate = useNavigate();
  const width = 340;
  const height = 240;
  const points = projectMarkets(markets, width, height);
  return (
    <figure className="hp-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="hp-map__svg">
        <rect x="0" y="0" width={width} height={height} rx="8" className="hp-map__bg" />
        <g className="hp-map__grid" aria-hidden="true">
          {[1, 2, 3].map((i) => (
            <line key={`v${i}`} x1={(width / 4) * i} x2={(width / 4) * i} y1={0} y2={height} />
          ))}
          {[1, 2].map((i) => (
            <line key={`h${i}`} x1={0} x2={width} y1={(height / 3) * i} y2={(height / 3) * i} />
          ))}
        </g>
        <text x={width - 14} y={20} className="hp-map__north" textAnchor="middle" aria-hidden="true">
          U ↑
        </text>
        {points.map((point, index) => (
          <g
            key={point.id}
            className="hp-map__point"
            transform={`translate(${point.x.toFixed(1)},${point.y.toFixed(1)})`}
            onClick={() => navigate(`${base}/pasar/${point.id}`)}
          >
            <circle r="11" />
            <text dy="0.35em" textAnchor="middle">
              {index + 1}
            </text>
            <text className="hp-map__label" x={point.x > width - 110 ? -14 : 14} dy="0.35em" textAnchor={point.x > width - 110 ? 'end' : 'start'}>
              {point.name.replace(/^Pasar\s+/i, '')}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
