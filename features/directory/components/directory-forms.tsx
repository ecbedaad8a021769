"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { useApiMutation, type ApiError } from "@/ui/api";
import { Field, FormError, Notice, fieldErrors } from "@/ui/form";

type Option = { id: string; label: string };
const ORG_KINDS = ["SOCIAL_SERVICES_CENTRE", "HROMADA_ADMINISTRATION", "NGO", "REGIONAL_CENTRE", "OTHER"] as const;

function Select({ label, name, options, placeholder, error }: { label: string; name: string; options: Option[]; placeholder?: string; error?: string[] }) {
  const id = useId();
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-semibold">{label}</label>
      <select
        id={id}
        name={name}
        className="input"
        defaultValue={placeholder ? "" : options[0]?.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {placeholder ? <option value="" disabled>{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>{o.label}</option>
        ))}
      </select>
      {error ? <p id={`${id}-error`} className="mt-1 font-semibold text-red-800">{error.join(" ")}</p> : null}
    </div>
  );
}

function useCreate<T>(path: string) {
  const t = useT();
  const router = useRouter();
  return useApiMutation<T, { id: string }>("POST", path, t("common.offline"), { onSuccess: () => router.refresh() });
}

function Outcome({ error, success }: { error: ApiError | null; success: boolean }) {
  const t = useT();
  return (
    <>
      {success ? <Notice>{t("directory.added")}</Notice> : null}
      <FormError error={error} title={t("common.errorSummary")} />
    </>
  );
}

export function AddOrganizationForm({ hromadas }: { hromadas: Option[] }) {
  const t = useT();
  const m = useCreate<{ hromadaId: string; name: string; kind: string }>("/api/v1/directory/organizations");
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const el = e.currentTarget;
        const f = new FormData(el);
        m.mutate({ hromadaId: String(f.get("hromadaId") ?? ""), name: String(f.get("name") ?? ""), kind: String(f.get("kind") ?? "") }, { onSuccess: () => el.reset() });
      }}
    >
      <Outcome error={m.error} success={m.isSuccess} />
      <Select label={t("directory.hromada")} name="hromadaId" options={hromadas} placeholder={t("directory.chooseHromada")} error={fieldErrors(m.error, "hromadaId")} />
      <Field label={t("directory.organizationName")} name="name" required autoComplete="off" errors={fieldErrors(m.error, "name")} />
      <Select label={t("directory.kind")} name="kind" options={ORG_KINDS.map((k) => ({ id: k, label: t(`orgKinds.${k}`) }))} />
      <button type="submit" className="btn" disabled={m.isPending}>{m.isPending ? t("common.saving") : t("directory.addOrganization")}</button>
    </form>
  );
}

export function AddHromadaForm({ regions }: { regions: Option[] }) {
  const t = useT();
  const m = useCreate<{ regionId: string; nameUk: string; nameEn: string }>("/api/v1/directory/hromadas");
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const el = e.currentTarget;
        const f = new FormData(el);
        m.mutate({ regionId: String(f.get("regionId") ?? ""), nameUk: String(f.get("nameUk") ?? ""), nameEn: String(f.get("nameEn") ?? "") }, { onSuccess: () => el.reset() });
      }}
    >
      <Outcome error={m.error} success={m.isSuccess} />
      <Select label={t("directory.region")} name="regionId" options={regions} placeholder={t("directory.chooseRegion")} error={fieldErrors(m.error, "regionId")} />
      <Field label={t("directory.nameUk")} name="nameUk" required autoComplete="off" errors={fieldErrors(m.error, "nameUk")} />
      <Field label={t("directory.nameEn")} name="nameEn" required autoComplete="off" errors={fieldErrors(m.error, "nameEn")} />
      <button type="submit" className="btn" disabled={m.isPending}>{m.isPending ? t("common.saving") : t("directory.addHromada")}</button>
    </form>
  );
}

export function AddRegionForm() {
  const t = useT();
  const m = useCreate<{ code: string; nameUk: string; nameEn: string }>("/api/v1/directory/regions");
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const el = e.currentTarget;
        const f = new FormData(el);
        m.mutate({ code: String(f.get("code") ?? ""), nameUk: String(f.get("nameUk") ?? ""), nameEn: String(f.get("nameEn") ?? "") }, { onSuccess: () => el.reset() });
      }}
    >
      <Outcome error={m.error} success={m.isSuccess} />
      <Field label={t("directory.code")} hint={t("directory.codeHint")} name="code" required autoComplete="off" errors={fieldErrors(m.error, "code")} />
      <Field label={t("directory.nameUk")} name="nameUk" required autoComplete="off" errors={fieldErrors(m.error, "nameUk")} />
      <Field label={t("directory.nameEn")} name="nameEn" required autoComplete="off" errors={fieldErrors(m.error, "nameEn")} />
      <button type="submit" className="btn" disabled={m.isPending}>{m.isPending ? t("common.saving") : t("directory.addRegion")}</button>
    </form>
  );
}

export function ReassessSetting({ organizationId, name, days }: { organizationId: string; name: string; days: number }) {
  const t = useT();
  const id = useId();
  const router = useRouter();
  const m = useApiMutation<{ reassessEveryDays: number }, { reassessEveryDays: number }>("PATCH", `/api/v1/directory/organizations/${organizationId}`, t("common.offline"), {
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrors(m.error, "reassessEveryDays");
  return (
    <form
      noValidate
      className="mt-1 flex flex-wrap items-end gap-2"
      aria-label={t("directory.reassessFor", { name })}
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({ reassessEveryDays: Number(new FormData(e.currentTarget).get("days")) });
      }}
    >
      <div>
        <label htmlFor={id} className="block text-sm">{t("directory.reassessEvery")}</label>
        <input id={id} name="days" type="number" min={30} max={365} defaultValue={days} className="input w-28" aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-e` : undefined} />
      </div>
      <button type="submit" className="btn-secondary" disabled={m.isPending}>{t("common.save")}</button>
      {errors ? <p id={`${id}-e`} className="font-semibold text-red-800">{errors.join(" ")}</p> : null}
      {m.isSuccess ? <p role="status">{t("directory.added")}</p> : null}
    </form>
  );
}
