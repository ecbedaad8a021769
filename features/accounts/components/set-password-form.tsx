"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import Link from "next/link";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";
import { Field, FormError, Notice, fieldErrors } from "@/ui/form";

/** Choosing a password from an emailed link: a password reset or an invitation. */
export function SetPasswordForm({ token, kind }: { token: string; kind: "reset" | "invitation" }) {
  const t = useT();
  // "reset" and "invitation" have the same keys for this form.
  const tk = useT(kind);
  const path = kind === "reset" ? "/api/v1/password-reset/confirm" : "/api/v1/invitations/accept";
  const mutation = useApiMutation<{ token: string; password: string }, unknown>("POST", path, t("common.offline"));
  if (mutation.isSuccess) {
    return (
      <Notice>
        <p>{tk("done")}</p>
        <p className="mt-2">
          <Link href="/sign-in">{t("common.signIn")}</Link>
        </p>
      </Notice>
    );
  }
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      className="card max-w-md"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ token, password: String(new FormData(e.currentTarget).get("password") ?? "") });
      }}
    >
      <FormError error={mutation.error} title={t("common.errorSummary")} />
      <Field
        label={kind === "reset" ? t("reset.newPassword") : t("invitation.password")}
        hint={tk("hint")}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        required
        errors={fieldErrors(mutation.error, "password")}
      />
      <button type="submit" className="btn" disabled={mutation.isPending}>
        {mutation.isPending ? t("common.saving") : tk("submit")}
      </button>
    </form>
  );
}
