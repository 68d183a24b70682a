/**
 * The React binding of the viewer store: components select what they render and re-render only
 * when it changes. The frame loop never uses this; it reads `store.getState()` (STYLE.md §7).
 */

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ViewerActions, ViewerRuntime, ViewerState } from './viewer-store.ts';

export const RuntimeContext = createContext<ViewerRuntime | null>(null);

export function useRuntime(): ViewerRuntime {
  const rt = useContext(RuntimeContext);
  if (rt === null) throw new Error('useRuntime: no RuntimeContext provider above this component');
  return rt;
}

export function useViewer<T>(selector: (s: ViewerState & ViewerActions) => T): T {
  return useStore(useRuntime().store, selector);
}
