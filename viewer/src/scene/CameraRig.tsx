/**
 * Orbit controls (three's own, from its examples) and the camera presets: a preset chosen in the
 * UI moves the camera once; the user can then orbit, pan and zoom freely.
 */

import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { LayoutPayload } from '../../../sim-core/src/stream/protocol.ts';
import { useViewer } from '../store/use-viewer.ts';
import { cameraView } from './camera-presets.ts';

export function CameraRig({ layout }: { layout: LayoutPayload }): null {
  const camera = useThree((s) => s.camera);
  const dom = useThree((s) => s.gl.domElement);
  const preset = useViewer((s) => s.camera);
  const controls = useMemo(() => {
    const c = new OrbitControls(camera, dom);
    c.enableDamping = true;
    c.dampingFactor = 0.15;
    c.maxPolarAngle = Math.PI * 0.47; // stay above the ground
    c.minDistance = 20;
    c.maxDistance = 12_000;
    c.screenSpacePanning = false;
    return c;
  }, [camera, dom]);
  useEffect(() => () => controls.dispose(), [controls]);
  useEffect(() => {
    const v = cameraView(layout, preset.preset);
    camera.position.set(v.from[0], v.height, -v.from[1]);
    controls.target.set(v.target[0], 0, -v.target[1]);
    camera.far = 40_000;
    camera.near = 1;
    camera.updateProjectionMatrix();
    controls.update();
  }, [layout, preset, camera, controls]);
  useFrame(() => controls.update());
  return null;
}
