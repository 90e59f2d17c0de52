import type { ReactNode } from "react";

export type Fact = { label: string; value: ReactNode };

/** Label–value pairs, two columns on wider screens; empty values are left out. */
export function FactList({ facts, testId }: { facts: Fact[]; testId?: string }) {
  const present = facts.filter((fact) => fact.value !== null && fact.value !== undefined && fact.value !== "");
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2" data-testid={testId}>
      {present.map((fact) => (
        <div key={fact.label} className="min-w-0 border-b border-slate-200 pb-2">
          <dt className="text-sm text-slate-700">{fact.label}</dt>
          <dd className="break-words text-slate-950">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
