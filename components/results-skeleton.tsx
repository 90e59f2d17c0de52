/** Grey placeholders while a page of results loads (hidden from screen readers: the status line speaks). */
export function ResultsSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-hidden="true" className="space-y-2" data-testid="results-skeleton">
      {Array.from({ length: Math.min(rows, 10) }, (_, index) => (
        <div key={index} className="flex animate-pulse gap-3 rounded-md border border-slate-200 bg-white p-3">
          <div className="h-4 flex-[3] rounded bg-slate-200" />
          <div className="h-4 flex-1 rounded bg-slate-200" />
          <div className="hidden h-4 flex-[2] rounded bg-slate-200 md:block" />
          <div className="h-4 flex-1 rounded bg-slate-200" />
        </div>
      ))}
    </div>
  );
}
