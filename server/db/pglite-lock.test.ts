import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { spawn } from "node:child_process";
import { lockPgliteDir } from "./pglite-lock";

describe("PGlite directory lock", () => {
  it("refuses a second opener in this process and releases on close", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "skh-lock-")), "db");
    const release = lockPgliteDir(dir);
    expect(readFileSync(`${dir}.lock`, "utf8").trim()).toBe(String(process.pid));
    expect(() => lockPgliteDir(dir)).toThrow(/already open in this process/);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockPgliteDir(dir)();
  });

  it("refuses a directory held by another live process, and takes over a dead one's lock", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "skh-lock-")), "db");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      writeFileSync(`${dir}.lock`, `${other.pid}\n`);
      expect(() => lockPgliteDir(dir)).toThrow(new RegExp(`in use by process ${other.pid}`));
    } finally {
      other.kill();
      await new Promise((r) => other.once("exit", r));
    }
    const release = lockPgliteDir(dir);
    expect(readFileSync(`${dir}.lock`, "utf8").trim()).toBe(String(process.pid));
    release();
  });
});
