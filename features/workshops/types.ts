/** Shared by the server functions, the pages and the schemas (no server-only imports). */
export const WORKSHOP_AUDIENCES = ["REGION", "HROMADAS", "CURATORS"] as const;
export type WorkshopAudience = (typeof WORKSHOP_AUDIENCES)[number];

export const REGISTRATION_STATUSES = ["REGISTERED", "WAITLISTED", "CANCELLED"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A lesson or guide to read before, or a material attached after: content ids from the content index, or an https link. */
export type ContentRef = { kind: "lesson" | "walkthrough" | "note"; id: string };
export type LinkRef = { kind: "link"; url: string; title: string };
export type MaterialRef = ContentRef | LinkRef;

/** Seats and people per workshop: the schema's and the CHECK's limit. */
export const MAX_CAPACITY = 500;
/** How many lessons/guides a workshop can list to read before, and materials after. */
export const MAX_READINGS = 12;
export const MAX_MATERIALS = 20;
