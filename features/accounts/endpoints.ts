import { z } from "zod";
import { defineEndpoint } from "@/server/api/endpoint";
import {
  ZId,
  ZImportResult,
  ZInvitationAccept,
  ZInvitationCreate,
  ZInvitationDto,
  ZLocaleChoice,
  ZOk,
  ZPasswordChange,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZProfileDto,
  ZProfileUpdate,
  ZUserImport,
} from "./schemas";

export const accountEndpoints = {
  createInvitation: defineEndpoint({
    method: "POST", path: "/api/v1/invitations", tag: "accounts", auth: "user",
    summary: "Invite a person: creates a pending invitation and mails a single-use link (7 days).",
    body: ZInvitationCreate, response: ZInvitationDto, statuses: [201, 404, 409],
  }),
  revokeInvitation: defineEndpoint({
    method: "DELETE", path: "/api/v1/invitations/{id}", tag: "accounts", auth: "user",
    summary: "Revoke a pending invitation.", params: ZId, response: ZOk, statuses: [404, 409],
  }),
  acceptInvitation: defineEndpoint({
    method: "POST", path: "/api/v1/invitations/accept", tag: "accounts", auth: "public",
    summary: "Create the account from an invitation link by choosing a password.",
    body: ZInvitationAccept, response: z.object({ email: z.string() }), statuses: [201, 404, 409],
  }),
  importUsers: defineEndpoint({
    method: "POST", path: "/api/v1/users/import", tag: "accounts", auth: "user",
    summary: "Invite many people from CSV (name, email, organization, roles). Any bad row: nothing is imported and 422 lists every row error.",
    body: ZUserImport, response: ZImportResult, statuses: [201, 422],
  }),
  manageUser: defineEndpoint({
    method: "POST", path: "/api/v1/users/{id}/{action}", tag: "accounts", auth: "user",
    summary: "Disable, enable or sign out everywhere an account in your scope (action: disable | enable | sign-out-everywhere).",
    params: z.object({ id: z.string().min(1).max(64), action: z.enum(["disable", "enable", "sign-out-everywhere"]) }),
    response: z.object({ status: z.string() }), statuses: [404],
  }),
  requestPasswordReset: defineEndpoint({
    method: "POST", path: "/api/v1/password-reset", tag: "accounts", auth: "public",
    summary: "Mail a password reset link (valid 1 hour, single use). Always answers 202.",
    body: ZPasswordResetRequest, response: ZOk, statuses: [202],
  }),
  confirmPasswordReset: defineEndpoint({
    method: "POST", path: "/api/v1/password-reset/confirm", tag: "accounts", auth: "public",
    summary: "Set a new password from a reset link; ends every session and unlocks the account.",
    body: ZPasswordResetConfirm, response: ZOk, statuses: [404],
  }),
  updateProfile: defineEndpoint({
    method: "PATCH", path: "/api/v1/me", tag: "profile", auth: "user",
    summary: "Update your name, position or language.", body: ZProfileUpdate, response: ZProfileDto,
  }),
  changePassword: defineEndpoint({
    method: "POST", path: "/api/v1/me/password", tag: "profile", auth: "user",
    summary: "Change your password; other sessions end, this one continues.", body: ZPasswordChange, response: ZOk,
  }),
  signOutEverywhere: defineEndpoint({
    method: "POST", path: "/api/v1/me/sign-out-everywhere", tag: "profile", auth: "user",
    summary: "End every session of your account, this one included.", response: ZOk,
  }),
  signOut: defineEndpoint({
    method: "POST", path: "/api/v1/session/sign-out", tag: "profile", auth: "public",
    summary: "Sign out on this device.", response: ZOk, acceptsForm: true,
  }),
  chooseLocale: defineEndpoint({
    method: "POST", path: "/api/v1/locale", tag: "profile", auth: "public",
    summary: "Choose the interface language (saved to the profile when signed in).", body: ZLocaleChoice, response: ZOk,
    acceptsForm: true,
  }),
};
