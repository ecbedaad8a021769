import { kyivDay } from "@/lib/kyiv-calendar";

/**
 * The shape of "my data" (decision 051): the JSON a person downloads and the page that reads it
 * out. Pure: shared by the server function that gathers it and the page that renders it.
 */
export const MY_DATA_FORMAT = "skhodynky-personal-data/1";

export type MyDataValue = string | number | boolean | null | MyDataValue[] | { [key: string]: MyDataValue };
export type MyDataRecord = { [key: string]: MyDataValue };

/** Every section, in the order the page shows them: the account first, then learning, people, communities, the rest. */
export const MY_DATA_SECTIONS = [
  "sessions",
  "secondFactors",
  "recoveryCodes",
  "passwordResets",
  "invitationsReceived",
  "invitationsSent",
  "assessments",
  "ratingReviewsWritten",
  "lessonProgress",
  "quizAnswers",
  "reviewCards",
  "learningActivity",
  "walkthroughProgress",
  "walkthroughReports",
  "walkthroughVerifications",
  "assignmentsReceived",
  "assignmentsGiven",
  "mentorshipsAsMentee",
  "mentorshipsAsCurator",
  "curatorRequestsMade",
  "curatorRequestsReceived",
  "feedbackMessages",
  "notifications",
  "communityThreads",
  "communityPosts",
  "postRevisions",
  "postDrafts",
  "postReactions",
  "threadFollows",
  "threadReads",
  "postFlags",
  "spaceMemberships",
  "spacesOwned",
  "groupAdmissions",
  "moderationActionsTaken",
  "moderationActionsAboutMe",
  "suspensions",
  "knowledgeEntries",
  "workshopRegistrations",
  "workshopsAnnounced",
  "authoredItems",
  "authoredVersions",
  "authoredReviews",
  "regionTracks",
  "uploadedFiles",
  "auditEntries",
  "signInFailures",
  "mailSent",
  "apiWrites",
] as const;
export type MyDataSectionId = (typeof MY_DATA_SECTIONS)[number];

export type MyData = {
  format: typeof MY_DATA_FORMAT;
  generatedAt: string;
  account: MyDataRecord;
  sections: Record<MyDataSectionId, MyDataRecord[]>;
};

/** Fields whose value is stored JSON (its keys are data, not field names): the page shows them as written. */
export const MY_DATA_RAW_FIELDS: ReadonlySet<string> = new Set(["summary", "data", "content"]);

/** The download's file name: skhodynky-my-data-2026-12-01.json (the Kyiv day it was made). */
export function myDataFileName(generatedAt: Date): string {
  return `skhodynky-my-data-${kyivDay(generatedAt)}.json`;
}
