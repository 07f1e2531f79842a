/**
 * @chiso/io/portal — read the national public-service portal's own evaluation responses (the six endpoints
 * of dichvucong.gov.vn) into chiso's figures, with the portal's published scores kept for reconciliation.
 * A separate entry: it never loads the xlsx reader or writer.
 */
export {
  importPortalResponses,
  PORTAL_SCHEME_ID,
  PORTAL_ONE_PROCEDURE_SCHEME_ID,
  PORTAL_SYSTEM,
  PORTAL_MAX_BYTES,
  type PortalImportOptions,
  type PortalImportResult,
  type PortalResponseSummary,
  type ResponseFile,
} from "./import-portal.js";
export { PORTAL_ENDPOINTS, BLOCK_OF, recogniseEndpoint, type PortalEndpoint } from "./endpoints.js";
export { describePortalIssue, portalIssueLocation, portalIssueMessage, type PortalIssue, type PortalLocation } from "./issues.js";
export { describePortalProblem, type PortalProblem } from "./messages.js";
