"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";
import { Field, FormError, LanguageRadios, Notice, fieldErrors } from "@/ui/form";

type ProfileFields = { name: string; position: string; locale: "uk" | "en" };

export function ProfileForm({ initial }: { initial: ProfileFields }) {
  const t = useT();
  const router = useRouter();
  const mutation = useApiMutation<Partial<ProfileFields>, ProfileFields>("PATCH", "/api/v1/me", t("common.offline"), {
    onSuccess: () => router.refresh(),
  });
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        mutation.mutate({
          name: String(form.get("name") ?? ""),
          position: String(form.get("position") ?? ""),
          locale: form.get("locale") === "en" ? "en" : "uk",
        });
      }}
    >
      {mutation.isSuccess ? <Notice>{t("profile.saved")}</Notice> : null}
      <FormError error={mutation.error} title={t("common.errorSummary")} />
      <Field label={t("profile.name")} name="name" defaultValue={initial.name} autoComplete="name" required errors={fieldErrors(mutation.error, "name")} />
      <Field
        label={t("profile.position")}
        name="position"
        defaultValue={initial.position}
        autoComplete="organization-title"
        errors={fieldErrors(mutation.error, "position")}
      />
      <LanguageRadios legend={t("profile.language")} labels={{ uk: t("languages.uk"), en: t("languages.en") }} defaultValue={initial.locale} />
      <button type="submit" className="btn" disabled={mutation.isPending}>
        {mutation.isPending ? t("common.saving") : t("common.save")}
      </button>
    </form>
  );
}

export function PasswordForm() {
  const t = useT();
  const mutation = useApiMutation<{ currentPassword: string; newPassword: string }, { ok: true }>("POST", "/api/v1/me/password", t("common.offline"));
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const formEl = e.currentTarget;
        const form = new FormData(formEl);
        mutation.mutate(
          { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") },
          { onSuccess: () => formEl.reset() },
        );
      }}
    >
      {mutation.isSuccess ? <Notice>{t("profile.passwordChanged")}</Notice> : null}
      <FormError error={mutation.error} title={t("common.errorSummary")} />
      <Field
        label={t("profile.currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors(mutation.error, "currentPassword")}
      />
      <Field
        label={t("profile.newPassword")}
        hint={t("reset.hint")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={fieldErrors(mutation.error, "newPassword")}
      />
      <button type="submit" className="btn" disabled={mutation.isPending}>
        {mutation.isPending ? t("common.saving") : t("profile.changePassword")}
      </button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const t = useT();
  const mutation = useApiMutation<undefined, { ok: true }>("POST", "/api/v1/me/sign-out-everywhere", t("common.offline"), {
    onSuccess: () => window.location.assign("/sign-in"),
  });
  return (
    <>
      <FormError error={mutation.error} title={t("common.errorSummary")} />
      <button type="button" className="btn-secondary" disabled={mutation.isPending} onClick={() => mutation.mutate(undefined)}>
        {t("profile.signOutEverywhere")}
      </button>
    </>
  );
}
