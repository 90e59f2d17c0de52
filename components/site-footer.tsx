import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">
        <p>
          An independent copy of eThekwini Municipality&apos;s published valuation rolls, refreshed nightly. Not an official
          municipal service: for objections and official records, contact the municipality.{" "}
          <Link href="/about" className="text-blue-800 underline">
            Where the data comes from
          </Link>
          .
        </p>
      </div>
    </footer>
  );
}
