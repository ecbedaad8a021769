import { AppError, type MessageKey } from "../errors";

/**
 * Reads a request body up to `maxBytes` and refuses it (413, `tooLarge`) the moment it grows past
 * that, whatever length was declared: never more than the limit (plus one network chunk, dropped at
 * once) is held in memory. No body at all is `missing` (400); with `empty`, an empty one is too.
 */
export async function readBodyWithinLimit(
  body: ReadableStream<Uint8Array> | null | undefined,
  maxBytes: number,
  messages: { tooLarge: MessageKey; missing: MessageKey; empty?: MessageKey },
): Promise<Buffer> {
  if (!body) throw new AppError("bad_request", messages.missing);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large", messages.tooLarge);
    }
    chunks.push(value);
  }
  if (size === 0 && messages.empty) throw new AppError("bad_request", messages.empty);
  return Buffer.concat(chunks, size);
}
