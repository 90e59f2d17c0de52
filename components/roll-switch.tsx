import Link from "next/link";
import type { Roll } from "@/lib/config";
import { ROLL_IDS, ROLL_LABELS } from "@/lib/search-state/search-state";

/** Links to the same page on each roll; the current one is marked. */
export function RollSwitch({ current, hrefFor }: { current: Roll; hrefFor: (roll: Roll) => string }) {
  return (
    <nav aria-label="Valuation roll" className="flex flex-wrap gap-2 text-sm">
      {ROLL_IDS.map((roll) => (
        <Link
          key={roll}
          href={hrefFor(roll)}
          aria-current={roll === current ? "page" : undefined}
          className="rounded-full border border-slate-400 px-3 py-1.5 text-slate-900 hover:bg-slate-100 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white"
        >
          {ROLL_LABELS[roll]}
        </Link>
      ))}
    </nav>
  );
}
