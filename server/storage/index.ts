import "server-only";
import { getEnv } from "../env";
import { createLocalDiskStorage } from "./local-disk";
import { createS3Storage } from "./s3";
import type { FileStorage } from "./types";

export type { FileStorage, StoredObject } from "./types";

let cached: FileStorage | undefined;

/** The configured storage (server/env.ts: FILE_STORAGE, FILES_DIR, S3_*). */
export function getFileStorage(): FileStorage {
  if (cached) return cached;
  const settings = getEnv().fileStorage;
  cached = settings.driver === "s3" ? createS3Storage(settings) : createLocalDiskStorage(settings.dir);
  return cached;
}

/** For tests that switch drivers between cases (after `resetEnvCacheForTests`). */
export function resetFileStorageForTests(): void {
  cached = undefined;
}
