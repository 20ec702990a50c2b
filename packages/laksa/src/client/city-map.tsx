/**
 * LAKSA on core's region map: public reports as markers (links to their public pages, named by title, stage and
 * category, toned by stage), and the report form's point picker. The map is drawn from the region's geography
 * in the host config, so every region sees its own kecamatan and bounds.
 */
import { RegionMap, useBootstrap, type MapMarker, type MarkerTone } from '@kota-kit/core/client';
import type { MapPoint, Stage } from '../schemas.js';
import { stageView } from './logic.js';
import { base, useT } from './shared.js';

const toneOf: Record<Stage, MarkerTone> = { red: 'danger', yellow: 'warning', green: 'success', rejected: 'neutral', duplicate: 'neutral' };

/** Public reports on the region's map; each marker is a link with its title, stage and category as its name. */
export function ReportsMap({ points, categoryName }: { points: MapPoint[]; categoryName: (id: string) => string }) {
  const t = useT();
  const { region } = useBootstrap();
  const markers: MapMarker[] = points.map((point) => {
    const view = stageView(point.stage);
    return {
      id: point.ticket,
      lat: point.lat,
      lng: point.lng,
      label: `${point.title} — ${t(view.labelKey)} — ${categoryName(point.category)}`,
      symbol: view.symbol,
      tone: toneOf[point.stage],
      href: `${base}/laporan/${point.ticket}`,
    };
  });
  return (
    <RegionMap
      title={t('map.title', { count: points.length, region: region.name })}
      markers={markers}
      caption={
        <span className="lk-legend-row">
          {(['red', 'yellow', 'green'] as const).map((stage) => (
            <span key={stage} className={`lk-legend lk-legend--${stage}`}>
              <span aria-hidden="true" className="lk-legend__dot">
                {stageView(stage).symbol}
              </span>{' '}
              {t(stageView(stage).labelKey)}
            </span>
          ))}
          <span className="lk-muted">{t('map.approx')}</span>
        </span>
      }
    />
  );
}

/**
 * A public report's point on the street map (the drawing offline). Only what the public view returns: the public
 * API gives no position for an unverified or confidential report, and then nothing is drawn.
 */
export function ReportPointMap({ report }: { report: { ticket: string; title: string; stage: Stage; lat: number | null; lng: number | null } }) {
  const t = useT();
  if (report.lat === null || report.lng === null) return null;
  const point = { lat: report.lat, lng: report.lng };
  const view = stageView(report.stage);
  return (
    <RegionMap
      className="lk-point-map"
      title={t('pointMap.title', { ticket: report.ticket })}
      focus={point}
      markers={[{ id: report.ticket, ...point, label: `${report.title} — ${t(view.labelKey)}`, symbol: view.symbol, tone: toneOf[report.stage] }]}
      caption={t('pointMap.caption')}
    />
  );
}
