/**
 * Entry of a live session's worker thread: one {@link SimRunner} driven by the messages of its
 * session. A failure inside the simulation ends this session only (the runner reports it); an
 * uncaught error ends the thread, which the session sees as an 'error' event.
 */

import { parentPort } from 'node:worker_threads';
import type { FromRunner, ToRunner } from './runner-messages.ts';
import { SimRunner } from './sim-runner.ts';

const port = parentPort;
if (port === null) throw new Error('session-worker.ts runs as a worker thread');
const runner = new SimRunner((m: FromRunner) => port.postMessage(m));
port.on('message', (m: ToRunner) => {
  runner.handle(m);
  if (m.type === 'stop') port.close();
});
