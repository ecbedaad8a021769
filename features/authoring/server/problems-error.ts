import "server-only";
import { AppError } from "@/server/errors";
import type { MdxProblem } from "../safe-mdx";

/** The check's problems for the client: code, line, column, message key and values (the editor shows them at their line). */
export function problemsDetails(problems: readonly MdxProblem[]) {
  return problems.map(({ code, severity, line, column, messageKey, params }) => ({ code, severity, line, column, messageKey, params }));
}

/** 422 for a text with unsafe problems: nothing is stored; the author's text stays in their editor. */
export function unsafeProblemsError(problems: readonly MdxProblem[]): AppError {
  return new AppError("unprocessable", "errors.authoringUnsafe", undefined, undefined, { problems: problemsDetails(problems) });
}

/** 422 for a submission or approval whose text still has problems of any kind. */
export function unfinishedProblemsError(problems: readonly MdxProblem[]): AppError {
  return new AppError("unprocessable", "errors.authoringHasProblems", undefined, undefined, { problems: problemsDetails(problems) });
}
