"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

// Sending a change to the audited admin API from a panel: busy while it runs, the answer's problem
// (or "done") as a message, and the page's data read again after a success.

/** The words of a problem answer: its detail, or each bad parameter (the API's English), else `fallback` with the status. */
export async function problemText(response: Response, fallback: (status: number) => string): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { parameter: string; message: string }[] };
  if (body.errors?.length) return body.errors.map((error) => `${error.parameter} ${error.message}`).join("; ");
  return body.detail ?? fallback(response.status);
}

export function useAdminRequest() {
  const t = useTranslations("admin");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function send(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body: Record<string, unknown>, done: string): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!response.ok) {
        setMessage(await problemText(response, (status) => t("serverAnswered", { status: String(status) })));
        return false;
      }
      setMessage(done);
      router.refresh();
      return true;
    } catch {
      setMessage(t("unreachable"));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, message, send };
}
