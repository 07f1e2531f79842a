import { describe, expect, it } from "vitest";
import { describePortalIssue, importPortalResponses } from "../src/portal/index.js";
import { responseFile, sampleFile, sampleJson } from "./portal-fixture.js";

describe("responses that cannot be trusted as they are", () => {
  it("a published item score above its maximum is refused as a damaged response, located at the score", () => {
    const json = sampleJson("transparency");
    const metric = json.data.evaluation[0].metrics[0];
    metric.score = metric.maxScore + 93;
    const result = importPortalResponses([responseFile("t_score.json", json)], { period: "2026-08" });
    expect(result.document).toBeNull();
    const damaged = result.issues.filter((issue) => issue.code === "score_out_of_range");
    expect(damaged).toHaveLength(1);
    expect(describePortalIssue(damaged[0]!, "en")).toMatch(new RegExp(`^t_score\\.json › evaluation\\[0\\] › metrics\\[0\\]\\.score › .*: the published score ${metric.score} of ${metric.code} is outside 0–${metric.maxScore} .*damaged`));
  });

  it("a block score above the block's maximum is refused too", () => {
    const json = sampleJson("transparency");
    json.data.evaluation[1].totalScore = json.data.evaluation[1].totalMaxScore + 0.01;
    const result = importPortalResponses([responseFile("t.json", json)], { period: "2026-08" });
    expect(result.issues.filter((issue) => issue.code === "score_out_of_range").map((issue) => [issue.record, issue.field])).toEqual([["evaluation[1]", "totalScore"]]);
  });

  it("a count too large is said once, not once per check that meets it", () => {
    const json = sampleJson("transparency");
    json.data.evaluation[0].metrics[0].numerator = 1e300;
    const result = importPortalResponses([responseFile("t_huge.json", json)], { period: "2026-08" });
    const shown = result.issues.filter((issue) => issue.severity === "error").map((issue) => describePortalIssue(issue, "en"));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown).size).toBe(shown.length);
  });
});

describe("the period the responses are taken for", () => {
  it("warns when no response has a chart to check the period against", () => {
    const result = importPortalResponses([sampleFile("transparency")], { period: "2026-07" });
    expect(result.document).not.toBeNull();
    const unchecked = result.issues.filter((issue) => issue.code === "period_unchecked");
    expect(unchecked.map((issue) => issue.severity)).toEqual(["warning"]);
    expect(describePortalIssue(unchecked[0]!, "vi")).toMatch(/không kiểm tra được chúng có đúng kỳ 2026-07/);
  });

  it("says nothing of it when a chart checked the months", () => {
    const result = importPortalResponses([sampleFile("dvc-progress-tree")], { period: "2026-08" });
    expect(result.issues.map((issue) => issue.code)).not.toContain("period_unchecked");
  });
});
