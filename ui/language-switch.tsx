"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { useApiMutation } from "./api";

/** The other language as one button: its label is in that language, so anyone can find it. */
export function LanguageSwitch({ current }: { current: "uk" | "en" }) {
  const t = useT();
  const router = useRouter();
  const target = current === "uk" ? "en" : "uk";
  const mutation = useApiMutation<{ locale: "uk" | "en" }, { ok: true }>("POST", "/api/v1/locale", t("common.offline"), {
    onSuccess: () => router.refresh(),
  });
  return (
    <button
      type="button"
      className="btn-secondary min-h-10 px-3 py-1"
      lang={target}
      aria-label={`${t("languages.switchTo")}: ${t(`languages.${target}`)}`}
      disabled={mutation.isPending}
      onClick={() => mutation.mutate({ locale: target })}
    >
      {t(`languages.${target}`)}
    </button>
  );
}
