import { openDB, type DBSchema, type IDBPDatabase } from "idb";

/**
 * What this device keeps for offline reading (decision 036), in IndexedDB, read by the pages and by
 * the service worker alike: who is signed in on it now, the things each person saved on purpose
 * and the pages each person opened. The pages themselves sit in Cache Storage, one cache per person
 * (`offline-pages.ts`); this is their index. Nothing here is ever shown to another person.
 */

/** One address a saved thing needs, and what it weighs on the wire (estimated before the download, measured after). */
export type BundlePart = { url: string; bytes: number };

/** Something a person saved for offline: a lesson, a guide, a track or this week's plan. */
export type SavedThing = {
  userId: string;
  /** `lesson:<id>`, `walkthrough:<id>`, `track:<id>` or `week`. */
  id: string;
  title: string;
  /** Where the saved thing opens. */
  href: string;
  parts: BundlePart[];
  /** The app's files (scripts, styles) its pages run with, kept beside them. */
  files: string[];
  /** Bytes received when it was saved (pages, screens, and the app's files they needed). */
  bytes: number;
  savedAt: number;
};

/** A page the person opened while online, kept (least recently opened go first). */
export type OpenedPage = { userId: string; key: string; title: string; bytes: number; openedAt: number };

interface DeviceDb extends DBSchema {
  meta: { key: string; value: { key: string; value: string | null } };
  saved: { key: [string, string]; value: SavedThing; indexes: { byUser: string } };
  opened: { key: [string, string]; value: OpenedPage; indexes: { byUser: string } };
}

let database: Promise<IDBPDatabase<DeviceDb>> | null = null;

function db(): Promise<IDBPDatabase<DeviceDb>> {
  database ??= openDB<DeviceDb>("skhodynky-device", 1, {
    upgrade(upgrade) {
      upgrade.createObjectStore("meta", { keyPath: "key" });
      upgrade.createObjectStore("saved", { keyPath: ["userId", "id"] }).createIndex("byUser", "userId");
      upgrade.createObjectStore("opened", { keyPath: ["userId", "key"] }).createIndex("byUser", "userId");
    },
  });
  return database;
}

/** The person signed in on this device as the last page the server rendered said (null: nobody). */
export async function currentDeviceUser(): Promise<string | null> {
  return (await (await db()).get("meta", "currentUser"))?.value ?? null;
}

export async function setCurrentDeviceUser(userId: string | null): Promise<void> {
  await (await db()).put("meta", { key: "currentUser", value: userId });
}

/** The language of the last page rendered (the offline page speaks it). */
export async function deviceLocale(): Promise<"uk" | "en"> {
  return (await (await db()).get("meta", "locale"))?.value === "en" ? "en" : "uk";
}

export async function setDeviceLocale(locale: string): Promise<void> {
  await (await db()).put("meta", { key: "locale", value: locale === "en" ? "en" : "uk" });
}

export async function listSaved(userId: string): Promise<SavedThing[]> {
  const all = await (await db()).getAllFromIndex("saved", "byUser", userId);
  return all.sort((a, b) => b.savedAt - a.savedAt);
}

export async function putSaved(thing: SavedThing): Promise<void> {
  await (await db()).put("saved", thing);
}

export async function deleteSaved(userId: string, id: string): Promise<void> {
  await (await db()).delete("saved", [userId, id]);
}

export async function listOpened(userId: string): Promise<OpenedPage[]> {
  const all = await (await db()).getAllFromIndex("opened", "byUser", userId);
  return all.sort((a, b) => b.openedAt - a.openedAt);
}

export async function putOpened(page: OpenedPage): Promise<void> {
  await (await db()).put("opened", page);
}

export async function deleteOpened(userId: string, key: string): Promise<void> {
  await (await db()).delete("opened", [userId, key]);
}
