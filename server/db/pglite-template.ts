/**
 * Where a new in-memory PGlite starts from. Unset, it starts empty. The test setup sets a loader of
 * an already migrated data directory (saved once per run with `dumpDataDir`): each test file's
 * database is then a copy, a few times faster to open than one made and migrated from nothing, and
 * read only when a test first uses the database. A module of its own, so that setting it loads
 * nothing of the database client.
 */
type TemplateHolder = { load?: () => Blob };
const holder = globalThis as typeof globalThis & { __skhodynkyPgliteTemplate?: TemplateHolder };
const state: TemplateHolder = (holder.__skhodynkyPgliteTemplate ??= {});

export function startInMemoryDatabasesFrom(load: () => Blob): void {
  state.load = load;
}

/** The template's data directory, read now, or undefined when none is set. */
export function inMemoryTemplate(): Blob | undefined {
  return state.load?.();
}
