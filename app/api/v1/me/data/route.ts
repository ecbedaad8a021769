import { handle } from "@/server/api/handler";
import { personalDataEndpoints } from "@/features/accounts/personal-data-endpoints";
import { exportMyData } from "@/features/accounts/server/export-my-data";

export const GET = handle(personalDataEndpoints.downloadMyData, async ({ user }) => {
  const { fileName, json } = await exportMyData(user);
  return { file: { content: json, type: "application/json; charset=utf-8", name: fileName } };
});
