"use client";

import { useEffect } from "react";
import { setCurrentDeviceUser, setDeviceLocale } from "../device-store";
import { sessionUserId } from "../session-user";

/**
 * On every page (of a production build, `install`): installs the service worker (decision 036) and tells the
 * device who is signed in and in which language, so offline the worker answers with this person's
 * kept pages only. The worker learns the same from every page it fetches; this covers the first
 * page, before a worker runs.
 */
export function ServiceWorkerSetup({ install }: { install: boolean }) {
  useEffect(() => {
    if (!("indexedDB" in window)) return;
    const header = document.querySelector("header[data-app-header]");
    if (header && navigator.onLine) void setCurrentDeviceUser(sessionUserId()).catch(() => undefined);
    void setDeviceLocale(document.documentElement.lang).catch(() => undefined);
    if (!install || !("serviceWorker" in navigator) || !window.isSecureContext) return;
    // After the page has loaded: the worker's own download never competes with the page's.
    const register = () => void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
  }, [install]);
  return null;
}
