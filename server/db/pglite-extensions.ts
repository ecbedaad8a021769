import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Extensions every embedded database loads: the migrations create pg_trgm (the trigram index of
 * the user search), and PGlite can create only the extensions it was opened with.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
