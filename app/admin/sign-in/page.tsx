import { redirect } from "next/navigation";
import { adminPageAccess } from "@/lib/auth/admin-page";
import { AdminOff } from "../admin-off";

// The admin sign-in form. It posts to /api/admin/sign-in, which redirects back here with ?error=
// when the password was wrong or the client is locked out.

export const dynamic = "force-dynamic";
export const metadata = { title: "Admin sign-in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function message(error: string | undefined, retryAfter: string | undefined): string | null {
  if (error === "wrong-password") return "That password is wrong. After a few wrong tries, sign-in is locked for a while.";
  if (error === "locked") {
    const minutes = Math.max(1, Math.ceil(Number(retryAfter ?? "900") / 60));
    return `Too many wrong passwords from this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await adminPageAccess();
  if (access.state === "signed-in") redirect("/admin");
  const params = await searchParams;
  const error = message(typeof params.error === "string" ? params.error : undefined, typeof params.retryAfter === "string" ? params.retryAfter : undefined);
  return (
    <>
      <h1 className="text-2xl font-semibold">Admin sign-in</h1>
      {access.state === "off" ? (
        <AdminOff availability={access.availability} />
      ) : (
        <form method="post" action="/api/admin/sign-in" className="max-w-sm space-y-3">
          {error && (
            <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
              {error}
            </p>
          )}
          <label className="block">
            <span className="block font-medium">Password</span>
            <input
              type="password"
              name="password"
              required
              autoComplete="current-password"
              autoFocus
              className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
            />
          </label>
          <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
            Sign in
          </button>
        </form>
      )}
    </>
  );
}
