import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { MESSAGES } from "@/server/i18n";
import { MessagesProvider } from "./messages";

export type Namespace = keyof (typeof MESSAGES)["uk"];

/** Hands the named message namespaces (only those) to the client components below. */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const locale = (await getLocale()) === "en" ? "en" : "uk";
  const all = MESSAGES[locale];
  const picked = Object.fromEntries(namespaces.map((n) => [n, all[n]]));
  return <MessagesProvider messages={picked}>{children}</MessagesProvider>;
}
