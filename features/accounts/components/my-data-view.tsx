import { getLocale, getTranslations } from "next-intl/server";
import { MY_DATA_RAW_FIELDS, MY_DATA_SECTIONS, type MyData, type MyDataRecord, type MyDataValue } from "../my-data";

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Formatters = {
  field: (key: string) => string;
  yes: string;
  no: string;
  none: string;
  instant: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
};

function scalar(value: string | number | boolean | null, f: Formatters): string {
  if (value === null) return f.none;
  if (typeof value === "boolean") return value ? f.yes : f.no;
  if (typeof value === "number") return f.number.format(value);
  if (INSTANT.test(value)) return f.instant.format(new Date(value));
  // A Kyiv calendar day stays that day wherever the reader is.
  if (DAY.test(value)) return f.day.format(new Date(`${value}T12:00:00Z`));
  return value;
}

function isRecord(value: MyDataValue): value is MyDataRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function Value({ name, value, f }: { name: string; value: MyDataValue; f: Formatters }) {
  if (MY_DATA_RAW_FIELDS.has(name) && value !== null) {
    return <pre className="whitespace-pre-wrap break-words font-mono text-sm">{JSON.stringify(value, null, 2)}</pre>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <>{f.none}</>;
    if (value.every((v) => !isRecord(v) && !Array.isArray(v))) {
      return <>{value.map((v) => scalar(v as string | number | boolean | null, f)).join(", ")}</>;
    }
    return (
      <ol className="grid gap-2">
        {value.map((v, i) => (
          <li key={i} className="rounded border border-neutral-300 p-2">
            {isRecord(v) ? <Fields record={v} f={f} /> : <Value name={name} value={v} f={f} />}
          </li>
        ))}
      </ol>
    );
  }
  if (isRecord(value)) return <Fields record={value} f={f} />;
  return <span className="whitespace-pre-line break-words">{scalar(value, f)}</span>;
}

function Fields({ record, f }: { record: MyDataRecord; f: Formatters }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 [&>dd]:mb-2 sm:grid-cols-[minmax(8rem,max-content)_minmax(0,1fr)] sm:gap-y-1 sm:[&>dd]:mb-0">
      {Object.entries(record).map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-semibold">{f.field(key)}</dt>
          <dd className="min-w-0 break-words">
            <Value name={key} value={value} f={f} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Everything in "my data" (decision 051) read out: the account, then one headed section per kind
 * of record, each record's fields named in the reader's language and its dates in their locale and
 * Kyiv time. Plain HTML: no script, one column on a phone, nothing wider than the screen.
 */
export async function MyDataView({ data }: { data: MyData }) {
  const [t, locale] = await Promise.all([getTranslations("myData"), getLocale()]);
  const tag = locale === "en" ? "en-GB" : "uk-UA";
  const f: Formatters = {
    field: (key) => t(`fields.${key}` as "fields.name"),
    yes: t("yes"),
    no: t("no"),
    none: t("none"),
    instant: new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Kyiv" }),
    day: new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }),
    number: new Intl.NumberFormat(tag),
  };
  const present = MY_DATA_SECTIONS.filter((id) => data.sections[id].length > 0);
  const empty = MY_DATA_SECTIONS.filter((id) => data.sections[id].length === 0);
  const title = (id: string) => t(`sections.${id}` as "sections.sessions");
  return (
    <>
      <nav aria-labelledby="my-data-contents" className="card mb-6">
        <h2 id="my-data-contents" className="mb-2 text-xl font-bold">
          {t("contents")}
        </h2>
        <ul className="grid gap-1 sm:grid-cols-2">
          <li>
            <a href="#account">{t("account")}</a>
          </li>
          {present.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{t("sectionWithCount", { title: title(id), count: data.sections[id].length })}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="card mb-6" aria-labelledby="account">
        <h2 id="account" className="mb-3 text-xl font-bold">
          {t("account")}
        </h2>
        <Fields record={data.account} f={f} />
      </section>
      {present.map((id) => (
        <section key={id} className="card mb-6" aria-labelledby={id}>
          <h2 id={id} className="mb-3 text-xl font-bold">
            {t("sectionWithCount", { title: title(id), count: data.sections[id].length })}
          </h2>
          <ol className="grid gap-3">
            {data.sections[id].map((record, i) => (
              <li key={i} className="rounded-md border border-neutral-300 p-3">
                <Fields record={record} f={f} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {empty.length ? (
        <section className="card mb-6" aria-labelledby="my-data-empty">
          <h2 id="my-data-empty" className="mb-2 text-xl font-bold">
            {t("emptyTitle")}
          </h2>
          <p>{empty.map(title).join(", ")}.</p>
        </section>
      ) : null}
    </>
  );
}
