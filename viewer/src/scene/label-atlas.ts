/**
 * Text on the ground, like the lettering of a site plan: every label is drawn once into one canvas
 * texture (an atlas) and placed as a flat quad, all quads in one geometry, so the labels of the
 * whole layout cost one draw call. Rebuilt when the language or the visible zones change.
 */

import { BufferGeometry, CanvasTexture, Float32BufferAttribute, LinearMipmapLinearFilter, SRGBColorSpace } from 'three';
import type { Point } from '../../../sim-core/src/model/scenario.ts';

export interface GroundLabel {
  text: string;
  /** Second, smaller line (e.g. the area), optional. */
  sub?: string;
  at: Point;
  /** Width of the label on the ground, metres. */
  widthM: number;
  color?: string;
  /** Rotation on the ground, radians counter-clockwise (0 = reads west → east). */
  angle?: number;
}

const SLOT_W = 1024;
const SLOT_H = 160;
const COLS = 2;

export interface LabelAtlas {
  geometry: BufferGeometry;
  texture: CanvasTexture;
}

/** Builds the atlas texture and the quads for `labels` (at most 64; the rest are dropped). */
export function buildLabelAtlas(labels: readonly GroundLabel[], height = 0.5): LabelAtlas {
  const list = labels.slice(0, 64);
  const rows = Math.max(1, Math.ceil(list.length / COLS));
  const canvas = document.createElement('canvas');
  canvas.width = SLOT_W * COLS;
  canvas.height = 2 ** Math.ceil(Math.log2(rows * SLOT_H));
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('label atlas: no 2D canvas context');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const pos: number[] = [];
  const uv: number[] = [];
  const idx: number[] = [];
  list.forEach((l, i) => {
    const sx = (i % COLS) * SLOT_W;
    const sy = Math.floor(i / COLS) * SLOT_H;
    // Shrink the font until the text fits its slot.
    let size = l.sub === undefined ? 96 : 80;
    const font = (px: number, weight = 600): string => `${weight} ${px}px "Noto Sans", "Noto Sans CJK SC", "Segoe UI", Arial, sans-serif`;
    ctx.font = font(size);
    while (size > 20 && ctx.measureText(l.text).width > SLOT_W - 40) ctx.font = font(--size);
    const textW = Math.min(SLOT_W - 20, ctx.measureText(l.text).width + 40);
    ctx.lineWidth = 10;
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    ctx.fillStyle = l.color ?? '#1d2329';
    const ty = l.sub === undefined ? sy + SLOT_H / 2 : sy + SLOT_H * 0.36;
    ctx.strokeText(l.text, sx + SLOT_W / 2, ty);
    ctx.fillText(l.text, sx + SLOT_W / 2, ty);
    if (l.sub !== undefined) {
      ctx.font = font(Math.round(size * 0.55), 500);
      ctx.lineWidth = 6;
      ctx.strokeText(l.sub, sx + SLOT_W / 2, sy + SLOT_H * 0.78);
      ctx.fillText(l.sub, sx + SLOT_W / 2, sy + SLOT_H * 0.78);
    }
    // Quad: only the part of the slot the text uses, so short labels are not tiny.
    const u0 = (sx + (SLOT_W - textW) / 2) / canvas.width;
    const u1 = (sx + (SLOT_W + textW) / 2) / canvas.width;
    const v0 = 1 - (sy + SLOT_H) / canvas.height;
    const v1 = 1 - sy / canvas.height;
    const w = l.widthM;
    const h = (w * SLOT_H) / textW;
    const c = Math.cos(l.angle ?? 0);
    const s = Math.sin(l.angle ?? 0);
    const base = pos.length / 3;
    for (const [dx, dy] of [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]] as const) {
      const x = l.at[0] + dx * c - dy * s;
      const y = l.at[1] + dx * s + dy * c;
      pos.push(x, height, -y);
    }
    uv.push(u0, v0, u1, v0, u1, v1, u0, v1);
    idx.push(base, base + 1, base + 2, base, base + 2, base + 3);
  });
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(pos, 3));
  geometry.setAttribute('uv', new Float32BufferAttribute(uv, 2));
  geometry.setIndex(idx);
  geometry.computeBoundingSphere();
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 8;
  texture.minFilter = LinearMipmapLinearFilter;
  return { geometry, texture };
}
