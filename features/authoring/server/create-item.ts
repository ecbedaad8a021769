import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/server/db/client";
import { authorize, type Actor } from "@/server/authz/policy";
import { AppError, isUniqueViolation } from "@/server/errors";
import { kyivDay } from "@/lib/kyiv-calendar";
import { compiledIndex } from "@/features/content/compiled";
import { listTracks } from "@/features/lessons/server/catalog";
import { attachNewFiles } from "./attach-item-files";
import { kebabFromName } from "@/features/community/handles";
import type { TItemCreate } from "../schemas";
import { starterText } from "../starter-text";
import { checkDraftText, frontmatterId } from "./check-draft";
import { checkItemHromadas } from "./check-hromadas";
import { unsafeProblemsError } from "./problems-error";

/** Ids the built-in content uses: an item written in the app never takes one (records are keyed by id). */
function builtInIds(): Set<string> {
  const index = compiledIndex();
  return new Set([...index.lessons.map((l) => l.id), ...index.walkthroughs.map((w) => w.id), ...listTracks().map((t) => t.id)]);
}

/**
 * A methodologist starts a lesson, guide or methodology note for their region (an admin for any
 * region or the country), optionally narrowed to some of its hromadas. Its address comes from the
 * text's frontmatter id or from the title; an address taken answers 409 (a note's gets a short tail).
 */
export async function createAuthoredItem(actor: Actor, input: TItemCreate, now = new Date()): Promise<{ id: string; slug: string }> {
  authorize(actor, "author:content");
  const isAdmin = actor.roles.includes("ADMIN");
  const regionId = input.scope === "national" ? null : (input.scope ?? (isAdmin ? null : actor.regionId));
  authorize(actor, "write:authored-item", { regionId });
  const hromadaIds = await checkItemHromadas(regionId, input.hromadaIds);
  if (input.kind === "note" && !input.title) throw new AppError("validation_failed", "errors.authoringTitleShort", { title: ["errors.authoringTitleShort"] });
  if (input.kind !== "note" && !input.text && !input.title)
    throw new AppError("validation_failed", "errors.authoringTitleShort", { title: ["errors.authoringTitleShort"] });

  const title = input.title ?? "";
  const givenId = input.text && input.kind !== "note" ? frontmatterId(input.text) : null;
  if (input.text && input.kind !== "note" && !givenId) throw new AppError("unprocessable", "errors.authoringIdMissing");
  const base = givenId ?? (kebabFromName(title, 60) || `${input.kind}-${randomBytes(3).toString("hex")}`);
  const reserved = builtInIds();
  if (givenId && reserved.has(givenId)) throw new AppError("conflict", "errors.authoringSlugTaken");

  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 && !reserved.has(base) ? base : `${base.slice(0, 72)}-${randomBytes(3).toString("hex")}`;
    const text = input.text ?? starterText(input.kind, slug, title, kyivDay(now));
    const check = await checkDraftText(actor, { id: null, kind: input.kind }, text);
    if (!check.isSafe) throw unsafeProblemsError(check.problems);
    try {
      return await getDb().$transaction(async (tx) => {
        const item = await tx.authoredItem.create({
          data: {
            kind: input.kind,
            slug,
            regionId,
            noteKind: input.kind === "note" ? (input.noteKind ?? "RECOMMENDATION") : null,
            createdById: actor.id,
            draftText: text,
            draftTitle: input.kind === "note" ? title : "",
            draftSummary: input.kind === "note" ? (input.summary ?? "") : "",
            hromadas: { create: hromadaIds.map((hromadaId) => ({ hromadaId })) },
          },
          select: { id: true, slug: true },
        });
        await attachNewFiles(tx, actor, item.id, check.fileIds);
        return item;
      });
    } catch (error) {
      // A frontmatter id is the author's choice: taken means taken. A title-made address gets a tail.
      if (isUniqueViolation(error, "AuthoredItem_slug_key")) {
        if (givenId || attempt >= 5) throw new AppError("conflict", "errors.authoringSlugTaken");
        continue;
      }
      throw error;
    }
  }
}
