// The baseline server of the API benchmarks: node:http and pg running the same SQL as the app's
// list, search and detail endpoints (built by the same query builders), and nothing else: no
// validation, no rate limit, no caching headers, no serialisation beyond JSON.stringify.
// tsx scripts/bench/bare-server.ts <port> <database-url>
import { createServer } from "node:http";
import { createDatabase } from "@/lib/db/client";
import { buildPageQuery } from "@/lib/valuations/build-list-query";
import type { ValuationFilters } from "@/lib/valuations/list-query-schema";
import type { Sort } from "@/lib/valuations/sort-fields";
import { selectColumns } from "@/lib/valuations/valuation-row";

const [portArg, databaseUrl] = process.argv.slice(2);
if (!portArg || !databaseUrl) throw new Error("usage: bare-server.ts <port> <database-url>");
// Same pool as the app (lib/db/client, DATABASE_POOL_SIZE default 10, same type parsers).
const { pool } = createDatabase(databaseUrl);

function listSql(params: URLSearchParams) {
  const filters: ValuationFilters = { roll: "gv2022", includeRemoved: false };
  const suburb = params.get("suburb");
  const q = params.get("q");
  if (suburb) filters.suburb = suburb;
  if (q) filters.q = q;
  const sortParam = params.get("sort");
  const sort: Sort = sortParam
    ? { kind: "field", field: sortParam.replace(/^-/, "") as Extract<Sort, { kind: "field" }>["field"], descending: sortParam.startsWith("-") }
    : q
      ? { kind: "relevance" }
      : { kind: "field", field: "rateNumber", descending: false };
  const limit = Number(params.get("limit") ?? 50);
  return { query: buildPageQuery({ filters, sort, limit: limit + 1 }, { ownerSearch: false }), limit };
}

async function detail(rateNumber: string, title: string | null) {
  const values: unknown[] = ["gv2022", rateNumber];
  if (title) values.push(title);
  const { rows } = await pool.query<{ id: number; title_type: string; rate_number: string }>(
    `SELECT ${selectColumns("v")}, v.detail, v.detail_fetched_at FROM valuations v
      WHERE v.roll = $1 AND v.rate_number = $2 ${title ? "AND v.title_type = $3::title_type" : ""}
      ORDER BY v.title_type`,
    values,
  );
  const row = rows[0];
  if (!row) return null;
  const [history, others] = await Promise.all([
    pool.query(
      `SELECT run_id, kind, fields, before, after, changed_at FROM valuation_changes
        WHERE valuation_id = $1 ORDER BY changed_at DESC, id DESC LIMIT 1000`,
      [row.id],
    ),
    pool.query(
      `SELECT roll, title_type, rate_number, market_value, registered_extent, removed_at FROM valuations
        WHERE roll = ANY($1::text[]) AND title_type = $2::title_type AND rate_number = $3`,
      [["gv2017", "gv2012"], row.title_type, row.rate_number],
    ),
  ]);
  return { data: row, history: history.rows, otherRolls: others.rows };
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  };
  const handle = async () => {
    if (url.pathname === "/health") return send(200, { ok: true });
    if (url.pathname === "/list") {
      const { query, limit } = listSql(url.searchParams);
      const { rows } = await pool.query(query.text, query.values);
      return send(200, { data: rows.slice(0, limit) });
    }
    const detailMatch = /^\/detail\/(.+)$/.exec(url.pathname);
    if (detailMatch) {
      const body = await detail(decodeURIComponent(detailMatch[1]!), url.searchParams.get("title"));
      return body ? send(200, body) : send(404, { error: "not found" });
    }
    send(404, { error: "not found" });
  };
  handle().catch((error: Error) => send(500, { error: error.message }));
});
server.listen(Number(portArg), "127.0.0.1");
