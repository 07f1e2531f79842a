import { benchDossiers } from "/work/wt-dossiers/bench/dossiers.bench.mjs";
const r = await benchDossiers(); console.log(JSON.stringify(r, null, 1));
