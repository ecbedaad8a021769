"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";
import { Field, FormError, Notice, fieldErrors } from "@/ui/form";

export function ForgotPasswordForm() {
  const t = useT();
  const mutation = useApiMutation<{ email: string }, { ok: true }>("POST", "/api/v1/password-reset", t("common.offline"));
  if (mutation.isSuccess) return <Notice>{t("forgot.sent")}</Notice>;
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      className="card max-w-md"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ email: String(new FormData(e.currentTarget).get("email") ?? "") });
      }}
    >
      <FormError error={mutation.error} title={t("common.errorSummary")} />
      <Field label={t("forgot.email")} name="email" type="email" autoComplete="email" required errors={fieldErrors(mutation.error, "email")} />
      <button type="submit" className="btn" disabled={mutation.isPending}>
        {mutation.isPending ? t("common.sending") : t("forgot.submit")}
      </button>
    </form>
  );
}
