import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold text-slate-950">Not found</h1>
      <p className="text-slate-800">
        There is no page here. If you followed a link to a property, it may have a different rate number on this roll, or be listed under the other
        title type.
      </p>
      <p>
        <Link href="/" className="font-medium text-blue-800 underline">
          Search the valuation roll
        </Link>
      </p>
    </div>
  );
}
