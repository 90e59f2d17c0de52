import { formatNumber } from "./format-number";

/** Square metres: 1634 → "1 634 m²", 812.5 → "812,5 m²"; null → "Not given". */
export function formatExtent(squareMetres: number | null): string {
  if (squareMetres === null) return "Not given";
  return `${formatNumber(squareMetres, 2)}\u00a0m²`;
}
