import { z } from "zod";
import { LESSON_ID } from "../lessons/schemas";

const ZDay = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))]);

export const ZWalkthroughFrontmatter = z.object({
  id: z.string().regex(LESSON_ID, { error: "lowercase letters, digits and hyphens" }),
  title: z.string().trim().min(3).max(120),
  summary: z.string().trim().min(10).max(300),
  platform: z.object({ name: z.string().trim().min(2).max(80), url: z.url({ protocol: /^https$/, error: "an https:// address" }) }),
  /** "client": a worker helping a client (every step says what to tell the client); "worker": the worker's own use. */
  audience: z.enum(["client", "worker"]),
  minutes: z.number().int().min(2).max(15),
  level: z.number().int().min(1).max(8),
  competences: z.array(z.string()).min(1),
  tags: z.array(z.string().trim().min(1)).default([]),
  /** Who checked the guide against the live platform, and when; "none" until a methodologist does. */
  verified: z.union([z.literal("none"), z.object({ on: ZDay, by: z.string().trim().min(3).max(120) })]),
  updated: ZDay,
});
export type TWalkthroughFrontmatter = z.infer<typeof ZWalkthroughFrontmatter>;

/** The components authors may use in a walkthrough (content/README.md documents each). */
export const WALKTHROUGH_COMPONENTS = [
  "GuideStep",
  "Hotspot",
  "Expect",
  "Mistakes",
  "Mistake",
  "TellClient",
  "Quiz",
  "Option",
  "TrueFalse",
  "Callout",
  "KeyTerm",
] as const;

/** A numbered mark: its target (x, y) and its badge (bx, by; null when not written), in percent of the screen. */
export type Hotspot = { n: number; x: number; y: number; bx: number | null; by: number | null; label: string };
/**
 * A step as the player and the handout need it; `wide` screens (desktop pages) are shown above the
 * text, tall ones (phones) beside it. `size` is an SVG screen's viewBox (null for a PNG or JPEG).
 */
export type GuideStepInfo = {
  id: string;
  title: string;
  screen: string;
  alt: string;
  wide: boolean;
  size: { width: number; height: number } | null;
  hotspots: Hotspot[];
};
