import Link from "next/link";
import type { OwnerNamesShown } from "@/lib/owners/owner-policy";

// What the property page says about its owners' names: withheld at the owner's request (and where
// to correct the official roll), not shown by this deployment, or shown only here and how to ask
// for that to stop.

export const MUNICIPALITY_SITE = "https://www.durban.gov.za/";

export function OwnerNamesNote({ shown }: { shown: OwnerNamesShown }) {
  if (shown === "withheld-at-owner-request") {
    return (
      <p role="note" className="rounded-md border border-slate-300 bg-white p-3 text-slate-900" data-testid="owner-names-note">
        The owner&apos;s name is withheld here at the owner&apos;s request. The official valuation roll is kept by eThekwini
        Municipality&apos;s valuation department: to correct it, contact the municipality through{" "}
        <a href={MUNICIPALITY_SITE} className="text-blue-800 underline">
          www.durban.gov.za
        </a>
        .
      </p>
    );
  }
  if (shown === "withheld-by-deployment") {
    return (
      <p className="text-sm text-slate-800" data-testid="owner-names-note">
        This site does not show owner names. The municipality&apos;s own valuation roll lists the first owner of each property.
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-800" data-testid="owner-names-note">
      Owner names appear only on a property&apos;s own page, as on the municipality&apos;s site, and are not searchable here.{" "}
      <Link href="/about#owner-names" className="text-blue-800 underline">
        How to ask for a name to be withheld
      </Link>
      .
    </p>
  );
}
