/**
 * Site and layout: the zero line, zones as polygons, equipment positions and routes, with the
 * geometric checks a zoning reviewer relies on (simple polygons, equipment inside its zone, route
 * geometry agreeing with the section lengths the model drives).
 */

import { z } from 'zod';
import type { Equipment, Layout, LaneNetwork, NetworkEdge, NetworkNode, Route, RouteSection, Site, Zone } from '../../sim-core/src/model/scenario.ts';
import { COUNTRIES, EQUIPMENT_KINDS, NODE_KINDS, ROUTE_KINDS, SECTION_KINDS, ZONE_KINDS } from '../../sim-core/src/model/scenario.ts';
import { formatPoint, pointInPolygon, polylineLength, selfIntersection, signedArea } from '../geometry.ts';
import { id, localizedText, point, positive } from './common.ts';
import type { Agree, Expect } from './type-agreement.ts';
import { equipmentZoneRule } from './equipment-zones.ts';

/** How far a route's drawn length may differ from the sum of its section lengths. */
export const ROUTE_LENGTH_TOLERANCE = 0.1;

const country = z.enum(COUNTRIES).describe('VN (Vietnam) or CN (China)');

export const site = z
  .strictObject({
    origin: z
      .strictObject({
        lat: z.number().min(-90).max(90).describe('latitude of the grid origin, degrees north (WGS84)'),
        lon: z.number().min(-180).max(180).describe('longitude of the grid origin, degrees east (WGS84)'),
      })
      .describe('geographic position of the local grid origin'),
    zeroLine: z.array(point).min(2, { error: 'the zero line needs at least 2 points' }).describe('the border line as a polyline on the grid (metres); Vietnam lies south of it'),
  })
  .describe('where the layout sits on Earth and where the border runs');

export const zone = z
  .strictObject({
    id: id.describe('unique zone id'),
    kind: z.enum(ZONE_KINDS).describe(`what the zone is for: ${ZONE_KINDS.join(', ')}`),
    country,
    label: localizedText.describe('name shown in the viewer, in vi/en/zh'),
    polygon: z
      .array(point)
      .min(3, { error: 'a zone polygon needs at least 3 corners' })
      .describe('corners [x, y] in metres, in order; the closing edge is implied'),
  })
  .superRefine((z_, ctx) => {
    const crossing = selfIntersection(z_.polygon);
    if (crossing !== undefined) {
      const [i, j] = crossing;
      ctx.addIssue({
        code: 'custom',
        path: ['polygon'],
        message: `the outline of zone "${z_.id}" crosses itself: edge ${i + 1} (from corner ${i}) meets edge ${j + 1} (from corner ${j}); list the corners in order around the zone`,
      });
    } else if (Math.abs(signedArea(z_.polygon)) < 1) {
      ctx.addIssue({ code: 'custom', path: ['polygon'], message: `zone "${z_.id}" has no area: its corners lie on one line` });
    }
  })
  .describe('a functional zone (phân khu chức năng)');

export const equipment = z
  .strictObject({
    id: id.describe('unique equipment id'),
    kind: z.enum(EQUIPMENT_KINDS).describe(`what stands there: ${EQUIPMENT_KINDS.join(', ')}`),
    zone: id.describe('id of the zone it stands in'),
    position: point.describe('where it stands [x, y], metres; inside its zone'),
    headingDeg: z.number().min(0).max(360).describe('orientation for the viewer, degrees clockwise from north').exactOptional(),
  })
  .describe('a unit of equipment at a fixed position');

export const routeSection = z
  .strictObject({
    id: id.describe('section id, unique within the route'),
    country,
    kind: z.enum(SECTION_KINDS).describe('speed regime: road (cruise speed), yard (yard speed) or scanner (scanner-portal speed)'),
    lengthM: positive('length of the section, metres'),
  })
  .describe('a stretch of the route with one speed regime');

export const route = z
  .strictObject({
    id: id.describe('unique route id'),
    kind: z.enum(ROUTE_KINDS).describe('igv (smart mode) or truck (the baseline channel)'),
    label: localizedText.describe('name shown in the viewer'),
    path: z.array(point).min(2, { error: 'a route needs at least 2 points' }).describe('the route as a polyline from the Vietnamese to the Chinese yard, metres'),
    sections: z.array(routeSection).min(1, { error: 'a route needs at least one section' }).describe('sections in order from VN to CN; their lengths are what the model drives'),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.sections.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: `section id "${s.id}" is used twice in route "${r.id}"` });
      seen.add(s.id);
    });
    const firstCn = r.sections.findIndex((s) => s.country === 'CN');
    const vnAfterCn = firstCn < 0 ? -1 : r.sections.findIndex((s, i) => i > firstCn && s.country === 'VN');
    if (firstCn <= 0 || vnAfterCn >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `the sections of route "${r.id}" must run from Vietnam to China: one or more VN sections first, then one or more CN sections`,
      });
    }
    const drawn = polylineLength(r.path);
    const driven = r.sections.reduce((sum, s) => sum + s.lengthM, 0);
    if (Math.abs(drawn - driven) > ROUTE_LENGTH_TOLERANCE * driven) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message:
          `route "${r.id}" is drawn ${Math.round(drawn)} m long but its sections add up to ${Math.round(driven)} m; ` +
          `the two may differ by at most ${ROUTE_LENGTH_TOLERANCE * 100} %, so fix the path or the section lengths`,
      });
    }
  })
  .describe('a route between the Vietnamese and the Chinese yard');

