import { handle } from "@/server/api/handler";
import { authoringEndpoints as e } from "@/features/authoring/endpoints";
import { createRegionTrack } from "@/features/authoring/server/create-region-track";

export const POST = handle({ ...e.createTrack, permission: "author:content" }, async ({ user, body }) => ({
  status: 201,
  body: await createRegionTrack(user, body),
}));
