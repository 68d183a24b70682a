/** A small time-series chart (uPlot): simulated hours on x, one series. */

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Tick labels in simulated hours, with a decimal when the ticks are closer than an hour. */
function hoursLabel(v: number, ticks: number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 3600;
  return `${(v / 3600).toFixed(step < 3600 ? 1 : 0)} h`;
}

export interface SparklineProps {
  title: string;
  t: readonly number[];
  values: readonly number[];
  color: string;
  width?: number;
  height?: number;
}

export function Sparkline({ title, t, values, color, width = 300, height = 90 }: SparklineProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  useEffect(() => {
    if (host.current === null) return;
    const u = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: [
          { size: 20, font: '10px sans-serif', values: (_u, ticks) => ticks.map((v) => hoursLabel(v, ticks)), stroke: '#55606a', grid: { stroke: '#e3e7ea' } },
          { size: 36, font: '10px sans-serif', stroke: '#55606a', grid: { stroke: '#e3e7ea' } },
        ],
        series: [{}, { stroke: color, width: 1.5, fill: `${color}22` }],
      },
      [[], []],
      host.current,
    );
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [width, height, color]);
  useEffect(() => {
    plot.current?.setData([t as number[], values as number[]]);
  }, [t, values]);
  return (
    <figure className="sparkline">
      <figcaption>{title}</figcaption>
      <div ref={host} />
    </figure>
  );
}
