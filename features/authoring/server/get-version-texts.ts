import "server-only";
import { getDb } from "@/server/db/client";
import type { Actor } from "@/server/authz/policy";
import { AppError } from "@/server/errors";
import { loadItemForWriting } from "./load-item";

/**
 * Two texts to compare: versions `from` and `to` (by default the one before the current and the
 * current), or "draft" for the working copy. For the item's authors only.
 */
export async function getVersionTexts(actor: Actor, itemId: string, from: number | "draft" | undefined, to: number | "draft" | undefined) {
  const db = getDb();
  const item = await loadItemForWriting(db, actor, itemId);
  const numbers = (await db.authoredVersion.findMany({ where: { itemId: item.id }, orderBy: { number: "asc" }, select: { number: true } })).map(
    (v) => v.number,
  );
  const right = to ?? item.currentVersion ?? "draft";
  const left = from ?? (typeof right === "number" ? (numbers.filter((n) => n < right).at(-1) ?? right) : (item.currentVersion ?? "draft"));
  const textOf = async (which: number | "draft") => {
    if (which === "draft") return item.draftText;
    const version = await db.authoredVersion.findUnique({ where: { itemId_number: { itemId: item.id, number: which } }, select: { text: true } });
    if (!version) throw new AppError("not_found", "errors.authoringVersionNotFound");
    return version.text;
  };
  return { from: left, to: right, before: await textOf(left), after: await textOf(right), numbers };
}
