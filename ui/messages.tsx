"use client";

import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";

/**
 * Client components get only the message namespaces their page hands down (ui/client-messages.tsx)
 * and format them with a few lines of code, instead of shipping an ICU runtime and every message
 * in every page. Client strings use simple {name} variables; plurals and rich formats stay on the server.
 */
type Tree = { [key: string]: string | Tree };
const MessagesContext = createContext<Tree>({});

export function MessagesProvider({ messages, children }: { messages: Tree; children: ReactNode }) {
  const parent = useContext(MessagesContext);
  const merged = useMemo(() => ({ ...parent, ...messages }), [parent, messages]);
  return <MessagesContext.Provider value={merged}>{children}</MessagesContext.Provider>;
}

export function formatMessage(messages: Tree, key: string, values?: Record<string, string | number>): string {
  let node: string | Tree | undefined = messages;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") return key;
  return values ? node.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : node;
}

export function useT(namespace?: string) {
  const messages = useContext(MessagesContext);
  return useCallback(
    (key: string, values?: Record<string, string | number>) => formatMessage(messages, namespace ? `${namespace}.${key}` : key, values),
    [messages, namespace],
  );
}
