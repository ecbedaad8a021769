"use client";

import { useT } from "@/ui/messages";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useT("errorPage");
  return (
    <div role="alert">
      <h1 className="page-title">{t("title")}</h1>
      <p className="mb-4 max-w-prose">{t("lead")}</p>
      <button type="button" className="btn" onClick={() => reset()}>
        {t("retry")}
      </button>
    </div>
  );
}
