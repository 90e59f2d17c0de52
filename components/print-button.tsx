"use client";

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 print:hidden">
      {label}
    </button>
  );
}
