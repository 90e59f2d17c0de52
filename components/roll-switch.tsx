import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RollId, RollOption } from "@/lib/rolls/roll-id";

/** Links to the same page on each roll of the registry (newest first); the current one is marked. */
export function RollSwitch({ rolls, current, hrefFor }: { rolls: readonly RollOption[]; current: RollId; hrefFor: (roll: RollId) => string }) {
  const t = useTranslations("common.rollSwitch");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-2 text-sm">
      {rolls.map((roll) => (
        <Link
          key={roll.id}
          href={hrefFor(roll.id)}
          aria-current={roll.id === current ? "page" : undefined}
          className="rounded-full border border-slate-400 px-3 py-1.5 text-slate-900 hover:bg-slate-100 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white"
        >
          {roll.label}
        </Link>
      ))}
    </nav>
  );
}
