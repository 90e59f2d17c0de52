import Link from "next/link";
import { useTranslations } from "next-intl";
import type { OwnerNamesShown } from "@/lib/owners/owner-policy";

// What the property page says about its owners' names: withheld at the owner's request (and where
// to correct the official roll), not shown by this deployment, or shown only here and how to ask
// for that to stop.

export const MUNICIPALITY_SITE = "https://www.durban.gov.za/";

export function OwnerNamesNote({ shown }: { shown: OwnerNamesShown }) {
  const t = useTranslations("property.ownerNames");
  if (shown === "withheld-at-owner-request") {
    return (
      <p role="note" className="rounded-md border border-slate-300 bg-white p-3 text-slate-900" data-testid="owner-names-note">
        {t.rich("withheld", {
          link: (chunks) => (
            <a href={MUNICIPALITY_SITE} className="text-blue-800 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    );
  }
  if (shown === "withheld-by-deployment") {
    return (
      <p className="text-sm text-slate-800" data-testid="owner-names-note">
        {t("notShown")}
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-800" data-testid="owner-names-note">
      {t.rich("shown", {
        link: (chunks) => (
          <Link href="/about#owner-names" className="text-blue-800 underline">
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}
