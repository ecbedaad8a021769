"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { useT } from "@/ui/messages";
import { useApiMutation } from "@/ui/api";
import { Field, FormError, LanguageRadios, Notice, fieldErrors } from "@/ui/form";

type Role = "LEARNER" | "CURATOR" | "METHODOLOGIST" | "ADMIN";
type Body = { name: string; email: string; position: string; organizationId: string; roles: Role[]; locale: "uk" | "en" };

export function InviteForm({ organizations, grantable }: { organizations: { id: string; label: string }[]; grantable: Role[] }) {
  const t = useT();
  const router = useRouter();
  const orgId = useId();
  const mutation = useApiMutation<Body, { email: string }>("POST", "/api/v1/invitations", t("common.offline"), {
    onSuccess: () => router.refresh(),
  });
  const orgErrors = fieldErrors(mutation.error, "organizationId");
  const roleErrors = fieldErrors(mutation.error, "roles");
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
          {
            name: String(form.get("name") ?? ""),
            email: String(form.get("email") ?? ""),
            position: String(form.get("position") ?? ""),
            organizationId: String(form.get("organizationId") ?? ""),
            roles: form.getAll("roles").map(String) as Role[],
            locale: form.get("locale") === "en" ? "en" : "uk",
          },
          { onSuccess: () => formEl.reset() },
        );
      }}
    >
      {mutation.isSuccess ? <Notice>{t("invite.sent", { email: mutation.data.email })}</Notice> : null}
      <FormError error={mutation.error} title={t("common.errorSummary")} />
      <Field label={t("invite.name")} name="name" required autoComplete="off" errors={fieldErrors(mutation.error, "name")} />
      <Field label={t("invite.email")} name="email" type="email" required autoComplete="off" errors={fieldErrors(mutation.error, "email")} />
      <Field label={t("invite.position")} name="position" autoComplete="off" errors={fieldErrors(mutation.error, "position")} />
      <div className="mb-4">
        <label htmlFor={orgId} className="mb-1 block font-semibold">
          {t("invite.organization")}
        </label>
        <select
          id={orgId}
          name="organizationId"
          className="input"
          required
          defaultValue=""
          aria-invalid={orgErrors ? true : undefined}
          aria-describedby={orgErrors ? `${orgId}-error` : undefined}
        >
          <option value="" disabled>
            {t("invite.chooseOrganization")}
          </option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        {orgErrors ? (
          <p id={`${orgId}-error`} className="mt-1 font-semibold text-red-800">
            {orgErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <fieldset className="mb-4" aria-describedby={roleErrors ? `${orgId}-roles-error` : undefined}>
        <legend className="mb-1 font-semibold">{t("invite.roles")}</legend>
        {grantable.map((role) => (
          <label key={role} className="mr-6 inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" name="roles" value={role} defaultChecked={role === "LEARNER"} className="h-5 w-5" />
            {t(`roles.${role}`)}
          </label>
        ))}
        {roleErrors ? (
          <p id={`${orgId}-roles-error`} className="mt-1 font-semibold text-red-800">
            {roleErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <LanguageRadios legend={t("invite.language")} labels={{ uk: t("languages.uk"), en: t("languages.en") }} defaultValue="uk" />
      <button type="submit" className="btn" disabled={mutation.isPending}>
        {mutation.isPending ? t("common.sending") : t("invite.submit")}
      </button>
    </form>
  );
}

export function RevokeInvitationButton({ id, email }: { id: string; email: string }) {
  const t = useT();
  const router = useRouter();
  const mutation = useApiMutation<undefined, { ok: true }>("DELETE", `/api/v1/invitations/${id}`, t("common.offline"), {
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <button
        type="button"
        className="btn-danger"
        aria-label={t("invite.revokeFor", { email })}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate(undefined)}
      >
        {t("invite.revoke")}
      </button>
      {mutation.error ? (
        <p role="alert" className="text-red-800">
          {mutation.error.message}
        </p>
      ) : null}
    </>
  );
}
