/**
 * The entity inspector: what a clicked IGV, crane, truck, container or piece of equipment is doing
 * (IGV: state, battery, job, route; crane: cycle, queue; truck: channel, stage, time so far). Read
 * from the entity table four times a second while open.
 */

import { useEffect, useState } from 'react';
import { formatLength, formatNumber } from '../i18n/format.ts';
import { tr, trValue, type Lang, type StringKey } from '../i18n/strings.ts';
import type { ViewEntity } from '../store/entity-table.ts';
import { useRuntime, useViewer } from '../store/use-viewer.ts';

type Row = [label: string, value: string];

function minutesSince(e: ViewEntity, t: number, lang: Lang): string {
  return `${formatNumber(lang, Math.max(0, t - e.since) / 60_000, 1)} ${tr(lang, 'minutes')}`;
}

/** Rows for an entity, kind-specific first, then any other state and attributes. */
export function inspectorRows(e: ViewEntity, t: number, lang: Lang): Row[] {
  const rows: Row[] = [[tr(lang, 'kind'), trValue(lang, 'kind_', e.kind)]];
  const used = new Set<string>();
  const state = (key: string, label: StringKey, show: (v: string | number) => string = (v) => trValue(lang, 'state_', String(v))): void => {
    const v = e.state[key] ?? e.attrs[key];
    used.add(key);
    if (v !== undefined) rows.push([tr(lang, label), show(v)]);
  };
  if (e.country !== null) rows.push([tr(lang, 'country'), tr(lang, e.country === 'VN' ? 'vietnam' : 'china')]);
  switch (e.kind) {
    case 'igv':
      state('state', 'state');
      state('battery', 'battery', (v) => `${formatNumber(lang, Number(v) * 100)} %`);
      state('job', 'job', String);
      if (e.motion !== null) {
        const path = e.motion.event.path;
        const end = path[path.length - 1]!;
        rows.push([tr(lang, 'route'), `${formatLength(lang, e.motion.length)} → (${Math.round(end[0])}, ${Math.round(end[1])})`]);
      }
      break;
    case 'crane':
      state('phase', 'cycle');
      state('queue', 'queue', (v) => formatNumber(lang, Number(v)));
      break;
    case 'truck':
      state('channel', 'channel', String);
      state('stage', 'stage', String);
      state('direction', 'direction', String);
      rows.push([tr(lang, 'timeInSystem'), minutesSince(e, t, lang)]);
      break;
    case 'container':
      state('direction', 'direction', String);
      state('channel', 'channel', String);
      state('cargo', 'cargo', String);
      break;
    default:
      state('busy', 'state', (v) => (Number(v) === 1 ? trValue(lang, 'state_', 'busy') : trValue(lang, 'state_', 'idle')));
      state('barrier', 'state', (v) => (v === 'up' ? trValue(lang, 'state_', 'up') : String(v)));
  }
  if (e.state.down === 1) rows.push([tr(lang, 'state'), trValue(lang, 'state_', 'down')]);
  used.add('down');
  if (e.load !== null) rows.push([tr(lang, 'carrying'), e.load.id]);
  if (e.carrier !== null) rows.push([tr(lang, 'carrying'), `← ${e.carrier.id}`]);
  for (const [k, v] of Object.entries({ ...e.attrs, ...e.state })) if (!used.has(k) && k !== 'equipment' && k !== 'zone') rows.push([k, String(v)]);
  rows.push([tr(lang, 'position'), `(${Math.round(e.x)}, ${Math.round(e.y)}) m`]);
  return rows;
}

export function Inspector(): React.JSX.Element | null {
  const rt = useRuntime();
  const lang = useViewer((s) => s.lang);
  const id = useViewer((s) => s.selectedId);
  const select = useViewer((s) => s.select);
  const [, tick] = useState(0);
  useEffect(() => {
    if (id === null) return;
    const h = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(h);
  }, [id]);
  if (id === null) return null;
  const e = rt.entities.byId.get(id);
  return (
    <section className="panel inspector" data-testid="inspector">
      <h2>
        {tr(lang, 'inspector')}: <code>{id}</code>
        <button type="button" className="close" onClick={() => select(null)} title={tr(lang, 'close')}>
          ×
        </button>
      </h2>
      {e === undefined ? (
        <p className="muted">—</p>
      ) : (
        <table>
          <tbody>
            {inspectorRows(e, rt.clock.t, lang).map(([k, v], i) => (
              <tr key={i}>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
