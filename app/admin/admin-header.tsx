import Link from "next/link";

// The admin pages' heading, with sign-out (a plain form: it works without JavaScript).

export function AdminHeader({ who }: { who: string }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 pb-3">
      <div>
        <p className="text-sm text-slate-600">
          <Link href="/" className="underline">Durban Valuation Roll Explorer</Link> · <Link href="/admin" className="underline">Admin</Link>
        </p>
      </div>
      <form method="post" action="/api/admin/sign-out" className="flex items-center gap-2 text-sm">
        <span className="text-slate-600">Signed in ({who})</span>
        <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">Sign out</button>
      </form>
    </header>
  );
}
