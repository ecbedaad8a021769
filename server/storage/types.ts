/**
 * Where uploaded files' bytes live (decision 029). The database (`StoredFile`) is the ledger of
 * what exists, who owns it and what it is; a storage only keeps bytes under opaque keys.
 */
export type StoredObject = {
  /** The bytes, read as they are sent on (never the whole file in memory). */
  body: ReadableStream<Uint8Array>;
  size: number;
};

export interface FileStorage {
  readonly driver: "local" | "s3";
  /** Writes the whole object; a reader sees the old object or the new one, never a part. */
  put(key: string, content: Uint8Array, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}
