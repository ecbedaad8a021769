import "server-only";
import type { EndpointSpec } from "@/server/api/endpoint";
import { accountEndpoints } from "@/features/accounts/endpoints";
import { personalDataEndpoints } from "@/features/accounts/personal-data-endpoints";
import { secondFactorEndpoints } from "@/features/accounts/second-factor-endpoints";
import { directoryEndpoints } from "@/features/directory/endpoints";
import { competenceEndpoints } from "@/features/competences/endpoints";
import { reportEndpoints } from "@/features/competences/report-endpoints";
import { activityReportEndpoints } from "@/features/activity-report/endpoints";
import { auditEndpoints } from "@/features/audit/endpoints";
import { progressEndpoints } from "@/features/progress/endpoints";
import { walkthroughEndpoints } from "@/features/walkthroughs/endpoints";
import { mentoringEndpoints } from "@/features/mentoring/endpoints";
import { workshopEndpoints } from "@/features/workshops/endpoints";
import { authoringEndpoints } from "@/features/authoring/endpoints";
import { fileEndpoints } from "@/features/files/endpoints";
import { communityDraftEndpoints, communityEndpoints, communityGroupEndpoints, communityKnowledgeEndpoints } from "@/features/community/endpoints";

/** Every /api/v1 endpoint, for the OpenAPI document: a feature that adds endpoints lists them here. */
export const ALL_ENDPOINTS: readonly EndpointSpec[] = [
  ...Object.values(accountEndpoints),
  ...Object.values(personalDataEndpoints),
  ...Object.values(secondFactorEndpoints),
  ...Object.values(directoryEndpoints),
  ...Object.values(competenceEndpoints),
  ...Object.values(reportEndpoints),
  ...Object.values(activityReportEndpoints),
  ...Object.values(auditEndpoints),
  ...Object.values(progressEndpoints),
  ...Object.values(walkthroughEndpoints),
  ...Object.values(mentoringEndpoints),
  ...Object.values(communityEndpoints),
  ...Object.values(communityKnowledgeEndpoints),
  ...Object.values(communityGroupEndpoints),
  ...Object.values(communityDraftEndpoints),
  ...Object.values(workshopEndpoints),
  ...Object.values(authoringEndpoints),
  ...Object.values(fileEndpoints),
];
