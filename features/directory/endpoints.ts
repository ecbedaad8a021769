import { defineEndpoint } from "@/server/api/endpoint";
import { ZCreated, ZHromadaCreate, ZOrganizationCreate, ZRegionCreate } from "./schemas";

export const directoryEndpoints = {
  createRegion: defineEndpoint({
    method: "POST", path: "/api/v1/directory/regions", tag: "directory", auth: "user",
    summary: "Add a region (oblast) with its ISO 3166-2 code, e.g. UA-53. Admins only.",
    body: ZRegionCreate, response: ZCreated, statuses: [201, 409],
  }),
  createHromada: defineEndpoint({
    method: "POST", path: "/api/v1/directory/hromadas", tag: "directory", auth: "user",
    summary: "Add a hromada to a region. Admins only.",
    body: ZHromadaCreate, response: ZCreated, statuses: [201, 404, 409],
  }),
  createOrganization: defineEndpoint({
    method: "POST", path: "/api/v1/directory/organizations", tag: "directory", auth: "user",
    summary: "Add an organization to a hromada. Admins anywhere, methodologists in their own region.",
    body: ZOrganizationCreate, response: ZCreated, statuses: [201, 404, 409],
  }),
};
