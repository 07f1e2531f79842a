import { DuckDBInstance } from "@duckdb/node-api";
const i = await DuckDBInstance.create(":memory:"); const c = await i.connect();
const t = (l, f) => async () => { const s = performance.now(); const cp = process.cpuUsage(); await f(); const u = process.cpuUsage(cp); console.log(l, Math.round(performance.now() - s), "ms cpu", Math.round((u.user + u.system) / 1000)); };
await t("make", () => c.run("CREATE TABLE a AS SELECT 'HS-202601-' || lpad(CAST(i AS VARCHAR), 8, '0') AS id, i FROM range(300000) t(i); CREATE TABLE b AS SELECT 'HS-202601-' || lpad(CAST(i % 300000 AS VARCHAR), 8, '0') AS id, i FROM range(1100000) t(i)"))();
await t("join", () => c.runAndReadAll("SELECT COUNT(*) FROM a JOIN b ON a.id = b.id"))();
await t("group", () => c.runAndReadAll("SELECT COUNT(*) FROM (SELECT id, MIN(i), MAX(i), SUM(i) FROM b GROUP BY id)"))();
