import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import uk from "../messages/uk.json";
import { formatMessage } from "./messages";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".tsx") ? [path] : [];
  });
}

describe("client messages", () => {
  it("fills in variables and falls back to the key for a missing message", () => {
    const tree = { invite: { sent: "Запрошення надіслано на {email}." } };
    expect(formatMessage(tree, "invite.sent", { email: "a@b.ua" })).toBe("Запрошення надіслано на a@b.ua.");
    expect(formatMessage(tree, "invite.missing")).toBe("invite.missing");
  });

  it("every literal key a client component asks for exists in the message files", () => {
    const clientFiles = ["ui", "features", "app"].flatMap(files).filter((f) => readFileSync(f, "utf8").startsWith('"use client"'));
    expect(clientFiles.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const file of clientFiles) {
      const source = readFileSync(file, "utf8");
      const namespace = source.match(/useT\("(\w+)"\)/)?.[1];
      for (const m of source.matchAll(/\bt\("([\w.]+)"/g)) {
        // useT("ns") prefixes every key, dotted or not (ui/messages.ts).
        const key = namespace ? `${namespace}.${m[1]}` : m[1]!;
        if (formatMessage(uk, key) === key) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
