import { afterAll, describe, expect, it, vi } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";

// Property pages name their owners, so search engines are kept off them (robots.txt and a noindex
// meta tag) unless the deployment sets SEARCH_ENGINE_INDEXING=true; the API and admin area always.

// generateMetadata words its title with next-intl's request-scoped getTranslations, which a test has
// no request for: here it gets the English catalogue.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { CATALOGUES } = await import("@/lib/i18n/catalogues");
  return {
    getLocale: async () => "en",
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: CATALOGUES.en, namespace: namespace as never }),
  };
});

type RobotsModule = { default: () => { rules: { userAgent: string; allow: string; disallow: string[] }[] } };
type PageModule = {
  generateMetadata: (props: { params: Promise<{ rateNumber: string }>; searchParams: Promise<Record<string, string>> }) => Promise<{ robots?: unknown; title?: unknown }>;
};

async function load(env: Record<string, string>): Promise<{ api: ApiHarness; robots: RobotsModule; page: PageModule }> {
  const api = await startApiHarness(env);
  return {
    api,
    robots: (await import("@/app/robots")) as unknown as RobotsModule,
    page: (await import("@/app/valuations/[rateNumber]/page")) as unknown as PageModule,
  };
}

const metadataOf = (page: PageModule, rateNumber: string) =>
  page.generateMetadata({ params: Promise.resolve({ rateNumber }), searchParams: Promise.resolve({ title: "full" }) });

describe("by default", () => {
  let context: Awaited<ReturnType<typeof load>>;
  let seed: SeedSummary;
  afterAll(async () => context?.api.close());

  it("robots.txt keeps crawlers off property pages, the API and the admin area, and names no sitemap", async () => {
    context = await load({ SEARCH_ENGINE_INDEXING: "false" });
    seed = await seedValuations(context.api.db);
    const robots = context.robots.default();
    expect(robots).toEqual({ rules: [{ userAgent: "*", allow: "/", disallow: ["/valuations/", "/api/", "/admin"] }] });
    expect(robots).not.toHaveProperty("sitemap");
  });

  it("gives a property page (and its not-found answer) noindex, nofollow", async () => {
    const found = await metadataOf(context.page, seed.crossRoll);
    expect(found.title).toEqual(expect.any(String));
    expect(found.robots).toEqual({ index: false, follow: false });
    expect((await metadataOf(context.page, "99999999")).robots).toEqual({ index: false, follow: false });
  });
});

describe("with SEARCH_ENGINE_INDEXING=true", () => {
  let context: Awaited<ReturnType<typeof load>>;
  afterAll(async () => context?.api.close());

  it("lets crawlers read property pages, never the API or the admin area", async () => {
    context = await load({ SEARCH_ENGINE_INDEXING: "true" });
    expect(context.robots.default()).toEqual({ rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/admin"] }] });
    expect((await metadataOf(context.page, "99999999")).robots).toEqual({ index: true, follow: true });
  });
});
