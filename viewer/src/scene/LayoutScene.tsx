/**
 * The layout on the ground: the two countries' land either side of the zero line, zones as
 * coloured areas with their names in the chosen language (and their areas in review mode), roads,
 * the lane network and the zero line. Static: rebuilt only when the scenario, the language or the
 * zone visibility changes (six draw calls in all).
 */

import { useEffect, useMemo } from 'react';
import { DoubleSide, type BufferGeometry } from 'three';
import { signedArea } from '../../../scenarios/geometry.ts';
import type { LayoutPayload } from '../../../sim-core/src/stream/protocol.ts';
import { tr } from '../i18n/strings.ts';
import { formatArea } from '../i18n/format.ts';
import { useViewer } from '../store/use-viewer.ts';
import { bounds, centroid } from './coords.ts';
import { buildLabelAtlas, type GroundLabel } from './label-atlas.ts';
import { groundGeometry, roadsGeometry, zoneFillGeometry, zoneOutlineGeometry } from './layout-geometry.ts';
import { COLORS } from './palette.ts';

function useDisposable<T extends { dispose(): void }>(make: () => T, deps: unknown[]): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const value = useMemo(make, deps);
  useEffect(() => () => value.dispose(), [value]);
  return value;
}

/** Extent of everything drawn, with a margin, metres: [minX, minY, maxX, maxY]. */
export function layoutExtent(layout: LayoutPayload, marginM = 400): [number, number, number, number] {
  const pts = [...layout.zeroLine, ...layout.zones.flatMap((z) => z.polygon), ...layout.routes.flatMap((r) => r.path)];
  const [x0, y0, x1, y1] = bounds(pts);
  return [x0 - marginM, y0 - marginM, x1 + marginM, y1 + marginM];
}

export function LayoutScene({ layout }: { layout: LayoutPayload }): React.JSX.Element {
  const lang = useViewer((s) => s.lang);
  const hidden = useViewer((s) => s.hiddenZones);
  const review = useViewer((s) => s.review);
  const extent = useMemo(() => layoutExtent(layout), [layout]);
  const ground = useDisposable<BufferGeometry>(() => groundGeometry(layout.zeroLine, extent), [layout, extent]);
  const fills = useDisposable<BufferGeometry>(() => zoneFillGeometry(layout, hidden), [layout, hidden]);
  const outlines = useDisposable<BufferGeometry>(() => zoneOutlineGeometry(layout, hidden), [layout, hidden]);
  const roads = useDisposable<BufferGeometry>(() => roadsGeometry(layout), [layout]);
  const atlas = useMemo(() => {
    const labels: GroundLabel[] = [];
    for (const z of layout.zones) {
      if (hidden[z.id] === true || z.kind === 'igv-route' || z.kind === 'monitoring') continue;
      const [x0, , x1] = bounds(z.polygon);
      const area = Math.abs(signedArea(z.polygon));
      const label: GroundLabel = { text: z.label[lang], at: centroid(z.polygon), widthM: Math.max(40, Math.min(300, (x1 - x0) * 0.9)) };
      if (review) label.sub = `${tr(lang, 'area')}: ${formatArea(lang, area)}`;
      labels.push(label);
    }
    // The two countries and the border itself, readable from the overview.
    const zl = layout.zeroLine;
    const west = zl[0]!;
    labels.push({ text: tr(lang, 'vietnam').toUpperCase(), at: [west[0] + 350, west[1] - 260], widthM: 420, color: '#1d4e89' });
    labels.push({ text: tr(lang, 'china').toUpperCase(), at: [west[0] + 350, west[1] + 180], widthM: 420, color: '#8e1b1b' });
    const last = zl[zl.length - 1]!;
    labels.push({ text: tr(lang, 'zeroLine'), at: [last[0] - 300, last[1] + 60], widthM: 380, color: '#b71c1c', angle: Math.atan2(last[1] - zl[zl.length - 2]![1], last[0] - zl[zl.length - 2]![0]) });
    for (const r of layout.routes) {
      const mid = r.path[Math.floor(r.path.length / 2)]!;
      const prev = r.path[Math.max(0, Math.floor(r.path.length / 2) - 1)]!;
      labels.push({ text: r.label[lang], at: [mid[0] + 45, mid[1]], widthM: 220, color: '#37474f', angle: Math.atan2(mid[1] - prev[1], mid[0] - prev[0]) });
    }
    return buildLabelAtlas(labels);
  }, [layout, lang, hidden, review]);
  useEffect(() => () => {
    atlas.geometry.dispose();
    atlas.texture.dispose();
  }, [atlas]);

  return (
    <group>
      <mesh geometry={ground} name="ground" userData={{ pickable: 'ground' }}>
        <meshBasicMaterial vertexColors side={DoubleSide} />
      </mesh>
      <mesh geometry={fills} renderOrder={1}>
        {/* forceSinglePass: three draws a transparent double-sided material twice (back, then front)
            and recompiles its program state for each pass, every frame; flat ground quads need one. */}
        <meshBasicMaterial vertexColors side={DoubleSide} forceSinglePass transparent opacity={0.78} depthWrite={false} polygonOffset polygonOffsetFactor={-1} />
      </mesh>
      <lineSegments geometry={outlines} renderOrder={2}>
        <lineBasicMaterial vertexColors transparent opacity={0.7} />
      </lineSegments>
      <mesh geometry={roads} renderOrder={3}>
        <meshBasicMaterial vertexColors side={DoubleSide} polygonOffset polygonOffsetFactor={-2} />
      </mesh>
      <mesh geometry={atlas.geometry} renderOrder={4}>
        <meshBasicMaterial map={atlas.texture} transparent side={DoubleSide} forceSinglePass depthWrite={false} polygonOffset polygonOffsetFactor={-3} />
      </mesh>
      <gridHelper args={[Math.max(extent[2] - extent[0], extent[3] - extent[1]) * 1.2, 60, COLORS.grid, COLORS.grid]} position={[(extent[0] + extent[2]) / 2, -0.1, -(extent[1] + extent[3]) / 2]} />
    </group>
  );
}
