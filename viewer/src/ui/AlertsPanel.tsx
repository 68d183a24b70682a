/** Alerts of the latest KPI frame: queues over their threshold, equipment down, data-exchange outage. */

import { formatSimTime, formatNumber } from '../i18n/format.ts';
import { stationName } from '../i18n/station-names.ts';
import { tr, type StringKey } from '../i18n/strings.ts';
import { useViewer } from '../store/use-viewer.ts';

const NONE: never[] = [];
const TITLE: Record<string, StringKey> = { queue: 'alertQueue', 'equipment-down': 'alertDown', 'data-exchange': 'alertOutage' };

export function AlertsPanel(): React.JSX.Element {
  const lang = useViewer((s) => s.lang);
  const alerts = useViewer((s) => s.kpi?.alerts ?? NONE);
  return (
    <section className="panel alerts" data-testid="alerts">
      <h2>{tr(lang, 'alerts')}</h2>
      {alerts.length === 0 ? <p className="muted">{tr(lang, 'noAlerts')}</p> : null}
      <ul>
        {alerts.map((a) => {
          const since = formatSimTime(a.since);
          return (
            <li key={`${a.kind}:${a.subject}`} className={`alert alert-${a.kind}`}>
              <strong>{tr(lang, TITLE[a.kind] ?? 'alerts')}</strong>: {stationName(lang, a.subject)}
              {a.kind === 'queue' ? ` — ${formatNumber(lang, a.value)} (${tr(lang, 'threshold')} ${formatNumber(lang, a.threshold)})` : a.kind === 'equipment-down' ? ` — ${formatNumber(lang, a.value)}` : ''}
              <span className="since">
                {' '}
                {tr(lang, 'day')} {since.day} {since.clock.slice(0, 5)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
