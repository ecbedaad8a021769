import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require-user";
import { formatDateTime } from "@/server/i18n";
import { listOutbox } from "@/features/admin/server/queries";
import { AdminNav } from "@/features/admin/components/admin-nav";

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function OutboxPage() {
  const user = await requirePermission("read:outbox");
  const [mails, t, locale] = await Promise.all([listOutbox(user), getTranslations("outbox"), getLocale()]);
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <AdminNav actor={user} current="/admin/outbox" />
      <p className="mb-4 max-w-prose">{t("lead")}</p>
      {mails.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="grid gap-4">
          {mails.map((m) => (
            <li key={m.id}>
              <article className="card" aria-label={`${t("to")}: ${m.to}. ${m.subject}`}>
                <dl className="mb-2 grid grid-cols-[max-content_1fr] gap-x-3">
                  <dt className="font-semibold">{t("to")}</dt>
                  <dd className="break-all">{m.to}</dd>
                  <dt className="font-semibold">{t("subject")}</dt>
                  <dd>{m.subject}</dd>
                  <dt className="font-semibold">{t("sent")}</dt>
                  <dd>{formatDateTime(m.createdAt, locale === "en" ? "en" : "uk")}</dd>
                </dl>
                <Linkified text={m.text} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Mail text with its links clickable, so a demo or a test can follow an invitation. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <p className="whitespace-pre-wrap break-words">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}
