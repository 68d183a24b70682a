/**
 * Shapes of the equipment and vehicles, modelled facing north (−z) at their real sizes in metres,
 * each part merged into one geometry with vertex colours so that an instance colour tints only the
 * parts meant to show state (the cab of a truck, the deck of an IGV, the light of a scanner).
 */

import { BoxGeometry, BufferGeometry, Color, Float32BufferAttribute } from 'three';

const scratch = new Color();

/** A box of size w × h × l (x, y, z) centred at (x, y, z), in one colour. */
function box(w: number, h: number, l: number, x: number, y: number, z: number, color: number): BufferGeometry {
  // Indexed: 24 vertices a box instead of 36, and every instance of every box runs the vertex
  // shader (thousands of containers; software WebGL spends most of a frame there).
  const g = new BoxGeometry(w, h, l);
  g.translate(x, y, z);
  scratch.setHex(color);
  const n = g.getAttribute('position').count;
  const c = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    c[3 * i] = scratch.r;
    c[3 * i + 1] = scratch.g;
    c[3 * i + 2] = scratch.b;
  }
  g.setAttribute('color', new Float32BufferAttribute(c, 3));
  return g;
}

/** Concatenates indexed geometries with position, normal and color into one indexed geometry. */
function merge(parts: BufferGeometry[]): BufferGeometry {
  const out = new BufferGeometry();
  for (const name of ['position', 'normal', 'color'] as const) {
    const arrays = parts.map((p) => p.getAttribute(name).array as Float32Array);
    const total = arrays.reduce((s, a) => s + a.length, 0);
    const merged = new Float32Array(total);
    let o = 0;
    for (const a of arrays) {
      merged.set(a, o);
      o += a.length;
    }
    out.setAttribute(name, new Float32BufferAttribute(merged, 3));
  }
  const index: number[] = [];
  let base = 0;
  for (const p of parts) {
    const ix = p.getIndex();
    if (ix === null) throw new Error('shapes: merge expects indexed parts');
    for (let i = 0; i < ix.count; i++) index.push(ix.getX(i) + base);
    base += p.getAttribute('position').count;
  }
  out.setIndex(index);
  for (const p of parts) p.dispose();
  out.computeBoundingSphere();
  return out;
}

const WHITE = 0xffffff;
const DARK = 0x3a3f44;
const STEEL = 0x8d969e;

/** A semi-trailer tractor with chassis, 16.5 m; the instance colour tints the cab. */
export function truckShape(): BufferGeometry {
  return merge([
    box(2.5, 3.0, 2.6, 0, 2.0, -6.8, WHITE),
    box(2.4, 0.9, 14.0, 0, 0.9, 1.2, DARK),
    box(2.4, 0.6, 2.8, 0, 0.5, -6.7, DARK),
  ]);
}

/** An IGV: a flat deck 14 m long with lidar posts at both ends; the instance colour tints the deck. */
export function igvShape(): BufferGeometry {
  return merge([
    box(3.0, 0.9, 13.6, 0, 0.6, 0, WHITE),
    box(3.1, 0.3, 13.8, 0, 0.15, 0, DARK),
    box(0.4, 0.6, 0.4, 0, 1.3, -6.6, DARK),
    box(0.4, 0.6, 0.4, 0, 1.3, 6.6, DARK),
  ]);
}

/** A 40-foot container (12.19 × 2.44 × 2.59 m) with its base at y = 0. */
export function containerShape(): BufferGeometry {
  return merge([box(2.44, 2.59, 12.19, 0, 1.295, 0, WHITE)]);
}

/** Gantry of a rail-mounted yard crane: span 30 m across x, 20 m high; the instance colour tints it. */
export function craneFrameShape(): BufferGeometry {
  const parts: BufferGeometry[] = [];
  for (const x of [-15, 15]) {
    for (const z of [-5, 5]) parts.push(box(1.0, 20, 1.0, x, 10, z, WHITE));
    parts.push(box(1.2, 1.0, 12, x, 0.5, 0, DARK)); // sill beam on the rail
  }
  for (const z of [-5, 5]) parts.push(box(32, 1.6, 1.2, 0, 20.5, z, WHITE));
  return merge(parts);
}

/** Trolley riding on the girders. */
export function trolleyShape(): BufferGeometry {
  return merge([box(4, 2, 11.5, 0, 0, 0, WHITE)]);
}

/** Spreader frame with its top at y = 0. */
export function spreaderShape(): BufferGeometry {
  return merge([box(2.6, 0.6, 12.4, 0, -0.3, 0, WHITE)]);
}

/** A hoist rope bundle one metre tall (scaled along y to the hoist height). */
export function ropeShape(): BufferGeometry {
  return merge([box(0.25, 1, 0.25, 0, -0.5, -4, DARK), box(0.25, 1, 0.25, 0, -0.5, 4, DARK)]);
}

/** A drive-through scanner portal: two shielded walls and a roof over a 6 m lane, 24 m long. */
export function portalShape(): BufferGeometry {
  return merge([
    box(1.2, 7, 24, -4, 3.5, 0, STEEL),
    box(1.2, 7, 24, 4, 3.5, 0, STEEL),
    box(9.6, 1.2, 24, 0, 7.6, 0, 0xcfd8dc),
    box(3, 3, 3, 7, 1.5, 0, 0xb0bec5),
  ]);
}

/** The busy light on a portal roof (tinted by state). */
export function lightShape(): BufferGeometry {
  return merge([box(1.6, 0.8, 1.6, 0, 8.6, 0, WHITE)]);
}

/** A gate booth with the reader mast beside the lane. */
export function boothShape(): BufferGeometry {
  return merge([box(1.8, 2.8, 2.4, 2.4, 1.4, 0, 0xeceff1), box(0.3, 5.5, 0.3, 1.6, 2.75, 1.6, DARK), box(3.4, 0.3, 0.3, 0, 5.4, 1.6, DARK)]);
}

/** A barrier arm 3.6 m long pivoting at its east end (x = 0); tinted red or green. */
export function armShape(): BufferGeometry {
  return merge([box(3.6, 0.18, 0.18, -1.8, 0, 0, WHITE)]);
}

/** An inspection bay: a canopy on four posts over a 20 × 6 m pad; tinted when busy. */
export function bayShape(): BufferGeometry {
  const parts: BufferGeometry[] = [box(6, 0.1, 20, 0, 0.05, 0, WHITE)];
  for (const x of [-3, 3]) for (const z of [-9.5, 9.5]) parts.push(box(0.3, 5, 0.3, x, 2.5, z, DARK));
  parts.push(box(7, 0.3, 21, 0, 5.1, 0, 0xcfd8dc));
  return merge(parts);
}

/** A charging cabinet (or a battery-swap station). */
export function chargerShape(): BufferGeometry {
  return merge([box(2.5, 2.6, 1.2, 0, 1.3, 0, WHITE), box(4, 0.2, 8, 0, 0.1, 4.5, 0x81c784)]);
}
