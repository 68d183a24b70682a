/** Title, scenario, mode, preset choice (standalone), language switch and the review-mode toggle. */

import { LANGS, STRINGS, tr, type Lang } from '../i18n/strings.ts';
import { useRuntime, useViewer } from '../store/use-viewer.ts';

/** Reads a scenario file; invalid JSON is reported with the file name and position. */
async function openFile(file: File, open: (json: unknown, name: string) => void, fail: (message: string) => void): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text()) as unknown;
  } catch (e) {
    fail(`${file.name}: invalid JSON: ${(e as Error).message}`);
    return;
  }
  open(json, file.name);
}

export function TopBar(): React.JSX.Element {
  const rt = useRuntime();
  const lang = useViewer((s) => s.lang);
  const setLang = useViewer((s) => s.setLang);
  const mode = useViewer((s) => s.mode);
  const scenario = useViewer((s) => s.scenario);
  const preset = useViewer((s) => s.preset);
  const presets = useViewer((s) => s.presets);
  const review = useViewer((s) => s.review);
  const setReview = useViewer((s) => s.setReview);
  const modeKey = mode === 'live' ? 'modeLive' : mode === 'standalone' ? 'modeStandalone' : 'modeStress';
  return (
    <header className="topbar">
      <h1 data-testid="title">{tr(lang, 'appTitle')}</h1>
      <span className="scenario" data-testid="scenario-title">
        {scenario === null ? tr(lang, 'loading') : scenario.title[lang]}
      </span>
      <span className={`mode mode-${mode}`} data-testid="mode">
        {tr(lang, modeKey)}
      </span>
      {mode === 'standalone' ? (
        <label>
          {tr(lang, 'preset')}{' '}
          <select data-testid="preset" value={preset} onChange={(e) => rt.controls?.choosePreset?.(e.target.value)}>
            {presets.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {mode === 'standalone' ? (
        <label className="open-file">
          {tr(lang, 'openFile')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="open-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file !== undefined) void openFile(file, (json, name) => rt.controls?.openScenario?.(json, name), (msg) => rt.store.getState().setFileErrors([msg]));
              e.target.value = '';
            }}
          />
        </label>
      ) : null}
      <label className="review-toggle">
        <input type="checkbox" data-testid="review-toggle" checked={review} onChange={(e) => setReview(e.target.checked)} /> {tr(lang, 'reviewMode')}
      </label>
      <div className="langs" role="group" aria-label={tr(lang, 'language')}>
        {LANGS.map((l: Lang) => (
          <button key={l} type="button" data-testid={`lang-${l}`} className={l === lang ? 'active' : ''} onClick={() => setLang(l)} lang={l}>
            {STRINGS[l].langName}
          </button>
        ))}
      </div>
    </header>
  );
}
