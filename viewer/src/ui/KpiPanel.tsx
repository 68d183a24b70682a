/**
 * KPI panel: vehicles/day so far, crossings per hour, turn time p50/p95, queues and utilization
 * per resource group, storage, and small time-series charts.
 */

import { formatMinutes, formatNumber } from '../i18n/format.ts';
import { stationName } from '../i18n/station-names.ts';
import { tr } from '../i18n/strings.ts';
import { storageTotal } from '../store/kpi-view.ts';
import { useViewer } from '../store/use-viewer.ts';
import { Sparkline } from './Sparkline.tsx';

export function KpiPanel(): React.JSX.Element {
  const lang = useViewer((s) => s.lang);
  const kpi = useViewer((s) => s.kpi);
  const series = useViewer((s) => s.series);
  if (kpi === null) {
    return (
      <section className="panel kpis" data-testid="kpi-panel">
        <h2>{tr(lang, 'kpis')}</h2>
        <p className="muted">{tr(lang, 'loading')}</p>
      </section>
    );
  }
  const stations = Object.entries(kpi.stations);
  return (
    <section className="panel kpis" data-testid="kpi-panel">
      <h2>{tr(lang, 'kpis')}</h2>
      <div className="headline">
        <div>
          <span className="big" data-testid="kpi-vehicles-per-day">{formatNumber(lang, kpi.vehiclesPerDay)}</span>
          <span className="label">{tr(lang, 'vehiclesPerDay')}</span>
        </div>
        <div>
          <span className="big">{formatNumber(lang, kpi.crossingsPerHour.export + kpi.crossingsPerHour.import)}</span>
          <span className="label">{tr(lang, 'crossingsPerHour')}</span>
        </div>
        <div>
          <span className="big">
            {formatMinutes(lang, kpi.turnTimeMin.p50)} / {formatMinutes(lang, kpi.turnTimeMin.p95)}
          </span>
          <span className="label">
            {tr(lang, 'turnTime')} {tr(lang, 'p50')}/{tr(lang, 'p95')} ({tr(lang, 'minutes')})
          </span>
        </div>
      </div>
      <p className="small">
        {tr(lang, 'crossingsSoFar')}: {tr(lang, 'exportDir')} {formatNumber(lang, kpi.crossed.export)} · {tr(lang, 'importDir')} {formatNumber(lang, kpi.crossed.import)} · {tr(lang, 'storage')}: {formatNumber(lang, storageTotal(kpi))}
      </p>
      <table className="stations">
        <thead>
          <tr>
            <th />
            <th>{tr(lang, 'queue')}</th>
            <th>{tr(lang, 'utilization')}</th>
          </tr>
        </thead>
        <tbody>
          {stations.map(([name, st]) => (
            <tr key={name}>
              <td>{stationName(lang, name)}</td>
              <td className="num">{formatNumber(lang, st.queue)}</td>
              <td className="num">
                <span className="bar" style={{ width: `${Math.round(Math.min(1, st.utilization) * 48)}px` }} />
                {formatNumber(lang, st.utilization * 100)} %
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Sparkline title={tr(lang, 'vehiclesPerDay')} t={series.t} values={series.vehiclesPerDay} color="#1f77b4" />
      <Sparkline title={tr(lang, 'crossingsPerHour')} t={series.t} values={series.crossingsPerHour} color="#2ca02c" />
      <Sparkline title={tr(lang, 'parkingQueue')} t={series.t} values={series.parkingQueue} color="#d62728" />
    </section>
  );
}
