// Loading a module that brings Ink, without the detour that costs most of Ink's load.

/**
 * Imports with globalThis.fetch hidden. Ink's layout engine (yoga-layout) reads its
 * WebAssembly from a data: URL through fetch() whenever fetch exists, and Node's first
 * fetch() compiles Node's built-in HTTP client: about 100 ms of the dashboard's start
 * on this kind of machine. Without fetch, yoga decodes the same bytes itself. The
 * import's own work (yoga's top-level await included) is over when the promise settles,
 * so fetch is back before anything else can miss it.
 */
export async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (saved?.configurable) Reflect.deleteProperty(globalThis, 'fetch');
  try {
    return await load();
  } finally {
    if (saved?.configurable) Object.defineProperty(globalThis, 'fetch', saved);
  }
}
