/**
 * What a client is told about a session's scenario: the summary and the layout of the hello
 * (both built in sim-core/src/stream, shared with the standalone viewer).
 */

export { scenarioSummary } from '../../sim-core/src/stream/scenario-summary.ts';
export { layoutPayload } from '../../sim-core/src/stream/layout-payload.ts';