function checkUniqueIds(items: ReadonlyArray<{ id: string }>, key: string, what: string, ctx: z.core.$RefinementCtx<unknown>): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const at = first.get(item.id);
    if (at !== undefined) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `${what} id "${item.id}" is already used by ${key}[${at}]` });
    else first.set(item.id, i);
  });
}

export const networkNode = z
  .strictObject({
    id: id.describe('unique node id'),
    kind: z.enum(NODE_KINDS).describe(`what the node is for: ${NODE_KINDS.join(', ')}`),
    country,
    position: point.describe('where the node lies [x, y], metres'),
    equipment: id.describe('id of the equipment served at this node').exactOptional(),
  })
  .describe('a node of the IGV lane network');

export const networkEdge = z
  .strictObject({
    id: id.describe('unique edge id'),
    from: id.describe('id of the node the edge starts at'),
    to: id.describe('id of the node the edge ends at'),
    lanes: z.number().int().min(1).describe('parallel lanes in this direction'),
    speedLimitKmh: positive('speed limit on this edge, km/h'),
    kind: z.enum(SECTION_KINDS).describe('speed regime: road, yard or scanner'),
    via: z.array(point).describe('intermediate centreline points, metres').exactOptional(),
    offsetM: z.number().min(-50).max(50).describe('lateral offset of the first lane from the centreline, metres, positive to the right; default half a lane when the reverse edge exists, else centred').exactOptional(),
  })
  .describe('a directed edge of the lane network (a two-way road is two edges)');

export const laneNetwork = z
  .strictObject({
    laneWidthM: positive('width of one lane, metres (default 3.75)').exactOptional(),
    nodes: z.array(networkNode).min(2, { error: 'a lane network needs at least 2 nodes' }).describe('nodes of the lane graph'),
    edges: z.array(networkEdge).min(1, { error: 'a lane network needs at least one edge' }).describe('directed edges of the lane graph'),
  })
  .superRefine((n, ctx) => {
    checkUniqueIds(n.nodes, 'nodes', 'node', ctx);
    checkUniqueIds(n.edges, 'edges', 'edge', ctx);
    const nodes = new Set(n.nodes.map((x) => x.id));
    n.edges.forEach((e, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!nodes.has(e[end])) ctx.addIssue({ code: 'custom', path: ['edges', i, end], message: `edge "${e.id}" ${end === 'from' ? 'starts' : 'ends'} at node "${e[end]}", which is not in network.nodes` });
      }
      if (e.from === e.to) ctx.addIssue({ code: 'custom', path: ['edges', i, 'to'], message: `edge "${e.id}" starts and ends at the same node "${e.from}"` });
    });
  })
  .describe('the IGV lane network: nodes and directed edges on the local grid');

export const layout = z
  .strictObject({
    zones: z.array(zone).min(1, { error: 'a layout needs at least one zone' }).describe('functional zones as polygons'),
    equipment: z.array(equipment).describe('equipment positions (representative; the model uses the counts of each stage)'),
    routes: z.array(route).min(1, { error: 'a layout needs at least one route' }).describe('IGV routes and truck channels across the zero line'),
    network: laneNetwork.exactOptional(),
  })
  .superRefine((l, ctx) => {
    checkUniqueIds(l.zones, 'zones', 'zone', ctx);
    checkUniqueIds(l.equipment, 'equipment', 'equipment', ctx);
    checkUniqueIds(l.routes, 'routes', 'route', ctx);
    const zones = new Map(l.zones.map((zn) => [zn.id, zn]));
    l.equipment.forEach((e, i) => {
      const home = zones.get(e.zone);
      if (home === undefined) {
        ctx.addIssue({ code: 'custom', path: ['equipment', i, 'zone'], message: `${e.kind} "${e.id}" is placed in zone "${e.zone}", which is not in layout.zones` });
        return;
      }
      if (!pointInPolygon(e.position, home.polygon)) {
        ctx.addIssue({
          code: 'custom',
          path: ['equipment', i, 'position'],
          message: `${e.kind} "${e.id}" at ${formatPoint(e.position)} lies outside its zone "${home.id}"; move it inside the zone's polygon or assign it to the zone it stands in`,
        });
      }
      const rule = equipmentZoneRule(e.kind, home.kind);
      if (rule !== undefined) ctx.addIssue({ code: 'custom', path: ['equipment', i, 'zone'], message: `${e.kind} "${e.id}" stands in ${home.kind} zone "${home.id}", but ${rule}` });
    });
  })
  .describe('layout geometry on the local grid (metres, x east, y north)');

export type LayoutTypesAgree = [
  Expect<Agree<z.output<typeof site>, Site>>,
  Expect<Agree<z.output<typeof zone>, Zone>>,
  Expect<Agree<z.output<typeof equipment>, Equipment>>,
  Expect<Agree<z.output<typeof routeSection>, RouteSection>>,
  Expect<Agree<z.output<typeof route>, Route>>,
  Expect<Agree<z.output<typeof networkNode>, NetworkNode>>,
  Expect<Agree<z.output<typeof networkEdge>, NetworkEdge>>,
  Expect<Agree<z.output<typeof laneNetwork>, LaneNetwork>>,
  Expect<Agree<z.output<typeof layout>, Layout>>,
];
