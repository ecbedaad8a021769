"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field } from "@/ui/form";

type Problem = "invalid" | "locked" | "tooMany" | "offline" | null;

/**
 * Posts to next-auth's credentials callback directly (the same request next-auth/react makes),
 * which keeps next-auth's client bundle off the page and lets a 429 from the throttle show as such.
 */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations();
  const [problem, setProblem] = useState<Problem>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setProblem(null);
    try {
      const csrf = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as { csrfToken: string };
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          csrfToken: csrf.csrfToken,
          callbackUrl: next,
          json: "true",
        }),
      });
      if (response.status === 429) return setProblem("tooMany");
      const data = (await response.json().catch(() => ({}))) as { url?: string };
      const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "unknown";
      if (!response.ok || error) return setProblem(error === "AccountLocked" ? "locked" : "invalid");
      window.location.assign(next);
    } catch {
      setProblem("offline");
    } finally {
      setPending(false);
    }
  }

  const message =
    problem === "offline" ? t("common.offline") : problem ? t(`signIn.${problem}`) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="card max-w-md">
      {message ? (
        <div role="alert" className="notice-error mb-4">
          {message}
        </div>
      ) : null}
      <Field label={t("signIn.email")} name="email" type="email" autoComplete="username" required />
      <Field label={t("signIn.password")} name="password" type="password" autoComplete="current-password" required />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? t("signIn.submitting") : t("signIn.submit")}
        </button>
        <Link href="/forgot-password">{t("signIn.forgot")}</Link>
      </div>
    </form>
  );
}
