/** What a page shows for a message its catalogue lacks: marked so browser tests find it (they fail on "⟦"). */
export function missingMessage({ namespace, key }: { namespace?: string; key: string }): string {
  return `⟦${namespace ? `${namespace}.` : ""}${key}⟧`;
}
