import { defineEndpoint } from "@/server/api/endpoint";
import { z } from "zod";
import { id } from "@/lib/zod-text";
import { ZCreated, ZHromadaCreate, ZOrganizationCreate, ZOrganizationSettings, ZRegionCreate } from "./schemas";

export const directoryEndpoints = {
  createRegion: defineEndpoint({
    method: "POST",
    path: "/api/v1/directory/regions",
    tag: "directory",
    auth: "user",
    summary: "Add a region (oblast) with its ISO 3166-2 code, e.g. UA-53. Admins only.",
    body: ZRegionCreate,
    response: ZCreated,
    statuses: [201, 409],
  }),
  createHromada: defineEndpoint({
    method: "POST",
    path: "/api/v1/directory/hromadas",
    tag: "directory",
    auth: "user",
    summary: "Add a hromada to a region. Admins only.",
    body: ZHromadaCreate,
    response: ZCreated,
    statuses: [201, 404, 409],
  }),
  createOrganization: defineEndpoint({
    method: "POST",
    path: "/api/v1/directory/organizations",
    tag: "directory",
    auth: "user",
    summary: "Add an organization to a hromada. Admins anywhere, methodologists in their own region.",
    body: ZOrganizationCreate,
    response: ZCreated,
    statuses: [201, 404, 409],
  }),
  updateOrganization: defineEndpoint({
    method: "PATCH",
    path: "/api/v1/directory/organizations/{id}",
    tag: "directory",
    auth: "user",
    summary: "Change an organization's settings: how often its people are invited to reassess (30–365 days).",
    params: z.object({ id: id() }),
    body: ZOrganizationSettings,
    response: ZOrganizationSettings,
    statuses: [404],
  }),
};
