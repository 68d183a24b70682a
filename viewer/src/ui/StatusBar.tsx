/** Connection state, errors and warnings, and the renderer's draw calls, frame rate and entity count. */

import { formatNumber } from '../i18n/format.ts';
import { tr } from '../i18n/strings.ts';
import { useViewer } from '../store/use-viewer.ts';

export function StatusBar(): React.JSX.Element {
  const lang = useViewer((s) => s.lang);
  const connection = useViewer((s) => s.connection);
  const error = useViewer((s) => s.error);
  const stats = useViewer((s) => s.stats);
  const fileErrors = useViewer((s) => s.fileErrors);
  const key = connection === 'connected' ? 'connected' : connection === 'connecting' ? 'connecting' : connection === 'disconnected' ? 'disconnected' : 'error';
  return (
    <footer className="statusbar" data-testid="status">
      <span className={`conn conn-${connection}`} data-testid="connection" data-state={connection}>
        ● {tr(lang, key)}
      </span>
      {error === null ? null : (
        <span className="error" data-testid="error">
          {tr(lang, 'error')}: {error}
        </span>
      )}
      {fileErrors.length === 0 ? null : (
        <details className="error file-errors" data-testid="file-errors" open>
          <summary>
            {tr(lang, 'fileErrors')} ({fileErrors.length})
          </summary>
          <ul>
            {fileErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </details>
      )}
      <span className="stats" data-testid="stats" data-draw-calls={stats.drawCalls} data-entities={stats.entities}>
        {tr(lang, 'drawCalls')}: {stats.drawCalls} · {tr(lang, 'fps')}: {stats.fps} · {tr(lang, 'entities')}: {formatNumber(lang, stats.entities)}
      </span>
    </footer>
  );
}
