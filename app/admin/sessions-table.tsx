"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime } from "@/lib/format/format-date";
import type { SessionJson } from "@/lib/auth/session-json";

// The admin sessions still alive, with a button to end any of them but this browser's own (which
// signs out with the header's button). Ending one signs that browser out at its next request.

export function SessionsTable({ sessions }: { sessions: SessionJson[] }) {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function end(session: SessionJson) {
    setBusy(session.id);
    setNotice(null);
    try {
      const response = await fetch(`/api/admin/sessions/${session.id}`, { method: "DELETE" });
      if (response.status === 204) router.refresh();
      else setNotice(((await response.json()) as { detail?: string }).detail ?? `The session could not be ended (HTTP ${response.status}).`);
    } catch {
      setNotice("The server could not be reached.");
    } finally {
      setBusy(null);
    }
  }

  if (sessions.length === 0) return <p>No browser is signed in (scripts use the API token).</p>;
  return (
    <div className="overflow-x-auto">
      {notice && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">{notice}</p>}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Signed-in sessions, most recently used first</caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="p-1">Session</th>
            <th scope="col" className="p-1">Signed in</th>
            <th scope="col" className="p-1">Last used</th>
            <th scope="col" className="p-1">Ends at the latest</th>
            <th scope="col" className="p-1">From</th>
            <th scope="col" className="p-1"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} className="border-b border-slate-100">
              <td className="p-1">{session.label}{session.current ? " (this browser)" : ""}</td>
              <td className="p-1 whitespace-nowrap">{formatDateTime(session.createdAt)}</td>
              <td className="p-1 whitespace-nowrap">{formatDateTime(session.lastSeenAt)}</td>
              <td className="p-1 whitespace-nowrap">{formatDateTime(session.expiresAt)}</td>
              <td className="p-1" title={session.userAgent ?? ""}>{session.clientAddress}</td>
              <td className="p-1">
                {!session.current && (
                  <button type="button" disabled={busy !== null} onClick={() => end(session)} className="rounded border border-red-400 px-2 py-0.5 text-red-800 hover:bg-red-50 disabled:opacity-50">
                    End session
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
