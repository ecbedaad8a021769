import "server-only";
import { getDb } from "@/server/db/client";
import { getFileStorage, type FileStorage } from "@/server/storage";
import { AUTHORED_ITEM_FILES, authoredFileRefs } from "@/features/content/media-path";

/** An uploaded file as a walkthrough's screen rule reads it (`ScreenFile` of check-walkthroughs). */
export type AuthoredScreen = { text: string; bytes: number; contentType: string };

export type AuthoredMedia = {
  /** For `checkMdx`'s context: `./f-<id>.<ext>` → the file, or null when the author may not use it. */
  readScreen(screen: string): AuthoredScreen | null;
  /** The actor's loose uploads the text names: what `attachFiles` must attach when the text is saved. */
  fileIds: string[];
  /** Files the text names that are attached to this item already (attachFiles would refuse them: 409). */
  attachedFileIds: string[];
  /** `./f-…` names in the text with no usable file behind them (unknown, someone else's, wrong extension). */
  missing: string[];
};

/**
 * The uploaded files a document's text names (`./f-<id>.<ext>`, decision 029), loaded once so that
 * checkMdx's synchronous `readScreen` answers from memory. A file counts when it is attached to this
 * item, or is the actor's own upload not attached to anything yet (a new item has no id: only the
 * latter) — so a text cannot borrow another item's or another author's file — and when its
 * extension names its stored type. SVG files come with their (sanitized) markup, others with "".
 */
export async function loadAuthoredMedia(
  input: { itemId: string | null; actorId: string; text: string },
  storage: FileStorage = getFileStorage(),
): Promise<AuthoredMedia> {
  const refs = authoredFileRefs(input.text);
  if (!refs.length) return { readScreen: () => null, fileIds: [], attachedFileIds: [], missing: [] };
  const rows = await getDb().storedFile.findMany({
    where: {
      id: { in: [...new Set(refs.map((r) => r.id))] },
      OR: [{ ownerId: input.actorId, itemType: null }, ...(input.itemId ? [{ itemType: AUTHORED_ITEM_FILES, itemId: input.itemId }] : [])],
    },
    select: { id: true, key: true, contentType: true, size: true, itemType: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const svgTexts = new Map<string, string | null>();
  for (const row of rows) {
    if (row.contentType !== "image/svg+xml") continue;
    const object = await storage.get(row.key);
    svgTexts.set(row.id, object ? await new Response(object.body).text() : null);
  }

  const screens = new Map<string, AuthoredScreen>();
  const fileIds = new Set<string>();
  const attachedFileIds = new Set<string>();
  const missing: string[] = [];
  for (const ref of refs) {
    const row = byId.get(ref.id);
    const text = row?.contentType === "image/svg+xml" ? svgTexts.get(row.id) : "";
    // A name whose extension says another type is not that file: the browser would be told a lie.
    if (!row || row.contentType !== ref.contentType || text === null || text === undefined) {
      missing.push(ref.file);
      continue;
    }
    screens.set(ref.file, { text, bytes: row.size, contentType: row.contentType });
    (row.itemType === null ? fileIds : attachedFileIds).add(row.id);
  }
  return {
    readScreen: (screen) => screens.get(screen) ?? null,
    fileIds: [...fileIds],
    attachedFileIds: [...attachedFileIds],
    missing,
  };
}
