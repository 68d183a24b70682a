/**
 * Layout review for zoning staff: zone visibility toggles with the area of each zone, route
 * lengths, the measuring tool, the layout findings (also marked in the scene) and camera presets.
 */

import { polylineLength, signedArea } from '../../../scenarios/geometry.ts';
import { formatArea, formatLength } from '../i18n/format.ts';
import { tr, type StringKey } from '../i18n/strings.ts';
import type { CameraPreset } from '../store/viewer-store.ts';
import { useViewer } from '../store/use-viewer.ts';

const PRESETS: Array<[CameraPreset, StringKey]> = [
  ['overview', 'camOverview'],
  ['vn-yard', 'camVnYard'],
  ['zero-line', 'camZeroLine'],
  ['cn-yard', 'camCnYard'],
];

export function CameraButtons(): React.JSX.Element {
  const lang = useViewer((s) => s.lang);
  const setCamera = useViewer((s) => s.setCamera);
  return (
    <div className="camera-buttons" role="group" aria-label={tr(lang, 'camera')}>
      {PRESETS.map(([p, key]) => (
        <button key={p} type="button" data-testid={`camera-${p}`} onClick={() => setCamera(p)}>
          {tr(lang, key)}
        </button>
      ))}
    </div>
  );
}

export function ReviewPanel(): React.JSX.Element | null {
  const lang = useViewer((s) => s.lang);
  const layout = useViewer((s) => s.layout);
  const hidden = useViewer((s) => s.hiddenZones);
  const toggleZone = useViewer((s) => s.toggleZone);
  const measuring = useViewer((s) => s.measuring);
  const setMeasuring = useViewer((s) => s.setMeasuring);
  const measure = useViewer((s) => s.measure);
  const findings = useViewer((s) => s.findings);
  if (layout === null) return null;
  const measured = measure.length === 2 ? Math.hypot(measure[1]![0] - measure[0]![0], measure[1]![1] - measure[0]![1]) : null;
  return (
    <section className="panel review" data-testid="review-panel">
      <h2>{tr(lang, 'review')}</h2>
      <h3>{tr(lang, 'findings')}</h3>
      {findings.length === 0 ? <p className="muted">{tr(lang, 'noFindings')}</p> : null}
      <ul className="findings" data-testid="findings">
        {findings.map((f, i) => (
          <li key={i} className={`finding finding-${f.severity}`}>
            <strong>{tr(lang, `severity_${f.severity}`)}</strong> <code>{f.code}</code> {f.message} <span className="path">{f.path}</span>
          </li>
        ))}
      </ul>
      <h3>{tr(lang, 'measure')}</h3>
      <p>
        <button type="button" data-testid="measure" className={measuring ? 'active' : ''} onClick={() => setMeasuring(!measuring)}>
          {tr(lang, 'measure')}
        </button>{' '}
        {measuring ? <span className="muted">{tr(lang, 'measureHint')}</span> : null}{' '}
        {measured === null ? null : (
          <strong data-testid="measure-result">
            {tr(lang, 'length')}: {formatLength(lang, measured)}
          </strong>
        )}
      </p>
      <h3>{tr(lang, 'zones')}</h3>
      <table className="zones">
        <thead>
          <tr>
            <th />
            <th>{tr(lang, 'area')}</th>
          </tr>
        </thead>
        <tbody>
          {layout.zones.map((z) => (
            <tr key={z.id}>
              <td>
                <label>
                  <input type="checkbox" data-testid={`zone-${z.id}`} checked={hidden[z.id] !== true} onChange={() => toggleZone(z.id)} /> {z.label[lang]}
                </label>
              </td>
              <td className="num">{formatArea(lang, Math.abs(signedArea(z.polygon)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{tr(lang, 'routes')}</h3>
      <table>
        <tbody>
          {layout.routes.map((r) => (
            <tr key={r.id}>
              <td>{r.label[lang]}</td>
              <td className="num" data-testid={`route-length-${r.id}`}>
                {formatLength(lang, polylineLength(r.path))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
