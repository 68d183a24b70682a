/**
 * Everything that moves or changes state, as instanced meshes with preallocated capacity: trucks,
 * IGVs, containers, crane gantries/trolleys/spreaders/ropes, scanner portals and lights, gate
 * booths and barrier arms, inspection bays, chargers. One draw call per mesh whatever the number
 * of entities (16 in all).
 *
 * One `useFrame` drives it (STYLE.md §7): tick the display clock, apply due events to the entity
 * table, then write instance matrices straight into the instance buffers. It reads the store with
 * getState(), allocates nothing and never calls setState, except for a small statistics update
 * twice a second for the corner readout.
 */

import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Color, DynamicDrawUsage, InstancedMesh, Mesh, MeshLambertMaterial, MeshBasicMaterial, RingGeometry, type BufferGeometry, type InstancedBufferAttribute } from 'three';
import type { EntityKind } from '../../../sim-core/src/stream/visual-events.ts';
import { ENTITY_KINDS, type ViewEntity } from '../store/entity-table.ts';
import { useRuntime } from '../store/use-viewer.ts';
import { writeYawMatrix, writeYawRollMatrix } from './coords.ts';
import { barrierAngle, craneAnimation, tintOf } from './entity-look.ts';
import { COLORS } from './palette.ts';
import * as shapes from './shapes.ts';

/** Instance capacity per kind: the stress target (150 IGVs, 600 trucks, 4,000 containers) with room to spare. */
export const CAPACITY: Record<EntityKind, number> = { truck: 2048, igv: 512, container: 8192, crane: 256, 'gate-lane': 256, scanner: 64, 'inspection-bay': 128, charger: 128 };

type MeshName = 'truck' | 'igv' | 'container' | 'carried' | 'craneFrame' | 'trolley' | 'spreader' | 'rope' | 'portal' | 'light' | 'booth' | 'arm' | 'bay' | 'charger';

const MESHES: Record<MeshName, { kind: EntityKind; shape: () => BufferGeometry; tinted: boolean }> = {
  truck: { kind: 'truck', shape: shapes.truckShape, tinted: true },
  igv: { kind: 'igv', shape: shapes.igvShape, tinted: true },
  container: { kind: 'container', shape: shapes.containerShape, tinted: true },
  carried: { kind: 'container', shape: shapes.containerShape, tinted: true },
  craneFrame: { kind: 'crane', shape: shapes.craneFrameShape, tinted: true },
  trolley: { kind: 'crane', shape: shapes.trolleyShape, tinted: false },
  spreader: { kind: 'crane', shape: shapes.spreaderShape, tinted: false },
  rope: { kind: 'crane', shape: shapes.ropeShape, tinted: false },
  portal: { kind: 'scanner', shape: shapes.portalShape, tinted: false },
  light: { kind: 'scanner', shape: shapes.lightShape, tinted: true },
  booth: { kind: 'gate-lane', shape: shapes.boothShape, tinted: false },
  arm: { kind: 'gate-lane', shape: shapes.armShape, tinted: true },
  bay: { kind: 'inspection-bay', shape: shapes.bayShape, tinted: true },
  charger: { kind: 'charger', shape: shapes.chargerShape, tinted: true },
};

const FIXED_TINT: Partial<Record<MeshName, number>> = { trolley: COLORS.trolley, spreader: COLORS.spreader, rope: 0xffffff, portal: 0xffffff, booth: 0xffffff };

// Module-scope scratch objects: the frame loop allocates nothing.
const color = new Color();
const crane = { trolley: 0, hoist: 0 };
const VEHICLES = ['truck', 'igv'] as const;
const CRANE_PARTS = ['craneFrame', 'trolley', 'spreader', 'rope'] as const;
const CARRIERS = ['truck', 'igv', 'crane'] as const;
const carrierPose = { x: 0, y: 0, h: 0, heading: 0 };

function createMesh(name: MeshName, material: MeshLambertMaterial): InstancedMesh {
  const spec = MESHES[name];
  const mesh = new InstancedMesh(spec.shape(), material, CAPACITY[spec.kind]);
  mesh.name = name;
  mesh.instanceMatrix.setUsage(DynamicDrawUsage);
  mesh.frustumCulled = false; // instances move anywhere; the bounding sphere of the base shape would cull them wrongly
  mesh.matrixAutoUpdate = false; // the mesh itself never moves (its instances do): no matrix compose per frame
  color.setHex(FIXED_TINT[name] ?? 0xffffff);
  for (let i = 0; i < mesh.count; i++) mesh.setColorAt(i, color);
  mesh.count = 0;
  return mesh;
}

/**
 * Marks instances lo..hi (inclusive) of an instance attribute for upload. Without an update range
 * three uploads the whole preallocated buffer (8,192 container matrices are 512 kB) every time.
 */
