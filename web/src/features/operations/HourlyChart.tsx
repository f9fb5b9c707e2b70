import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateBoard } from './api';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Arrivals, clearances and crossings per hour of today (the gate's local hours). */
export function HourlyChart({ hours, testId }: { hours: GateBoard['hourly']; testId: string }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const series = (['arrivals', 'clearances', 'crossings'] as const).map((k) => ({ name: t(`operations.hourly.${k}`), type: 'bar' as const, data: hours.map((h) => h[k]) }));
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: hours.map((h) => `${String(h.hour).padStart(2, '0')}h`) },
      yAxis: { type: 'value', minInterval: 1 },
      color: ['#0b4f6c', '#1a7f37', '#b35900'],
      series,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [hours, t, i18n.language]);
  const total = hours.reduce((s, h) => s + h.arrivals, 0);
  return <div ref={ref} className="hourly-chart" role="img" aria-label={t('operations.hourly.label', { count: total })} data-testid={testId} data-arrivals={total} />;
}
