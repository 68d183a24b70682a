// Types of bundle-cache.js (plain JavaScript so that bin.js can load it without a TypeScript loader).

/** What to bundle and how; the cache keeps one current build per distinct spec. */
export interface BundleSpec {
  /** Names the cache folder and the bundle's entry file (`<name>.mjs`). */
  name: string;
  /** The TypeScript entry. */
  entry: URL;
  /** Dynamic imports become chunks loaded on demand (ESM code splitting). */
  splitting?: boolean;
  /** Leave node_modules imports to Node's resolution (the bundle must then lie inside the project). */
  externalPackages?: boolean;
  /** With externalPackages: packages bundled all the same (many small ES modules load faster bundled). */
  inline?: string[];
}

/** The project's root folder, with a trailing separator. */
export const PROJECT_ROOT: string;
/** Where bundles are kept: CROSSING_TWIN_CACHE_DIR, or node_modules/.cache/crossing-twin. */
export function cacheDir(): string;
/** The fresh bundle's entry file, or null when the cache has none or any input changed. */
export function freshBundle(spec: BundleSpec): string | null;
/** A fresh bundle's entry file, built when needed; rejects when it cannot be built. */
export function cachedBundle(spec: BundleSpec): Promise<string>;
/** Builds now and makes the build current (unless an input changed while it was read). */
export function buildBundle(spec: BundleSpec): Promise<string>;
