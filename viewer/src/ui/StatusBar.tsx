/** Connection state, errors and warnings, and the renderer's draw calls, frame rate and entity count. */

import { useEffect, useRef } from 'react';
import { formatNumber } from '../i18n/format.ts';
import { tr, type Lang } from '../i18n/strings.ts';
import type { ViewerState } from '../store/viewer-store.ts';
import { useRuntime, useViewer } from '../store/use-viewer.ts';

/**
 * Draw calls, frame rate and entity count, written into the span when the frame loop publishes
 * them (twice a second): a text change, not a render of the status bar.
 */
function FrameStats({ lang }: { lang: Lang }): React.JSX.Element {
  const { store } = useRuntime();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const show = (stats: ViewerState['stats']): void => {
      const el = ref.current;
      if (el === null) return;
      el.textContent = `${tr(lang, 'drawCalls')}: ${stats.drawCalls} · ${tr(lang, 'fps')}: ${stats.fps} · ${tr(lang, 'entities')}: ${formatNumber(lang, stats.entities)}`;
      el.dataset.drawCalls = String(stats.drawCalls);
      el.dataset.entities = String(stats.entities);
    };
    show(store.getState().stats);
    return store.subscribe((s, prev) => {
      if (s.stats !== prev.stats) show(s.stats);
    });
  }, [store, lang]);
  return <span className="stats" data-testid="stats" ref={ref} />;
}

export function StatusBar(): React.JSX.Element {
  const lang = useViewer((s) => s.lang);
  const connection = useViewer((s) => s.connection);
  const error = useViewer((s) => s.error);
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
      <FrameStats lang={lang} />
    </footer>
  );
}
