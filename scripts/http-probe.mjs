// Health probe for the container (plain JavaScript: no TypeScript loader, starts in milliseconds).
//   node scripts/http-probe.mjs /api/health
// Exits 0 when http://127.0.0.1:$PORT<path> answers 2xx within 4 seconds, 1 otherwise.
const path = process.argv[2] ?? "/api/health";
const port = process.env.PORT || "3000";
try {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
