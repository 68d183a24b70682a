/**
 * The 3D view: the canvas, lights, the static layout, the moving plant, review marks and the
 * camera. Clicks on the ground either add a measuring point (measure tool on) or select the
 * nearest entity for the inspector.
 */

import { Canvas, type ThreeEvent } from '@react-three/fiber';
import type { LayoutPayload } from '../../../sim-core/src/stream/protocol.ts';
import { pickEntity } from '../store/pick.ts';
import { useRuntime } from '../store/use-viewer.ts';
import { CameraRig } from './CameraRig.tsx';
import { DynamicScene } from './DynamicScene.tsx';
import { LayoutScene } from './LayoutScene.tsx';
import { COLORS } from './palette.ts';
import { ReviewOverlay } from './ReviewOverlay.tsx';

export function Scene({ layout }: { layout: LayoutPayload }): React.JSX.Element {
  const rt = useRuntime();
  const onClick = (ev: ThreeEvent<MouseEvent>): void => {
    if (ev.delta > 4) return; // a drag of the camera, not a click
    const x = ev.point.x;
    const y = -ev.point.z;
    const s = rt.store.getState();
    if (s.measuring) {
      s.addMeasurePoint([x, y]);
      return;
    }
    s.select(pickEntity(rt.entities, x, y)?.id ?? null);
  };
  return (
    <Canvas
      className="scene"
      dpr={[1, 2]}
      gl={{ antialias: true, preserveDrawingBuffer: true, powerPreference: 'high-performance' }}
      camera={{ fov: 45, near: 1, far: 40_000, position: [0, 3000, 2000] }}
      onCreated={({ gl }) => gl.setClearColor(COLORS.background)}
    >
      <hemisphereLight args={[0xffffff, 0x8d8d7a, 1.6]} />
      <directionalLight position={[-600, 1200, 400]} intensity={1.4} />
      <group onClick={onClick}>
        <LayoutScene layout={layout} />
      </group>
      <DynamicScene />
      <ReviewOverlay />
      <CameraRig layout={layout} />
    </Canvas>
  );
}
