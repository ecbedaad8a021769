import { handle } from "@/server/api/handler";
import { competenceEndpoints } from "@/features/competences/endpoints";
import { reviewRating } from "@/features/competences/server/review-rating";

export const PUT = handle(competenceEndpoints.reviewRating, async ({ user, params, body }) => ({ body: await reviewRating(user, params.id, body) }));
