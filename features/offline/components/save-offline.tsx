"use client";

import { useEffect, useId, useState } from "react";
import { useT } from "@/ui/messages";
import { listSaved, type SavedThing } from "../device-store";
import { SaveError, canSaveOffline, plannedBytes, removeSaved, saveForOffline, type Thing } from "../save-for-offline";
import { sessionUserId } from "../session-user";

type State =
  | { kind: "loading" }
  | { kind: "unsupported" }
  | { kind: "idle" }
  | { kind: "confirm" }
  | { kind: "saving"; done: number; total: number }
  | { kind: "saved"; saved: SavedThing }
  | { kind: "failed"; reason: SaveError["reason"]; status: number };

/** The page's language for numbers and dates (in the browser, after the page has loaded). */
export const pageLocale = () => (document.documentElement.lang === "en" ? "en-GB" : "uk-UA");

/** Megabytes as people read them: "0,35 МБ" / "0.35 MB" (at least 0.01). */
export function formatMegabytes(bytes: number, unit: string): string {
  const value = Math.max(0.01, bytes / 1_000_000);
  return `${new Intl.NumberFormat(pageLocale(), { maximumFractionDigits: value < 10 ? 2 : 1 }).format(value)} ${unit}`;
}

/**
 * "Save for offline" for a lesson, a guide, a track or the week's plan (decision 036): says how much
 * the download weighs before it starts (and, in low-data mode, asks first), shows its progress,
 * then says that the thing is on this device and lets the person remove it.
 */
export function SaveOffline({ thing, lowData, what }: { thing: Thing; lowData: boolean; what: "lesson" | "guide" | "track" | "week" }) {
  const t = useT("offlineSave");
  const statusId = useId();
  const [state, setState] = useState<State>({ kind: "loading" });
  const size = (bytes: number) => formatMegabytes(bytes, t("megabytes"));

  useEffect(() => {
    const userId = sessionUserId();
    void (canSaveOffline() && userId ? listSaved(userId) : Promise.reject(new Error("unsupported")))
      .then((all) => {
        const saved = all.find((s) => s.id === thing.id);
        setState(saved ? { kind: "saved", saved } : { kind: "idle" });
      })
      .catch(() => setState({ kind: "unsupported" }));
  }, [thing.id]);

  const start = async () => {
    const userId = sessionUserId();
    if (!userId) return;
    if (!navigator.onLine) return setState({ kind: "failed", reason: "offline", status: 0 });
    setState({ kind: "saving", done: 0, total: thing.parts.length });
    try {
      const saved = await saveForOffline(userId, thing, (done, total) => setState({ kind: "saving", done, total }));
      setState({ kind: "saved", saved });
    } catch (error) {
      const e = error instanceof SaveError ? error : new SaveError("offline");
      setState({ kind: "failed", reason: e.reason, status: e.status });
    }
  };

  const remove = async () => {
    const userId = sessionUserId();
    if (!userId) return;
    await removeSaved(userId, thing.id);
    setState({ kind: "idle" });
  };

  if (state.kind === "loading") return null;
  if (state.kind === "unsupported") return <p className="text-sm text-muted">{t("unsupported")}</p>;
  const planned = size(plannedBytes(thing));
  const message = (() => {
    switch (state.kind) {
      case "saving":
        return t("saving", { done: state.done, total: state.total });
      case "saved":
        return t("saved", { size: size(state.saved.bytes) });
      case "failed":
        return t(`failed.${state.reason}`, { status: state.status });
      default:
        return "";
    }
  })();

  return (
    <div className="my-3 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-neutral-300 bg-neutral-50 px-3 py-2 text-sm">
      {state.kind === "saved" ? <span aria-hidden="true">✓</span> : null}
      <span
        id={statusId}
        aria-live="polite"
        className={state.kind === "failed" ? "font-semibold text-red-800" : state.kind === "saved" ? "font-semibold" : undefined}
      >
        {message}
      </span>
      {state.kind === "saved" ? (
        <>
          <button type="button" className="btn-secondary min-h-10 px-3 py-1" onClick={() => void remove()}>
            {t("remove")}
          </button>
          <a href="/saved">{t("allSaved")}</a>
        </>
      ) : state.kind === "confirm" ? (
        <>
          <span>{t("confirmLowData", { size: planned })}</span>
          <button type="button" className="btn min-h-10 px-3 py-1" onClick={() => void start()}>
            {t("download")}
          </button>
          <button type="button" className="btn-secondary min-h-10 px-3 py-1" onClick={() => setState({ kind: "idle" })}>
            {t("cancel")}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="btn-secondary min-h-10 px-3 py-1"
          disabled={state.kind === "saving"}
          aria-describedby={statusId}
          onClick={() => (lowData ? setState({ kind: "confirm" }) : void start())}
        >
          {t("save", { what: { lesson: t("lessonLabel"), guide: t("guideLabel"), track: t("trackLabel"), week: t("weekLabel") }[what], size: planned })}
        </button>
      )}
    </div>
  );
}
