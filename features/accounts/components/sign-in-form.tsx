"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useT } from "@/ui/messages";
import { Field } from "@/ui/form";
import { getQueryClient } from "@/ui/query-client";

type Problem = "invalid" | "locked" | "tooMany" | "offline" | "crossSite";
class SignInProblem extends Error {
  /** For "crossSite": the address the app is configured at, when it has one. */
  constructor(
    readonly problem: Problem,
    readonly appOrigin: string | null = null,
  ) {
    super(problem);
  }
}

/**
 * Posts to next-auth's credentials callback directly (the same request next-auth/react makes),
 * which keeps next-auth's client bundle off the page and lets a 429 from the throttle show as such.
 */
async function signIn(input: { email: string; password: string; next: string }): Promise<void> {
  let response: Response;
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as { csrfToken: string };
    response = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: input.email, password: input.password, csrfToken: csrf.csrfToken, callbackUrl: input.next, json: "true" }),
    });
  } catch {
    throw new SignInProblem("offline");
  }
  if (response.status === 429) throw new SignInProblem("tooMany");
  if (response.status === 403) {
    // The origin rule refused the post (server/http/origin.ts): not a wrong password.
    const refusal = (await response.json().catch(() => ({}))) as { error?: { appOrigin?: string | null } };
    throw new SignInProblem("crossSite", refusal.error?.appOrigin ?? null);
  }
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "unknown";
  if (!response.ok || error) throw new SignInProblem(error === "AccountLocked" ? "locked" : "invalid");
}

export function SignInForm({ next }: { next: string }) {
  const t = useT();
  // The sign-in page sends the person on: to `next`, or first to the second-factor step when the account has one.
  const mutation = useMutation<void, SignInProblem, { email: string; password: string; next: string }>(
    { mutationFn: signIn, retry: false, onSuccess: () => window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`) },
    getQueryClient(),
  );
  const problem = mutation.error?.problem;
  const message = !problem
    ? null
    : problem === "offline"
      ? t("common.offline")
      : problem === "crossSite"
        ? mutation.error?.appOrigin
          ? t("signIn.crossSite", { address: mutation.error.appOrigin })
          : t("signIn.crossSiteNoAddress")
        : t(`signIn.${problem}`);

  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      className="card max-w-md"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        mutation.mutate({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), next });
      }}
    >
      {message ? (
        <div role="alert" className="notice-error mb-4">
          {message}
        </div>
      ) : null}
      <Field label={t("signIn.email")} name="email" type="email" autoComplete="username" required />
      <Field label={t("signIn.password")} name="password" type="password" autoComplete="current-password" required />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn" disabled={mutation.isPending || mutation.isSuccess}>
          {mutation.isPending || mutation.isSuccess ? t("signIn.submitting") : t("signIn.submit")}
        </button>
        <Link href="/forgot-password">{t("signIn.forgot")}</Link>
      </div>
    </form>
  );
}
