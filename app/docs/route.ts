import { ApiReference } from "@scalar/nextjs-api-reference";
import { SITE_ICON } from "@/lib/site-icon";

// The interactive API reference. Everything comes from our own origin: the Scalar bundle is
// vendored under public/vendor/scalar, its web fonts and hosted services are switched off, and the
// Content-Security-Policy makes the browser refuse any other origin.

export const dynamic = "force-static";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

const render = ApiReference({
  url: "/api/openapi.json",
  cdn: "/vendor/scalar/standalone.js",
  pageTitle: "Durban Valuation Roll Explorer API",
  favicon: SITE_ICON,
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  mcp: { disabled: true },
  agent: { disabled: true },
});

export async function GET(): Promise<Response> {
  const response = render();
  response.headers.set("Content-Type", "text/html; charset=utf-8");
  response.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  return response;
}
