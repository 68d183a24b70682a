/**
 * The four camera presets of layout review: the whole crossing, the Vietnamese yard, the zero
 * line, the Chinese yard. Derived from the layout (zones by country and kind), not hard-coded
 * coordinates, so they work for every preset site.
 */

import type { Point } from '../../../sim-core/src/model/scenario.ts';
import type { LayoutPayload } from '../../../sim-core/src/stream/protocol.ts';
import type { CameraPreset } from '../store/viewer-store.ts';
import { bounds } from './coords.ts';

export interface CameraView {
  /** Point looked at, layout metres. */
  target: Point;
  /** Camera position: layout point and height (m). */
  from: Point;
  height: number;
}

const YARD_KINDS = new Set(['import-storage', 'export-storage', 'transfer-yard', 'inspection', 'admin', 'charging']);

/** A view from the south looking north over the points, far enough to see them all. */
function view(pts: readonly Point[], tilt = 0.75, zoom = 1): CameraView {
  const [x0, y0, x1, y1] = bounds(pts);
  // The screen is wider than tall; the depth of the view is foreshortened by the tilt.
  const size = Math.max((x1 - x0) * 0.75, (y1 - y0) * 0.85, 120) * zoom;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { target: [cx, cy], from: [cx, cy - size * tilt], height: size };
}

export function cameraView(layout: LayoutPayload, preset: CameraPreset): CameraView {
  const zones = layout.zones;
  switch (preset) {
    case 'overview':
      return view(zones.flatMap((z) => z.polygon), 0.3);
    case 'vn-yard':
      return view(zones.filter((z) => z.country === 'VN' && YARD_KINDS.has(z.kind)).flatMap((z) => z.polygon), 0.8, 0.7);
    case 'cn-yard':
      return view(zones.filter((z) => z.country === 'CN' && YARD_KINDS.has(z.kind)).flatMap((z) => z.polygon), 0.8, 0.7);
    case 'zero-line': {
      // Where the routes cross the border: the gates next to it.
      const gates = zones.filter((z) => z.kind === 'gate').flatMap((z) => z.polygon);
      const near = gates.filter(([x, y]) => Math.abs(y) < 400 && Math.abs(x) < 600);
      const v = view(near.length > 0 ? near : [[-150, -150], [150, 150]], 0.9);
      return { ...v, height: v.height * 0.9 };
    }
  }
}
