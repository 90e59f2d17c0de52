import { queryStack } from "./stack";

// One URL of each kind of page of the residents' app, on the e2e roll.

export async function residentPages(): Promise<{ name: string; path: string }[]> {
  const [property] = await queryStack<{ rate_number: string; title_type: string }>(
    `SELECT v.rate_number, v.title_type::text FROM valuations v
      WHERE v.roll = 'gv2022' AND EXISTS (SELECT 1 FROM valuation_changes c WHERE c.valuation_id = v.id AND c.kind = 'changed')
      ORDER BY v.rate_number LIMIT 1`,
  );
  const [suburb] = await queryStack<{ suburb_id: string }>(
    `SELECT suburb_id FROM valuations WHERE roll = 'gv2022' GROUP BY suburb_id ORDER BY count(*) DESC, suburb_id LIMIT 1`,
  );
  if (!property || !suburb) throw new Error("the e2e database is empty");
  return [
    { name: "search", path: "/" },
    { name: "search-results", path: "/?q=road&sort=-marketValue" },
    { name: "search-empty", path: "/?q=zzzqqq" },
    { name: "property", path: `/valuations/${property.rate_number}?title=${property.title_type}` },
    { name: "objection-summary", path: `/valuations/${property.rate_number}/objection?title=${property.title_type}` },
    { name: "suburbs", path: "/suburbs" },
    { name: "suburb", path: `/suburbs/${suburb.suburb_id}` },
    { name: "suburb-changes", path: `/suburbs/${suburb.suburb_id}?against=gv2017` },
    { name: "changes", path: "/changes/gv2022/gv2017" },
    { name: "glossary", path: "/glossary" },
    { name: "about", path: "/about" },
    { name: "not-found", path: "/no-such-page" },
  ];
}
