import { getTranslations } from "next-intl/server";
import type { ShownRef } from "../server/content-refs";

/** Lessons, guides and external links of a workshop, each marked with its kind. */
export async function RefList({ refs }: { refs: ShownRef[] }) {
  const t = await getTranslations("workshops");
  return (
    <ul className="grid gap-1">
      {refs.map((r) => (
        <li key={`${r.kind}:${r.href}`}>
          <span className="text-sm text-muted">{t(`refKind.${r.kind}`)}: </span>
          {r.external ? (
            <a href={r.href} rel="noopener noreferrer" className="break-words">
              {r.title}
            </a>
          ) : (
            <a href={r.href}>{r.title}</a>
          )}
        </li>
      ))}
    </ul>
  );
}