function uploadRange(attr: InstancedBufferAttribute, lo: number, hi: number): void {
  if (hi < lo) return;
  attr.clearUpdateRanges();
  attr.addUpdateRange(lo * attr.itemSize, (hi - lo + 1) * attr.itemSize);
  attr.needsUpdate = true;
}

/** Where a carried container sits: on its carrier's deck or under a crane's spreader. */
function carrierSeat(c: ViewEntity, t: number): void {
  const k = c.carrier!;
  carrierPose.x = k.x;
  carrierPose.y = k.y;
  carrierPose.heading = k.heading;
  if (k.kind === 'truck') carrierPose.h = 1.35;
  else if (k.kind === 'igv') carrierPose.h = 1.05;
  else if (k.kind === 'crane') {
    craneAnimation(k, t, crane);
    carrierPose.x = k.x + crane.trolley * Math.cos(k.heading);
    carrierPose.y = k.y - crane.trolley * Math.sin(k.heading);
    carrierPose.h = crane.hoist - 0.6 - 2.59;
  } else carrierPose.h = 0;
}

// The frame loop runs a few times a second under software WebGL and can stay in unoptimized code,
// where every double read from an entity's field and passed on is boxed into a new heap number
// (thousands a frame, for the collector). These per-entity helpers take the entity, not its
// numbers; they run thousands of times a second, so they are optimized early and box nothing.

/** Yaw + position of an entity standing on the ground, into instance slot i. */
function writeEntityYaw(a: Float32Array, i: number, e: ViewEntity): void {
  writeYawMatrix(a, i * 16, e.x, 0, e.y, e.heading);
}

/** A carried container onto its carrier's seat (it takes its carrier's place), into `carried` slot k. */
function writeCarried(a: Float32Array, k: number, c: ViewEntity, t: number): void {
  carrierSeat(c, t);
  c.x = carrierPose.x;
  c.y = carrierPose.y;
  c.heading = carrierPose.heading;
  writeYawMatrix(a, k * 16, c.x, carrierPose.h, c.y, c.heading);
}

export interface FramePerf {
  frames: number;
  updateMs: number;
}

declare global {
  interface Window {
    /** Frame statistics for the browser tests and the benchmark. */
    __viewerPerf?: FramePerf;
  }
}

