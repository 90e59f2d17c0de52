import { formatDateTime } from "@/lib/format/format-date";
import type { AuditLog } from "@/lib/generated/prisma/client";

// The latest entries of the audit log.

export function AuditTable({ entries }: { entries: AuditLog[] }) {
  if (entries.length === 0) return <p>Nothing recorded yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit log, newest first</caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="p-1">When</th>
            <th scope="col" className="p-1">Who</th>
            <th scope="col" className="p-1">What</th>
            <th scope="col" className="p-1">Outcome</th>
            <th scope="col" className="p-1">About</th>
            <th scope="col" className="p-1">From</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={String(entry.id)} className="border-b border-slate-100">
              <td className="p-1 whitespace-nowrap">{formatDateTime(entry.at)}</td>
              <td className="p-1">{entry.actor}</td>
              <td className="p-1">{entry.action}</td>
              <td className="p-1">{entry.outcome}</td>
              <td className="p-1">{entry.target ?? ""}</td>
              <td className="p-1">{entry.clientAddress}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
