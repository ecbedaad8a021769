/** What the community's kinds are, shared by schemas, server functions and components. */
export const SPACE_KINDS = ["NATIONAL", "REGION", "GROUP"] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];
export const THREAD_KINDS = ["DISCUSSION", "QUESTION", "HARD_CASE"] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** An author may edit their post for this long after writing it; moderators always (decision 022). */
export const EDIT_WINDOW_MINUTES = 30;
/** Threads on one page of a space. */
export const THREADS_PAGE_SIZE = 30;
/** Search results on one page (decision 026). */
export const SEARCH_PAGE_SIZE = 20;
/** Posts on one page of a thread, the opening post counted on the first (decision 026). */
export const THREAD_POSTS_PAGE_SIZE = 30;
