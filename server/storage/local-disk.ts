import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { dirname, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { assertValidKey } from "./keys";
import type { FileStorage, StoredObject } from "./types";

/**
 * Files on this server's disk, under one folder (default `.data/files`). For ONE app server only:
 * a second server would not see the first one's files — several servers share files through S3.
 */
export function createLocalDiskStorage(root: string): FileStorage {
  const base = resolve(root);

  /** The key's path, refused unless it lies inside the folder (keys are checked, and the result is too). */
  function pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(base, key);
    if (!path.startsWith(base + sep)) throw new Error("Invalid storage key");
    return path;
  }

  return {
    driver: "local",

    async put(key, content) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written beside the final name, flushed, then renamed: rename within a folder is atomic, so
      // a reader (or a crash) never meets half a file. Keys hold no ".", so no key is a temp name.
      const temp = `${path}.${randomUUID()}.tmp`;
      const handle = await open(temp, "wx", 0o600);
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(key): Promise<StoredObject | null> {
      const path = pathOf(key);
      let size: number;
      try {
        const info = await stat(path);
        if (!info.isFile()) return null;
        size = info.size;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      const stream = createReadStream(path);
      return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size };
    },

    async stat(key) {
      try {
        const info = await stat(pathOf(key));
        return info.isFile() ? { size: info.size } : null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
