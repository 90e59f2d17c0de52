import { ENABLE_ADMIN_STEPS, type AdminAvailability } from "@/lib/auth/admin-settings";

// What /admin shows while the admin area is switched off: how to switch it on.

export function AdminOff({ availability }: { availability: AdminAvailability }) {
  return (
    <section aria-labelledby="admin-off" className="rounded border border-amber-300 bg-amber-50 p-4">
      <h2 id="admin-off" className="text-lg font-semibold">The admin area is off</h2>
      {availability.problems.map((problem) => (
        <p key={problem} className="mt-2 font-medium text-amber-900">{problem}</p>
      ))}
      {availability.token && <p className="mt-2">API access with ADMIN_TOKEN is on; browser sign-in is not.</p>}
      <p className="mt-2">To turn it on:</p>
      <ol className="mt-1 list-decimal space-y-1 pl-6">
        {ENABLE_ADMIN_STEPS.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}
