import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("unsubscribe"))("title") };
}

/**
 * The digest's unsubscribe link lands here, signed in or not. One press (a plain form, no
 * JavaScript) turns the digest off; link checkers that only open the page change nothing.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const [{ token, done }, t] = await Promise.all([searchParams, getTranslations("unsubscribe")]);
  return (
    <section className="card mx-auto max-w-xl">
      <h1 className="page-title">{t("title")}</h1>
      {done ? (
        <p role="status">{t("done")}</p>
      ) : token ? (
        <form method="post" action="/api/v1/digests/unsubscribe">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="next" value="/unsubscribe?done=1" />
          <p className="mb-3">{t("lead")}</p>
          <button type="submit" className="btn">
            {t("button")}
          </button>
        </form>
      ) : (
        <p>{t("noToken")}</p>
      )}
    </section>
  );
}
