// Workspace packages resolve to their TypeScript sources through the "@chiso/source" export
// condition, so tests need no build (the pattern of zod and TanStack).
const sourceConditions = ["@chiso/source", "module", "node", "development|production"];

export const sourceResolve = {
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
};
