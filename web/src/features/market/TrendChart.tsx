import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Trend } from './api';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartLine {
  name: string;
  official: boolean;
  points: Trend['series'][number]['points'];
}

/** Price lines of one currency over time (official lines solid, enterprise lines dashed). */
export function TrendChart({ lines, label, testId }: { lines: ChartLine[]; label: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: label, scale: true },
      series: lines.map((l) => ({
        name: l.name,
        type: 'line',
        showSymbol: l.points.length < 40,
        lineStyle: { type: l.official ? 'solid' : 'dashed' },
        data: l.points.map((p) => [p.date, p.avg]),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [lines, label]);
  return <div ref={ref} className="trend-chart" role="img" aria-label={label} data-testid={testId} data-lines={lines.length} />;
}
