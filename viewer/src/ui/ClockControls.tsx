/**
 * Simulated date and time, play/pause, speed, restart with a seed, jump ahead. The clock text
 * updates four times a second from the display clock (read, not subscribed: the clock changes every
 * frame and is not in the store).
 */

import { useEffect, useRef, useState } from 'react';
import { formatNumber, formatSimTime } from '../i18n/format.ts';
import { tr, type Lang } from '../i18n/strings.ts';
import { SPEEDS } from '../store/viewer-store.ts';
import { useRuntime, useViewer } from '../store/use-viewer.ts';

const JUMPS = [
  ['hour1', 3_600_000],
  ['hour6', 6 * 3_600_000],
  ['day1', 86_400_000],
] as const;

function speedLabel(s: number): string {
  return s < 60 ? `${s}×` : s < 3600 ? `${s / 60} min/s` : `${s / 3600} h/s`;
}

/**
 * The simulated time, written straight into its span four times a second (the display clock changes
 * every frame and is not in the store; a React render per update would cost more than the text).
 */
function SimTime({ lang }: { lang: Lang }): React.JSX.Element {
  const rt = useRuntime();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let shown = -1;
    const show = (): void => {
      const el = ref.current;
      const t = Math.floor(rt.clock.t / 1000) * 1000; // the text shows whole seconds
      if (el === null || t === shown) return;
      shown = t;
      const now = formatSimTime(t);
      el.textContent = `${tr(lang, 'day')} ${formatNumber(lang, now.day)} · ${now.clock}`;
      el.dataset.ms = String(t);
    };
    show();
    const id = setInterval(show, 250);
    return () => clearInterval(id);
  }, [rt, lang]);
  return <span className="value" data-testid="sim-time" ref={ref} />;
}

export function ClockControls(): React.JSX.Element {
  const rt = useRuntime();
  const lang = useViewer((s) => s.lang);
  const playing = useViewer((s) => s.playing);
  const speed = useViewer((s) => s.speed);
  const seed = useViewer((s) => s.seed);
  const ended = useViewer((s) => s.ended);
  const canControl = useViewer((s) => s.canControl);
  const [seedText, setSeedText] = useState(String(seed));
  const [seedError, setSeedError] = useState<string | null>(null);
  useEffect(() => setSeedText(String(seed)), [seed]);
  const c = rt.controls;
  const restart = (): void => {
    const n = Number(seedText);
    if (!(seedText.trim() !== '' && Number.isInteger(n) && n >= 0)) {
      setSeedError(`${tr(lang, 'seed')}: ${seedText}`);
      return;
    }
    setSeedError(null);
    c?.restart(n);
  };
  return (
    <section className="clock" data-testid="clock">
      <div className="time">
        <span className="label">{tr(lang, 'simTime')}</span>
        <SimTime lang={lang} />
        {ended ? <span className="ended">■</span> : null}
      </div>
      <div className="buttons">
        <button type="button" data-testid="play-pause" disabled={!canControl || c === null} onClick={() => c?.setPlaying(!playing)} title={tr(lang, playing ? 'pause' : 'play')}>
          {playing ? `❚❚ ${tr(lang, 'pause')}` : `▶ ${tr(lang, 'play')}`}
        </button>
        <label>
          {tr(lang, 'speed')}{' '}
          <select data-testid="speed" value={speed} disabled={!canControl || c === null} onChange={(e) => c?.setSpeed(Number(e.target.value))}>
            {(SPEEDS as readonly number[]).includes(speed) ? null : <option value={speed}>{speedLabel(speed)}</option>}
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {speedLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <span className="jump">
          {tr(lang, 'jumpAhead')}{' '}
          {JUMPS.map(([key, ms]) => (
            <button key={key} type="button" data-testid={`jump-${key}`} disabled={!canControl || c === null} onClick={() => c?.jump(ms)}>
              {tr(lang, key)}
            </button>
          ))}
        </span>
        <label>
          {tr(lang, 'seed')}{' '}
          <input data-testid="seed" className={seedError === null ? '' : 'invalid'} size={6} value={seedText} onChange={(e) => setSeedText(e.target.value)} aria-invalid={seedError !== null} />
        </label>
        <button type="button" data-testid="restart" disabled={!canControl || c === null} onClick={restart}>
          ↻ {tr(lang, 'restart')}
        </button>
        {seedError === null ? null : <span className="error">{seedError}</span>}
      </div>
    </section>
  );
}
