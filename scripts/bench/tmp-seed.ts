import { rollDatabase } from "/work/main/scripts/bench/lib/roll-database";
const t = Date.now();
console.log(await rollDatabase(1_000_000, 7), (Date.now() - t) / 1000, "s");
