import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminPageAccess } from "@/lib/auth/admin-page";
import { getFormat } from "@/lib/i18n/get-format";
import { AdminOff } from "../admin-off";

// The admin sign-in form. It posts to /api/admin/sign-in, which redirects back here with ?error=
// when the password was wrong or the client is locked out.

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.signIn");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await adminPageAccess();
  if (access.state === "signed-in") redirect("/admin");
  const [params, t, format] = await Promise.all([searchParams, getTranslations("admin.signIn"), getFormat()]);
  const error = typeof params.error === "string" ? params.error : undefined;
  const retryAfter = typeof params.retryAfter === "string" ? params.retryAfter : undefined;
  const minutes = Math.max(1, Math.ceil(Number(retryAfter ?? "900") / 60));
  const message = error === "wrong-password" ? t("wrongPassword") : error === "locked" ? t("locked", { minutes, count: format.number(minutes) }) : null;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {access.state === "off" ? (
        <AdminOff availability={access.availability} />
      ) : (
        <form method="post" action="/api/admin/sign-in" className="max-w-sm space-y-3">
          {message && (
            <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
              {message}
            </p>
          )}
          <label className="block">
            <span className="block font-medium">{t("password")}</span>
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
            {t("submit")}
          </button>
        </form>
      )}
    </>
  );
}
