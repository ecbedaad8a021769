"use client";

import { useEffect, useState } from "react";
import { useT } from "@/ui/messages";
import { deleteOpened, listOpened, listSaved, type OpenedPage, type SavedThing } from "../device-store";
import { canSaveOffline, removeSaved } from "../save-for-offline";
import { openedCache, openedNotSaved } from "../offline-pages";
import { sessionUserId } from "../session-user";
import { formatMegabytes, pageLocale } from "./save-offline";

/** What the device keeps for the person signed in, and the storage the app uses. */
async function read() {
  const userId = sessionUserId();
  if (!userId || !canSaveOffline()) throw new Error("unsupported");
  const [saved, opened, estimate] = await Promise.all([listSaved(userId), listOpened(userId), navigator.storage?.estimate?.().catch(() => null)]);
  return { saved, opened: openedNotSaved(opened, saved, location.origin), usage: estimate?.usage ?? null };
}

/**
 * "On this device": what the signed-in person can open without a connection — what they saved on
 * purpose (with its size, removable) and the pages they opened recently — and how much of the
 * browser's storage the app uses. Never another person's.
 */
export function SavedOnDevice() {
  const t = useT("savedOnDevice");
  const tSave = useT("offlineSave");
  const [data, setData] = useState<{ saved: SavedThing[]; opened: OpenedPage[]; usage: number | null } | null>(null);
  const [supported, setSupported] = useState(true);
  const [announce, setAnnounce] = useState("");
  const size = (bytes: number) => formatMegabytes(bytes, tSave("megabytes"));

  useEffect(() => {
    read().then(setData, () => setSupported(false));
  }, []);
  const load = async () => setData(await read());

  const remove = async (thing: SavedThing) => {
    await removeSaved(thing.userId, thing.id);
    setAnnounce(t("removedOne", { title: thing.title }));
    await load();
  };

  const forgetOpened = async () => {
    const userId = sessionUserId();
    if (!userId || !data) return;
    const cache = await caches.open(openedCache(userId));
    for (const page of await listOpened(userId)) {
      await cache.delete(page.key, { ignoreVary: true });
      await deleteOpened(userId, page.key);
    }
    setAnnounce(t("openedCleared"));
    await load();
  };

  if (!supported) return <p>{tSave("unsupported")}</p>;
  if (!data) return null;
  const dateFormat = new Intl.DateTimeFormat(pageLocale(), { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  const path = (key: string) => {
    const url = new URL(key);
    return url.pathname + url.search;
  };
  return (
    <>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <section className="card mb-6" aria-labelledby="saved-title">
        <h2 id="saved-title" className="mb-2 text-xl font-bold">
          {t("savedTitle")}
        </h2>
        {data.saved.length === 0 ? (
          <p>{t("savedNone")}</p>
        ) : (
          <ul className="grid gap-3">
            {data.saved.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <a href={s.href} className="font-semibold">
                  {s.title}
                </a>
                <span className="text-sm text-muted">{t("savedLine", { size: size(s.bytes), pages: s.parts.length, date: dateFormat.format(s.savedAt) })}</span>
                <button type="button" className="btn-secondary min-h-10 px-3 py-1 text-sm" onClick={() => void remove(s)}>
                  {t("removeNamed", { title: s.title })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card mb-6" aria-labelledby="opened-title">
        <h2 id="opened-title" className="mb-2 text-xl font-bold">
          {t("openedTitle")}
        </h2>
        <p className="mb-2 text-sm text-muted">{t("openedLead")}</p>
        {data.opened.length === 0 ? (
          <p>{t("openedNone")}</p>
        ) : (
          <>
            <ul className="ml-5 list-disc">
              {data.opened.map((p) => (
                <li key={p.key}>
                  <a href={path(p.key)}>{p.title}</a>
                </li>
              ))}
            </ul>
            <button type="button" className="btn-secondary mt-3" onClick={() => void forgetOpened()}>
              {t("clearOpened")}
            </button>
          </>
        )}
      </section>
      {data.usage !== null ? <p className="text-sm text-muted">{t("usage", { size: size(data.usage) })}</p> : null}
    </>
  );
}
