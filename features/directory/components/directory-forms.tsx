"use client";

import { keepEarlyInput } from "@/ui/keep-early-input";
import { useId, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/ui/messages";
import { useApiMutation, type ApiError } from "@/ui/api";
import { Field, FormError, Notice, fieldErrors } from "@/ui/form";

type Option = { id: string; label: string };
const ORG_KINDS = ["SOCIAL_SERVICES_CENTRE", "HROMADA_ADMINISTRATION", "NGO", "REGIONAL_CENTRE", "OTHER"] as const;

function Select({ label, name, options, prompt, error }: { label: string; name: string; options: Option[]; prompt?: string; error?: string[] }) {
  const id = useId();
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input"
        defaultValue={prompt ? "" : options[0]?.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {prompt ? (
          <option value="" disabled>
            {prompt}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-red-800">
          {error.join(" ")}
        </p>
      ) : null}
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

/** One create form: reads its fields into a body, posts it, shows the outcome and clears on success. */
function CreateForm<T>({
  path,
  submitLabel,
  toBody,
  children,
}: {
  path: string;
  submitLabel: string;
  toBody: (f: FormData) => T;
  children: (errors: (field: string) => string[] | undefined) => ReactNode;
}) {
  const t = useT();
  const m = useCreate<T>(path);
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const el = e.currentTarget;
        m.mutate(toBody(new FormData(el)), { onSuccess: () => el.reset() });
      }}
    >
      <Outcome error={m.error} success={m.isSuccess} />
      {children((field) => fieldErrors(m.error, field))}
      <button type="submit" className="btn" disabled={m.isPending}>
        {m.isPending ? t("common.saving") : submitLabel}
      </button>
    </form>
  );
}

const text = (f: FormData, name: string) => String(f.get(name) ?? "");

export function AddOrganizationForm({ hromadas }: { hromadas: Option[] }) {
  const t = useT();
  return (
    <CreateForm
      path="/api/v1/directory/organizations"
      submitLabel={t("directory.addOrganization")}
      toBody={(f) => ({ hromadaId: text(f, "hromadaId"), name: text(f, "name"), kind: text(f, "kind") })}
    >
      {(errors) => (
        <>
          <Select label={t("directory.hromada")} name="hromadaId" options={hromadas} prompt={t("directory.chooseHromada")} error={errors("hromadaId")} />
          <Field label={t("directory.organizationName")} name="name" required autoComplete="off" errors={errors("name")} />
          <Select label={t("directory.kind")} name="kind" options={ORG_KINDS.map((k) => ({ id: k, label: t(`orgKinds.${k}`) }))} />
        </>
      )}
    </CreateForm>
  );
}

function PlaceNames({ errors }: { errors: (field: string) => string[] | undefined }) {
  const t = useT();
  return (
    <>
      <Field label={t("directory.nameUk")} name="nameUk" required autoComplete="off" errors={errors("nameUk")} />
      <Field label={t("directory.nameEn")} name="nameEn" required autoComplete="off" errors={errors("nameEn")} />
    </>
  );
}

export function AddHromadaForm({ regions }: { regions: Option[] }) {
  const t = useT();
  return (
    <CreateForm
      path="/api/v1/directory/hromadas"
      submitLabel={t("directory.addHromada")}
      toBody={(f) => ({ regionId: text(f, "regionId"), nameUk: text(f, "nameUk"), nameEn: text(f, "nameEn") })}
    >
      {(errors) => (
        <>
          <Select label={t("directory.region")} name="regionId" options={regions} prompt={t("directory.chooseRegion")} error={errors("regionId")} />
          <PlaceNames errors={errors} />
        </>
      )}
    </CreateForm>
  );
}

export function AddRegionForm() {
  const t = useT();
  return (
    <CreateForm
      path="/api/v1/directory/regions"
      submitLabel={t("directory.addRegion")}
      toBody={(f) => ({ code: text(f, "code"), nameUk: text(f, "nameUk"), nameEn: text(f, "nameEn") })}
    >
      {(errors) => (
        <>
          <Field label={t("directory.code")} hint={t("directory.codeHint")} name="code" required autoComplete="off" errors={errors("code")} />
          <PlaceNames errors={errors} />
        </>
      )}
    </CreateForm>
  );
}

export function ReassessSetting({ organizationId, name, days }: { organizationId: string; name: string; days: number }) {
  const t = useT();
  const id = useId();
  const router = useRouter();
  const m = useApiMutation<{ reassessEveryDays: number }, { reassessEveryDays: number }>(
    "PATCH",
    `/api/v1/directory/organizations/${organizationId}`,
    t("common.offline"),
    {
      onSuccess: () => router.refresh(),
    },
  );
  const errors = fieldErrors(m.error, "reassessEveryDays");
  return (
    <form
      ref={keepEarlyInput}
      method="post"
      noValidate
      className="mt-1 flex flex-wrap items-end gap-2"
      aria-label={t("directory.reassessFor", { name })}
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({ reassessEveryDays: Number(new FormData(e.currentTarget).get("days")) });
      }}
    >
      <div>
        <label htmlFor={id} className="block text-sm">
          {t("directory.reassessEvery")}
        </label>
        <input
          id={id}
          name="days"
          type="number"
          min={30}
          max={365}
          defaultValue={days}
          className="input w-28"
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${id}-e` : undefined}
        />
      </div>
      <button type="submit" className="btn-secondary" disabled={m.isPending}>
        {t("common.save")}
      </button>
      {errors ? (
        <p id={`${id}-e`} className="font-semibold text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
      {m.isSuccess ? <p role="status">{t("directory.added")}</p> : null}
    </form>
  );
}
