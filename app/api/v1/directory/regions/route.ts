import { handle } from "@/server/api/handler";
import { directoryEndpoints } from "@/features/directory/endpoints";
import { createRegion } from "@/features/directory/server/create-directory-entries";

export const POST = handle(directoryEndpoints.createRegion, async ({ user, body }) => {
  return { status: 201, body: await createRegion(user, body) };
});
