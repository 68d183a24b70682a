/** Colour legend of the moving plant, in the chosen language. */

import { tr, type StringKey } from '../i18n/strings.ts';
import { COLORS } from '../scene/palette.ts';
import { useViewer } from '../store/use-viewer.ts';

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

const ITEMS: Array<[number, StringKey, string?]> = [
  [COLORS.truckVN, 'trucks', 'VN'],
  [COLORS.truckCN, 'trucks', 'CN'],
  [COLORS.igvLoaded, 'igvs', 'state_loaded'],
  [COLORS.igvEmpty, 'igvs', 'state_empty'],
  [COLORS.igvCharging, 'igvs', 'state_charging'],
  [COLORS.containerExport, 'exportDir'],
  [COLORS.containerImport, 'importDir'],
  [COLORS.crane, 'cranes'],
  [COLORS.lightDown, 'alertDown'],
  [COLORS.zeroLine, 'zeroLine'],
];

export function Legend(): React.JSX.Element {
  const lang = useViewer((s) => s.lang);
  return (
    <section className="legend" aria-label={tr(lang, 'legend')}>
      {ITEMS.map(([c, key, extra], i) => (
        <span key={i}>
          <i style={{ background: hex(c) }} />
          {tr(lang, key)}
          {extra === undefined ? '' : ` · ${extra === 'VN' ? tr(lang, 'vietnam') : extra === 'CN' ? tr(lang, 'china') : tr(lang, extra as StringKey)}`}
        </span>
      ))}
    </section>
  );
}
