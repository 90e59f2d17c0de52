import { useTranslations } from "next-intl";
import { adminProblemOf, type AdminAvailability } from "@/lib/auth/admin-settings";

// What /admin shows while the admin area is switched off: how to switch it on.

const STEPS = ["hash", "set", "token", "restart"] as const;

export function AdminOff({ availability }: { availability: AdminAvailability }) {
  const t = useTranslations("admin.off");
  return (
    <section aria-labelledby="admin-off" className="rounded border border-amber-300 bg-amber-50 p-4">
      <h2 id="admin-off" className="text-lg font-semibold">{t("heading")}</h2>
      {availability.problems.map((problem) => {
        const known = adminProblemOf(problem);
        return (
          <p key={problem} className="mt-2 font-medium text-amber-900">{known ? t(`problems.${known}`) : problem}</p>
        );
      })}
      {availability.token && <p className="mt-2">{t("tokenOnly")}</p>}
      <p className="mt-2">{t("toTurnOn")}</p>
      <ol className="mt-1 list-decimal space-y-1 pl-6">
        {STEPS.map((step) => (
          <li key={step}>{t(`steps.${step}`, { token: "<token>" })}</li>
        ))}
      </ol>
    </section>
  );
}
