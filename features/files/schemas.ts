import { z } from "zod";
import { id, singleLine } from "@/lib/zod-text";

export const ZFileParams = z.object({ id: id({ max: 40 }) });

/** The uploader's name for the file (optional): kept only, made safe, for Content-Disposition. */
export const ZUploadQuery = z.object({ name: singleLine().max(255).optional() });

export const ZStoredFile = z.object({
  id: z.string(),
  kind: z.enum(["IMAGE", "PDF"]),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  name: z.string(),
  /** Where the file is served: /api/v1/files/{id}. */
  url: z.string(),
});
export type TStoredFile = z.infer<typeof ZStoredFile>;
