import type { PoolClient } from "pg";
import { listMigrations } from "@/lib/db/migrate";

// Whether every migration this build ships is applied: the readiness check's answer names the
// pending ones, so an operator knows to run the migrate command.

export type MigrationsCheck = { ok: boolean; applied: number; pending: string[]; error?: string };

let shippedMigrations: string[] | undefined;
/** The migrations on disk, read once (they do not change while the process runs). */
export function shippedMigrationNames(): string[] {
  return (shippedMigrations ??= listMigrations().map((migration) => migration.name));
}

export async function checkMigrations(client: PoolClient, shipped: string[]): Promise<MigrationsCheck> {
  if (shipped.length === 0) return { ok: false, applied: 0, pending: [], error: "this build ships no migrations: prisma/migrations is missing" };
  const { rows: table } = await client.query<{ exists: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`);
  if (!table[0]?.exists) return { ok: false, applied: 0, pending: shipped, error: "no migration has been applied: run the migrate command" };
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  const pending = shipped.filter((name) => !applied.has(name));
  return pending.length === 0 ? { ok: true, applied: applied.size, pending } : { ok: false, applied: applied.size, pending, error: "run the migrate command" };
}
