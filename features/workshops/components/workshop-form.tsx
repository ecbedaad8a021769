import { getTranslations } from "next-intl/server";
import type { WorkshopFormOptions } from "../server/form-options";
import type { WorkshopFormValues } from "../server/get-workshop";
import { MAX_CAPACITY } from "../types";

type Props = {
  options: WorkshopFormOptions;
  /** The workshop being edited; none for a new one. */
  values?: WorkshopFormValues;
  action: string;
  next: string;
};

const fieldClass = "grid gap-1";

/**
 * The announce and edit form: a plain form post to the API (works without JavaScript; a refused
 * post answers with a page that names the problem and links back, the browser keeping what was typed).
 */
export async function WorkshopForm({ options, values, action, next }: Props) {
  const t = await getTranslations("workshops.form");
  const editing = values !== undefined;
  const chosenReadings = new Set(values?.readings ?? []);
  const chosenHromadas = new Set(values?.hromadaIds ?? []);
  const lessons = options.content.filter((c) => c.kind === "lesson");
  const guides = options.content.filter((c) => c.kind === "walkthrough");
  const notes = options.content.filter((c) => c.kind === "note");
  const onlyRegion = !options.national && options.regions.length === 1 ? options.regions[0] : undefined;
  return (
    <form method="post" action={action} className="grid max-w-2xl gap-5">
      <input type="hidden" name="next" value={next} />
      <div className={fieldClass}>
        <label htmlFor="w-title" className="font-semibold">
          {t("title")}
        </label>
        <input id="w-title" name="title" className="input" required minLength={3} maxLength={160} defaultValue={values?.title} />
      </div>
      <div className={fieldClass}>
        <label htmlFor="w-description" className="font-semibold">
          {t("description")}
        </label>
        <p id="w-description-hint" className="text-sm text-muted">
          {t("descriptionHint")}
        </p>
        <textarea
          id="w-description"
          name="description"
          className="input min-h-32"
          required
          maxLength={4000}
          aria-describedby="w-description-hint"
          defaultValue={values?.description}
        />
      </div>

      <fieldset className="grid gap-3">
        <legend className="mb-1 font-semibold">{t("where")}</legend>
        <p id="w-where-hint" className="text-sm text-muted">
          {t("whereHint")}
        </p>
        <div className={fieldClass}>
          <label htmlFor="w-online">{t("onlineUrl")}</label>
          <input
            id="w-online"
            name="onlineUrl"
            type="url"
            inputMode="url"
            pattern="https://.+"
            placeholder="https://"
            className="input"
            maxLength={500}
            aria-describedby="w-where-hint"
            defaultValue={values?.onlineUrl}
          />
        </div>
        <div className={fieldClass}>
          <label htmlFor="w-place">{t("place")}</label>
          <input id="w-place" name="place" className="input" maxLength={300} aria-describedby="w-where-hint" defaultValue={values?.place} />
        </div>
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 font-semibold">{t("when")}</legend>
        <p id="w-when-hint" className="text-sm text-muted sm:col-span-2">
          {t("whenHint")}
        </p>
        <div className={fieldClass}>
          <label htmlFor="w-starts">{t("startsAt")}</label>
          <input
            id="w-starts"
            name="startsAt"
            type="datetime-local"
            className="input"
            required
            aria-describedby="w-when-hint"
            defaultValue={values?.startsAt}
          />
        </div>
        <div className={fieldClass}>
          <label htmlFor="w-ends">{t("endsAt")}</label>
          <input id="w-ends" name="endsAt" type="datetime-local" className="input" required aria-describedby="w-when-hint" defaultValue={values?.endsAt} />
        </div>
      </fieldset>

      <div className={fieldClass}>
        <label htmlFor="w-capacity" className="font-semibold">
          {t("capacity")}
        </label>
        <p id="w-capacity-hint" className="text-sm text-muted">
          {t("capacityHint")}
        </p>
        <input
          id="w-capacity"
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_CAPACITY}
          required
          className="input max-w-40"
          aria-describedby="w-capacity-hint"
          defaultValue={values?.capacity ?? 20}
        />
      </div>

      {editing ? null : onlyRegion ? (
        <input type="hidden" name="regionId" value={onlyRegion.id} />
      ) : (
        <div className={fieldClass}>
          <label htmlFor="w-region" className="font-semibold">
            {t("region")}
          </label>
          <select id="w-region" name="regionId" className="input" defaultValue="">
            {options.national ? <option value="">{t("wholeCountry")}</option> : null}
            {options.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      )}

      <fieldset className="grid gap-2">
        <legend className="mb-1 font-semibold">{t("audience")}</legend>
        {(["REGION", "HROMADAS", "CURATORS"] as const).map((a) => (
          <label key={a} className="flex items-start gap-2">
            <input type="radio" name="audience" value={a} className="mt-1 h-5 w-5" defaultChecked={(values?.audience ?? "REGION") === a} required />
            <span>{t(`audienceOption.${a}`)}</span>
          </label>
        ))}
      </fieldset>

      {options.hromadas.length ? (
        <fieldset className="grid gap-1">
          <legend className="mb-1 font-semibold">{t("hromadas")}</legend>
          <p className="text-sm text-muted">{t("hromadasHint")}</p>
          {options.hromadas.map((h) => (
            <label key={h.id} className="flex items-start gap-2">
              <input type="checkbox" name="hromadaIds" value={h.id} className="mt-1 h-5 w-5" defaultChecked={chosenHromadas.has(h.id)} />
              <span>{options.regions.length > 1 ? `${h.name} (${h.regionName})` : h.name}</span>
            </label>
          ))}
        </fieldset>
      ) : null}

      <fieldset className="grid gap-1">
        <legend className="mb-1 font-semibold">{t("readings")}</legend>
        <p className="text-sm text-muted">{t("readingsHint")}</p>
        <details open={chosenReadings.size > 0} className="rounded border border-neutral-300 p-3">
          <summary className="cursor-pointer font-semibold">{t("chooseContent", { count: chosenReadings.size })}</summary>
          <ContentChoices legend={t("lessons")} name="readings" items={lessons} chosen={chosenReadings} />
          <ContentChoices legend={t("guides")} name="readings" items={guides} chosen={chosenReadings} />
          {notes.length ? <ContentChoices legend={t("notes")} name="readings" items={notes} chosen={chosenReadings} /> : null}
        </details>
      </fieldset>

      <p>
        <button type="submit" className="btn">
          {editing ? t("save") : t("announce")}
        </button>
      </p>
    </form>
  );
}

/** Checkboxes of lessons or guides, grouped under a heading of their own. */
export function ContentChoices({
  legend,
  name,
  items,
  chosen,
}: {
  legend: string;
  name: string;
  items: { key: string; title: string }[];
  chosen: Set<string>;
}) {
  return (
    <fieldset className="mt-3 grid gap-1">
      <legend className="font-semibold">{legend}</legend>
      {items.map((c) => (
        <label key={c.key} className="flex items-start gap-2">
          <input type="checkbox" name={name} value={c.key} className="mt-1 h-5 w-5 shrink-0" defaultChecked={chosen.has(c.key)} />
          <span>{c.title}</span>
        </label>
      ))}
    </fieldset>
  );
}
