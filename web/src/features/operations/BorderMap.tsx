import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../components/useApi';
import type { Level, MapShapes } from './api';
import { opsUrls } from './api';
import { LevelBadge } from './LevelBadge';

// The border provinces and the gates with their congestion level, drawn from the shapes the
// server ships (no internet tiles). Each gate is a dot in its level's colour with its name and the
// level in words beside it.

export interface MapGate {
  id: string;
  name: string;
  lat: number;
  lon: number;
  level: Level;
  waiting: number;
  link?: string;
}

const WIDTH = 640;

export function BorderMap({ gates, focus }: { gates: MapGate[]; focus?: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: shapes } = useApi<MapShapes>(opsUrls.map);
  const view = useMemo(() => {
    if (!shapes) return null;
    // Zoom to the province shown (when given), else the whole border.
    const focusShape = focus ? shapes.features.find((f) => f.properties.gateProvince === focus && f.geometry.type === 'Polygon') : undefined;
    const ring = focusShape ? (focusShape.geometry.coordinates as number[][][])[0] : null;
    const [minLon, minLat, maxLon, maxLat] = ring
      ? [Math.min(...ring.map((p) => p[0])) - 0.4, Math.min(...ring.map((p) => p[1])) - 0.3, Math.max(...ring.map((p) => p[0])) + 0.4, Math.max(...ring.map((p) => p[1])) + 0.3]
      : shapes.bbox;
    // Equirectangular, shrunk by cos(latitude) so shapes keep their proportions at 22°N.
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const scale = WIDTH / ((maxLon - minLon) * k);
    const height = Math.round((maxLat - minLat) * scale);
    const x = (lon: number) => (lon - minLon) * k * scale;
    const y = (lat: number) => (maxLat - lat) * scale;
    return { x, y, height };
  }, [shapes, focus]);
  if (!shapes || !view) return <div className="border-map loading">{t('common.loading')}</div>;
  const path = (coords: number[][]) => coords.map((p, i) => `${i ? 'L' : 'M'}${view.x(p[0]).toFixed(1)},${view.y(p[1]).toFixed(1)}`).join('');
  const name = (p: MapShapes['features'][number]['properties']) => (lang === 'en' ? p.nameEn : lang === 'zh' ? p.nameZh : p.nameVi);
  return (
    <figure className="border-map" data-testid="border-map">
      <svg viewBox={`0 0 ${WIDTH} ${view.height}`} role="img" aria-label={t('operations.map.label')}>
        <rect x={0} y={0} width={WIDTH} height={view.height} className="sea-land" />
        {shapes.features.map((f) =>
          f.geometry.type === 'Polygon' ? (
            <path key={f.properties.code} d={`${path(f.geometry.coordinates[0])}Z`} className={`shape ${f.properties.country === 'CN' ? 'cn' : 'vn'} ${f.properties.gateProvince && f.properties.gateProvince === focus ? 'focus' : ''}`}>
              <title>{name(f.properties)}</title>
            </path>
          ) : (
            <path key={f.properties.code} d={path(f.geometry.coordinates)} className="boundary" />
          ),
        )}
        {shapes.features
          .filter((f) => f.geometry.type === 'Polygon')
          .map((f) => {
            const ring = (f.geometry.coordinates as number[][][])[0];
            const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
            const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
            return (
              <text key={`l-${f.properties.code}`} x={view.x(cx)} y={view.y(cy)} className={`shape-label ${f.properties.country === 'CN' ? 'cn' : 'vn'}`}>
                {name(f.properties)}
              </text>
            );
          })}
        {gates.map((g, i) => {
          const dot = (
            <g className={`gate-dot level-${g.level}`} data-testid="map-gate" data-gate={g.id} data-level={g.level}>
              <circle cx={view.x(g.lon)} cy={view.y(g.lat)} r={9} />
              <text x={view.x(g.lon)} y={view.y(g.lat) + 4} textAnchor="middle" className="gate-number">{i + 1}</text>
              <title>{`${g.name}: ${t(`operations.level.${g.level}`)}, ${t('operations.waitingCount', { count: g.waiting })}`}</title>
            </g>
          );
          return g.link ? <Link key={g.id} to={g.link}>{dot}</Link> : <g key={g.id}>{dot}</g>;
        })}
      </svg>
      {/* Markers overlap where gates are close: the legend names each one with its level in words. */}
      <ol className="map-legend">
        {gates.map((g) => (
          <li key={g.id}>
            {g.link ? <Link to={g.link}>{g.name}</Link> : g.name}: <LevelBadge level={g.level} /> {t('operations.waitingCount', { count: g.waiting })}
          </li>
        ))}
      </ol>
      <figcaption className="muted small">{t('operations.map.caption')}</figcaption>
    </figure>
  );
}
