import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";

// The comparables' values per m² as dots on one line, the property's as a larger dot: where it
// stands at a glance. The comparison table beside it carries the same numbers for screen readers.

type Props = { own: number; others: number[] };

const WIDTH = 600;
const HEIGHT = 64;
const PAD = 24;

export function ValuePerM2Strip({ own, others }: Props) {
  const t = useTranslations("objection.strip");
  const format = useFormat();
  const rand = (value: number) => format.rand(Math.round(value));
  const all = [own, ...others];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const x = (value: number) => (high === low ? WIDTH / 2 : PAD + ((value - low) / (high - low)) * (WIDTH - 2 * PAD));
  return (
    <figure className="space-y-1" data-testid="value-per-m2-strip" data-own={own} data-count={others.length}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-16 w-full max-w-xl" role="img" aria-label={t("label", { own: rand(own), low: rand(low), high: rand(high) })}>
        <line x1={PAD} x2={WIDTH - PAD} y1={32} y2={32} className="stroke-slate-400" strokeWidth={2} />
        {others.map((value, index) => (
          <circle key={index} cx={x(value)} cy={32} r={5} className="fill-slate-500 opacity-70" />
        ))}
        <circle cx={x(own)} cy={32} r={9} className="fill-blue-800 stroke-white" strokeWidth={2} />
        <text x={PAD} y={60} className="fill-slate-800 text-[13px]">{rand(low)}</text>
        <text x={WIDTH - PAD} y={60} textAnchor="end" className="fill-slate-800 text-[13px]">{rand(high)}</text>
      </svg>
      <figcaption className="text-sm text-slate-700">{t("caption")}</figcaption>
    </figure>
  );
}
