import { handle } from "@/server/api/handler";
import { directoryEndpoints } from "@/features/directory/endpoints";
import { createHromada } from "@/features/directory/server/create-directory-entries";

export const POST = handle(directoryEndpoints.createHromada, async ({ user, body }) => {
  return { status: 201, body: await createHromada(user, body) };
});
