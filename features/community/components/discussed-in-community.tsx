import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/authz/policy";
import { listContentDiscussions } from "../server/list-content-discussions";

/** "Discussed in the community" under a lesson or a guide: only threads the reader may open. */
export async function DiscussedInCommunity({ actor, kind, contentId }: { actor: Actor; kind: "lesson" | "guide"; contentId: string }) {
  const [threads, t] = await Promise.all([listContentDiscussions(actor, kind, contentId), getTranslations("community")]);
  if (threads.length === 0) return null;
  return (
    <section aria-labelledby="discussed-heading" className="mx-auto mt-8 max-w-3xl">
      <h2 id="discussed-heading" className="mb-2 text-xl font-bold">
        {t("discussed")}
      </h2>
      <ul className="grid gap-2">
        {threads.map((d) => (
          <li key={d.id} className="card">
            <a href={`/community/t/${d.id}`} className="font-semibold">
              {d.title}
            </a>
            <p className="text-sm text-muted">
              {t(`kinds.${d.kind}`)} · {d.spaceName} · {t("replies", { count: d.replyCount })}
              {d.isAnswered ? ` · ${t("answered")}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
