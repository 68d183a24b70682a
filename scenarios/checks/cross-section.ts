/**
 * Checks that read more than one section of a scenario (mode against equipment, routes against
 * the zero line, references between sections). Each runs on the sections that are themselves
 * valid, so one broken section never hides the problems of the others.
 */

import type { Scenario } from '../../sim-core/src/model/scenario.ts';
import { polylinesIntersect } from '../geometry.ts';
import type { ScenarioError } from '../scenario-error.ts';

/** The sections of a scenario that passed validation on their own. */
export type ValidSections = Partial<Scenario>;

type Check = (s: ValidSections, errors: ScenarioError[]) => void;

/** Smart mode needs an IGV fleet; baseline needs trucks on the channel and has no automated cranes. */
const modeEquipment: Check = ({ mode, transport, yard, chinaSide }, errors) => {
  if (mode === 'smart' && transport !== undefined && transport.igv === undefined) {
    errors.push({ path: '$.transport.igv', message: 'smart mode needs an IGV fleet: add transport.igv (routeId, fleet, initialShareVn, speeds, battery)' });
  }
  if (mode !== 'baseline') return;
  if (transport !== undefined && transport.truck === undefined) {
    errors.push({ path: '$.transport.truck', message: 'baseline mode needs trucks to drive the channel: add transport.truck (routeId, speedKmh, yardKmh)' });
  }
  for (const [section, side] of [['yard', yard], ['chinaSide', chinaSide]] as const) {
    if (side?.handling.equipment === 'automated-crane') {
      errors.push({
        path: `$.${section}.handling.equipment`,
        message: 'baseline mode has no automated cranes (today\'s manual process); use "reach-stacker" or set mode to "smart"',
      });
    }
  }
};

/** The transport routes exist in the layout and are of the right kind. */
const routeReferences: Check = ({ transport, layout }, errors) => {
  if (transport === undefined || layout === undefined) return;
  const uses = [
    ['igv', transport.igv?.routeId],
    ['truck', transport.truck?.routeId],
  ] as const;
  for (const [kind, routeId] of uses) {
    if (routeId === undefined) continue;
    const path = `$.transport.${kind}.routeId`;
    const route = layout.routes.find((r) => r.id === routeId);
    if (route === undefined) {
      const known = layout.routes.map((r) => `"${r.id}"`).join(', ');
      errors.push({ path, message: `route "${routeId}" is not in layout.routes (known routes: ${known})` });
    } else if (route.kind !== kind) {
      errors.push({ path, message: `route "${routeId}" is a ${route.kind} route, but transport.${kind} needs a route of kind "${kind}"` });
    }
  }
};

/** Every route crosses the zero line: it runs from the Vietnamese to the Chinese yard. */
const routesCrossBorder: Check = ({ site, layout }, errors) => {
  if (site === undefined || layout === undefined) return;
  layout.routes.forEach((r, i) => {
    if (!polylinesIntersect(r.path, site.zeroLine)) {
      errors.push({
        path: `$.layout.routes[${i}].path`,
        message: `route "${r.id}" never crosses the zero line (site.zeroLine); a cross-border route runs from the Vietnamese to the Chinese yard`,
      });
    }
  });
};

/** At least one day of the horizon is open. */
const someDayOpen: Check = ({ hours, horizon }, errors) => {
  if (hours === undefined || horizon === undefined) return;
  const days = Math.ceil(horizon.days);
  const closed = new Set(hours.closedDays);
  for (let d = 0; d < days; d++) if (!closed.has(d)) return;
  errors.push({ path: '$.hours.closedDays', message: `every day of the ${horizon.days}-day horizon is a closed day, so nothing could cross` });
};

const CHECKS: readonly Check[] = [modeEquipment, routeReferences, routesCrossBorder, someDayOpen];

/** Problems spanning sections, in the order of the checks. */
export function crossSectionErrors(sections: ValidSections): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const check of CHECKS) check(sections, errors);
  return errors;
}
