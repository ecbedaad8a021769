import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { MESSAGES } from "@/server/i18n";
import { MessagesProvider } from "./messages";
import CLIENT_KEYS from "./client-message-keys.json";

export type Namespace = keyof (typeof MESSAGES)["uk"];

type Tree = { [key: string]: string | Tree };

/**
 * Of one namespace, the messages client components ask for (ui/client-message-keys.json, read from
 * their source by scripts/client-message-keys.mjs): "*" or "." is all of it, "a." the subtree `a`.
 * Every page carries these in its HTML, so the rest of the namespace (the server's own strings)
 * stays on the server.
 */
export function pickClientMessages(tree: Tree, namespace: string, keys: Record<string, readonly string[] | string> = CLIENT_KEYS): Tree {
  const own = keys[namespace];
  if (own === "*") return tree;
  const wanted = [...(Array.isArray(own) ? own : []), ...(Array.isArray(keys["*"]) ? keys["*"] : [])];
  if (wanted.includes(".")) return tree;
  const picked: Tree = {};
  for (const key of wanted) {
    const path = key.replace(/\.$/, "").split(".");
    let from: string | Tree | undefined = tree;
    for (const part of path) from = typeof from === "object" ? from[part] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const part of path.slice(0, -1)) into = (into[part] ??= {}) as Tree;
    into[path.at(-1)!] = from;
  }
  return picked;
}

/** Hands the named message namespaces (only the keys client components use) to the client components below. */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const locale = (await getLocale()) === "en" ? "en" : "uk";
  const all = MESSAGES[locale];
  const picked = Object.fromEntries(namespaces.map((n) => [n, pickClientMessages(all[n] as Tree, n)]));
  return <MessagesProvider messages={picked}>{children}</MessagesProvider>;
}
