// comlink ships its Node adapter as dist/esm/node-adapter.mjs with types beside it under a name
// TypeScript does not pair with an .mjs import; this declares the same signature.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export interface NodeEndpoint {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- MessagePort and Worker type these differently
    postMessage(message: any, transfer?: any): void;
    on(type: 'message', listener: (value: any) => void): unknown;
    off(type: 'message', listener: (value: any) => void): unknown;
    start?: () => void;
  }
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
