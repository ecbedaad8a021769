import { getLocale, getTranslations } from "next-intl/server";
import { kyivDateTimeFormat } from "@/lib/kyiv-calendar";
import type { SignedInDevice } from "../server/devices";

/**
 * The profile's list of signed-in devices: what each is, its address, when it signed in and was
 * last used, and a plain form to end it (no script needed; the server answers with the profile
 * again). This device is marked and ended with "Sign out" instead.
 */
export async function SignedInDevices({ devices }: { devices: SignedInDevice[] }) {
  const [t, locale] = await Promise.all([getTranslations("profile.devices"), getLocale()]);
  const when = kyivDateTimeFormat(locale === "en" ? "en" : "uk");
  return (
    <ul className="mb-4 grid gap-3" aria-label={t("listLabel")}>
      {devices.map((device) => {
        const name = [device.browser ?? t("unknownBrowser"), device.system].filter(Boolean).join(" · ");
        return (
          <li key={device.id} className="rounded-md border border-neutral-300 p-3">
            <p className="font-semibold">
              {name}
              {device.current ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-800">{t("thisDevice")}</span> : null}
            </p>
            <p className="text-sm text-muted">
              {t("line", { signedIn: when.format(device.signedInAt), lastUsed: when.format(device.lastUsedAt) })}
              {device.ip ? ` · ${t("address", { ip: device.ip })}` : ""}
            </p>
            {device.current ? null : (
              <form method="post" action={`/api/v1/me/sessions/${device.id}/end`} className="mt-2">
                <input type="hidden" name="next" value="/profile" />
                <button type="submit" className="btn-secondary">
                  {t("end")}
                  <span className="sr-only"> {name}</span>
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}
