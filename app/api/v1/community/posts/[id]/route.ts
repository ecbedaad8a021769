import { handle } from "@/server/api/handler";
import { communityEndpoints as e } from "@/features/community/endpoints";
import { editPost } from "@/features/community/server/edit-post";
import { deletePost } from "@/features/community/server/delete-post";

export const PATCH = handle(e.editPost, async ({ user, params, body }) => ({ body: await editPost(user, params.id, body) }));

export const DELETE = handle(e.deletePost, async ({ user, params }) => ({ body: await deletePost(user, params.id) }));
