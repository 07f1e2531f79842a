import { useMessages } from "../context.js";
import type { Route } from "../route.js";
import { ComparePage } from "./Compare.js";
import { QualityPage } from "./Quality.js";
import { RankingPage } from "./Ranking.js";
import { RejectedPage } from "./Rejected.js";
import { UnitPage } from "./Unit.js";

/**
 * Every view but the overview: loaded with the model, after the first screen is drawn (their code, the planner
 * and core's scoring and explanations, is not on the first render's path).
 */
export function Page({ route }: { route: Route }) {
  const messages = useMessages();
  const [view, ...rest] = route.path;
  switch (view) {
    case "ranking":
      return <RankingPage level={rest[0] === "commune" ? "commune" : "department"} />;
    case "unit":
      return <UnitPage unitId={rest[0] ?? ""} />;
    case "compare":
      return <ComparePage ids={(route.query.get("units") ?? "").split(",").filter(Boolean)} />;
    case "quality":
      return <QualityPage />;
    case "rejected":
      return <RejectedPage />;
    default:
      return <p role="alert">{messages.notFound}</p>;
  }
}
