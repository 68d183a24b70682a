/**
 * Layout-review marks in the scene: the findings of the layout checks (a red or orange marker on
 * each place a finding names, and its outline when it names several points) and the measuring
 * line between two clicked points. Built when the findings or the measurement change. Findings are
 * marked whether or not review mode is on: a layout error should never be hidden.
 */

import { useEffect, useMemo } from 'react';
import { BufferGeometry, Color, ConeGeometry, Float32BufferAttribute, InstancedMesh, Line, LineBasicMaterial, MeshBasicMaterial, Object3D } from 'three';
import { useViewer } from '../store/use-viewer.ts';
import { COLORS } from './palette.ts';

const dummy = new Object3D();
const color = new Color();

export function ReviewOverlay(): React.JSX.Element {
  const findings = useViewer((s) => s.findings);
  const measure = useViewer((s) => s.measure);

  const markers = useMemo(() => {
    const points = findings.map((f) => ({ p: f.at, severity: f.severity }));
    const mesh = new InstancedMesh(new ConeGeometry(7, 24, 12).rotateX(Math.PI).translate(0, 14, 0), new MeshBasicMaterial(), Math.max(1, points.length));
    points.forEach(({ p, severity }, i) => {
      dummy.position.set(p[0], 0, -p[1]);
      dummy.updateMatrix();
      mesh.setMatrixAt(i, dummy.matrix);
      mesh.setColorAt(i, color.setHex(severity === 'error' ? COLORS.finding : COLORS.findingWarning));
    });
    mesh.count = points.length;
    mesh.frustumCulled = false;
    mesh.name = 'finding-markers';
    return mesh;
  }, [findings]);
  useEffect(() => () => {
    markers.geometry.dispose();
    markers.dispose();
  }, [markers]);

  // A ring on the ground around each finding, visible from the overview where the cone is small.
  const rings = useMemo(() => {
    const pos: number[] = [];
    for (const f of findings) {
      for (let i = 0; i < 32; i++) {
        const a0 = (i / 32) * 2 * Math.PI;
        const a1 = ((i + 1) / 32) * 2 * Math.PI;
        pos.push(f.at[0] + 25 * Math.cos(a0), 1.2, -(f.at[1] + 25 * Math.sin(a0)), f.at[0] + 25 * Math.cos(a1), 1.2, -(f.at[1] + 25 * Math.sin(a1)));
      }
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(pos, 3));
    return g;
  }, [findings]);
  useEffect(() => () => rings.dispose(), [rings]);

  const measureLine = useMemo(() => {
    const g = new BufferGeometry();
    const pos = measure.flatMap((p) => [p[0], 1.5, -p[1]]);
    g.setAttribute('position', new Float32BufferAttribute(pos, 3));
    return g;
  }, [measure]);
  const line = useMemo(() => new Line(measureLine, new LineBasicMaterial({ color: COLORS.measure, depthTest: false })), [measureLine]);
  useEffect(() => () => {
    measureLine.dispose();
    (line.material as LineBasicMaterial).dispose();
  }, [measureLine, line]);

  return (
    <group>
      {/* Nothing to mark, nothing drawn: empty objects would still cost a draw call each. */}
      <primitive object={markers} visible={findings.length > 0} />
      <lineSegments geometry={rings} visible={findings.length > 0}>
        <lineBasicMaterial color={COLORS.finding} />
      </lineSegments>
      <primitive object={line} visible={measure.length > 1} />
      <points geometry={measureLine} visible={measure.length > 0}>
        <pointsMaterial color={COLORS.measure} size={10} sizeAttenuation={false} depthTest={false} />
      </points>
    </group>
  );
}
