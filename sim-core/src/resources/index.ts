export { Container, ContainerEvent } from './container.ts';
export { Preempted, Request, Resource, type RequestStatus, type ResourceOptions } from './resource.ts';
export { Store, StoreGet, StorePut } from './store.ts';
export { Usage } from './usage.ts';