export function DynamicScene(): React.JSX.Element {
  const rt = useRuntime();
  const gl = useThree((s) => s.gl);
  const meshes = useMemo(() => {
    // One material for all: one program and one set of uniforms for every instanced draw.
    const material = new MeshLambertMaterial({ vertexColors: true });
    const out = {} as Record<MeshName, InstancedMesh>;
    for (const name of Object.keys(MESHES) as MeshName[]) out[name] = createMesh(name, material);
    // The frame loop writes only what changed; new buffers start empty, so everything is new to them.
    for (const kind of ENTITY_KINDS) {
      for (const e of rt.entities.lists[kind]) {
        e.poseDirty = true;
        e.colorDirty = true;
      }
    }
    return out;
  }, []);
  // Colour last written per `carried` slot (-1: none yet): the slots are refilled every frame but
  // their colours rarely change, and each setColorAt converts sRGB to linear (three pow calls).
  const carriedHex = useMemo(() => new Int32Array(CAPACITY.container).fill(-1), [meshes]);
  const stations = useMemo(
    () => [
      { kind: 'scanner' as const, fixed: meshes.portal as InstancedMesh | null, tinted: meshes.light },
      { kind: 'inspection-bay' as const, fixed: null, tinted: meshes.bay },
      { kind: 'charger' as const, fixed: null, tinted: meshes.charger },
    ],
    [meshes],
  );
  const ring = useMemo(() => {
    const m = new Mesh(new RingGeometry(9, 11.5, 40).rotateX(-Math.PI / 2), new MeshBasicMaterial({ color: COLORS.selection, transparent: true, opacity: 0.9, depthTest: false }));
    m.renderOrder = 10;
    m.visible = false;
    return m;
  }, []);
  useEffect(
    () => () => {
      for (const m of Object.values(meshes)) {
        m.geometry.dispose();
        m.dispose();
      }
      (meshes.truck.material as MeshLambertMaterial).dispose();
    },
    [meshes],
  );
  const statsAt = useRef({ wall: 0, frames: 0, drawCalls: 0 });
  // The renderer's counters accumulate over one frame and are read (then reset) at the start of the
  // next, so the readout shows whole frames whoever else renders.
  useEffect(() => {
    gl.info.autoReset = false;
    return () => {
      gl.info.autoReset = true;
    };
  }, [gl]);
  const warned = useRef(false);

  useFrame((_, delta) => {
    const t0 = performance.now();
    statsAt.current.drawCalls = gl.info.render.calls;
    gl.info.reset();
    const { entities, clock, store } = rt;
    const t = clock.tick(delta);
    entities.advance(t);
    const L = entities.lists;

    // Vehicles: yaw + position straight into the instance buffer, only for those that moved (or
    // changed slot) since the last frame; the upload covers the changed range only.
    for (const kind of VEHICLES) {
      const mesh = meshes[kind];
      const list = L[kind];
      const n = Math.min(list.length, CAPACITY[kind]);
      const a = mesh.instanceMatrix.array as Float32Array;
      let lo = n;
      let hi = -1;
      let clo = n;
      let chi = -1;
      for (let i = 0; i < n; i++) {
        const e = list[i]!;
        if (e.colorDirty) {
          mesh.setColorAt(i, color.setHex(tintOf(e)));
          e.colorDirty = false;
          if (i < clo) clo = i;
          chi = i;
        }
        if (!e.poseDirty) continue;
        e.poseDirty = false;
        writeEntityYaw(a, i, e);
        if (i < lo) lo = i;
        hi = i;
      }
      if (mesh.count !== n) {
        mesh.count = n;
        mesh.visible = n > 0;
        lo = 0;
        hi = n - 1;
      }
      uploadRange(mesh.instanceMatrix, lo, hi);
      uploadRange(mesh.instanceColor!, clo, chi);
    }

    // Containers. Those set down (thousands, in stacks) live in `container` at their slot and are
    // rewritten only when their place changed; those on a carrier (a few hundred, moving) are drawn
    // by walking the carriers into `carried`, rewritten every frame. A carried container's own slot
    // holds a zero matrix so it is not drawn twice.
    {
      const mesh = meshes.container;
      const list = L.container;
      const n = Math.min(list.length, CAPACITY.container);
      const a = mesh.instanceMatrix.array as Float32Array;
      let lo = n;
      let hi = -1;
      let clo = n;
      let chi = -1;
      for (let i = 0; i < n; i++) {
        const c = list[i]!;
        if (c.colorDirty) {
          mesh.setColorAt(i, color.setHex(tintOf(c)));
          c.colorDirty = false;
          if (i < clo) clo = i;
          chi = i;
        }
        if (!c.poseDirty) continue;
        c.poseDirty = false;
        if (c.carrier !== null) a.fill(0, i * 16, i * 16 + 16);
        else writeYawMatrix(a, i * 16, c.x, c.tier * 2.59, c.y, c.heading);
        if (i < lo) lo = i;
        hi = i;
      }
      if (mesh.count !== n) {
        mesh.count = n;
        mesh.visible = n > 0;
        lo = 0;
        hi = n - 1;
      }
      uploadRange(mesh.instanceMatrix, lo, hi);
      uploadRange(mesh.instanceColor!, clo, chi);
      const carried = meshes.carried;
      const ca = carried.instanceMatrix.array as Float32Array;
      let k = 0;
      let clo2 = CAPACITY.container;
      let chi2 = -1;
      for (const kind of CARRIERS) {
        const carriers = L[kind];
        for (let i = 0; i < carriers.length && k < CAPACITY.container; i++) {
          const c = carriers[i]!.load;
          if (c === null) continue;
          writeCarried(ca, k, c, t);
          const hex = tintOf(c);
          if (carriedHex[k] !== hex) {
            carried.setColorAt(k, color.setHex(hex));
            carriedHex[k] = hex;
            if (k < clo2) clo2 = k;
            chi2 = k;
          }
          k++;
        }
      }
      carried.count = k;
      carried.visible = k > 0;
      uploadRange(carried.instanceMatrix, 0, k - 1);
      uploadRange(carried.instanceColor!, clo2, chi2);
    }

    // Cranes: gantry where the crane stands, trolley and spreader from the cycle phase, ropes between.
    {
      const list = L.crane;
      const n = Math.min(list.length, CAPACITY.crane);
      const fa = meshes.craneFrame.instanceMatrix.array as Float32Array;
      const ta = meshes.trolley.instanceMatrix.array as Float32Array;
      const sa = meshes.spreader.instanceMatrix.array as Float32Array;
      const ra = meshes.rope.instanceMatrix.array as Float32Array;
      for (let i = 0; i < n; i++) {
        const e = list[i]!;
        craneAnimation(e, t, crane);
        const cx = e.x + crane.trolley * Math.cos(e.heading);
        const cy = e.y - crane.trolley * Math.sin(e.heading);
        writeYawMatrix(fa, i * 16, e.x, 0, e.y, e.heading);
        writeYawMatrix(ta, i * 16, cx, 22.3, cy, e.heading);
        writeYawMatrix(sa, i * 16, cx, crane.hoist, cy, e.heading);
        writeYawMatrix(ra, i * 16, cx, 21.3, cy, e.heading, Math.max(0.1, 21.3 - crane.hoist));
        if (e.colorDirty) {
          meshes.craneFrame.setColorAt(i, color.setHex(tintOf(e)));
          uploadRange(meshes.craneFrame.instanceColor!, 0, n - 1);
          e.colorDirty = false;
        }
      }
      for (const m of CRANE_PARTS) {
        const mesh = meshes[m];
        mesh.count = n;
        mesh.visible = n > 0;
        uploadRange(mesh.instanceMatrix, 0, n - 1);
      }
    }

    // Gate lanes: booth, and the barrier arm swinging up and down.
    {
      const list = L['gate-lane'];
      const n = Math.min(list.length, CAPACITY['gate-lane']);
      let placed = false;
      for (let i = 0; i < n; i++) {
        const e = list[i]!;
        if (e.poseDirty) {
          // Booths stand still: written when placed (or moved to another slot), not every frame.
          writeYawMatrix(meshes.booth.instanceMatrix.array as Float32Array, i * 16, e.x, 0, e.y, e.heading);
          e.poseDirty = false;
          placed = true;
        }
        writeYawRollMatrix(meshes.arm.instanceMatrix.array as Float32Array, i * 16, e.x + 1.2 * Math.cos(e.heading), 1.1, -(e.y - 1.2 * Math.sin(e.heading)), e.heading, barrierAngle(e, t));
        if (e.colorDirty) {
          meshes.arm.setColorAt(i, color.setHex(tintOf(e)));
          uploadRange(meshes.arm.instanceColor!, 0, n - 1);
          e.colorDirty = false;
        }
      }
      if (placed || meshes.booth.count !== n) uploadRange(meshes.booth.instanceMatrix, 0, n - 1);
      meshes.booth.count = meshes.arm.count = n;
      meshes.booth.visible = meshes.arm.visible = n > 0;
      uploadRange(meshes.arm.instanceMatrix, 0, n - 1);
    }

    // Scanners (portal + light), inspection bays, chargers: fixed, tinted by state.
    for (const { kind, fixed, tinted } of stations) {
      const list = L[kind];
      const n = Math.min(list.length, CAPACITY[kind]);
      // Fixed equipment: matrices written when placed, colours when their state changes.
      let placed = tinted.count !== n;
      let clo = n;
      let chi = -1;
      for (let i = 0; i < n; i++) {
        const e = list[i]!;
        if (e.poseDirty) {
          writeYawMatrix(tinted.instanceMatrix.array as Float32Array, i * 16, e.x, 0, e.y, e.heading);
          if (fixed !== null) writeYawMatrix(fixed.instanceMatrix.array as Float32Array, i * 16, e.x, 0, e.y, e.heading);
          e.poseDirty = false;
          placed = true;
        }
        if (e.colorDirty) {
          tinted.setColorAt(i, color.setHex(tintOf(e)));
          e.colorDirty = false;
          if (i < clo) clo = i;
          chi = i;
        }
      }
      uploadRange(tinted.instanceColor!, clo, chi);
      tinted.count = n;
      tinted.visible = n > 0;
      if (placed) uploadRange(tinted.instanceMatrix, 0, n - 1);
      if (fixed !== null) {
        fixed.count = n;
        fixed.visible = n > 0;
        if (placed) uploadRange(fixed.instanceMatrix, 0, n - 1);
      }
    }

    // Selection ring under the selected entity.
    const sel = store.getState().selectedId;
    const picked = sel === null ? undefined : entities.byId.get(sel);
    ring.visible = picked !== undefined;
    if (picked !== undefined) ring.position.set(picked.x, 0.6 + (picked.kind === 'container' && picked.carrier === null ? picked.tier * 2.59 : 0), -picked.y);

    // Statistics for the readout, twice a second (a setState, but not per frame).
    const perf = (window.__viewerPerf ??= { frames: 0, updateMs: 0 });
    perf.frames++;
    perf.updateMs += performance.now() - t0;
    const s = statsAt.current;
    s.frames++;
    if (t0 - s.wall > 500) {
      const fps = s.wall === 0 ? 0 : (s.frames * 1000) / (t0 - s.wall);
      s.wall = t0;
      s.frames = 0;
      let count = 0;
      for (const k of Object.keys(L) as EntityKind[]) count += L[k].length;
      store.getState().setStats({ drawCalls: s.drawCalls, fps: Math.round(fps), entities: count });
      if (!warned.current && (L.container.length > CAPACITY.container || L.truck.length > CAPACITY.truck || L.igv.length > CAPACITY.igv)) {
        warned.current = true;
        store.getState().setConnection(store.getState().connection, 'more entities than the viewer draws; the rest are hidden');
      }
    }
  });

  return (
    <group>
      {Object.values(meshes).map((m) => (
        <primitive key={m.name} object={m} />
      ))}
      <primitive object={ring} />
    </group>
  );
}

