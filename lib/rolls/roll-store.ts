import type { Database } from "@/lib/db/client";
import { Prisma, type ValuationRoll } from "@/lib/generated/prisma/client";
import type { AddRollInput, EditRollInput } from "./roll-input";
import { forgetRollRegistry, type RegisteredRoll } from "./roll-registry";

// Writes to the roll registry. Each write makes this process read the registry again at once;
// other processes see it within ROLL_REGISTRY_TTL_MS.

const day = (date: string | null) => (date === null ? null : new Date(`${date}T00:00:00Z`));
const isoDay = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));

/** A row as the registry's readers see it. */
export function registeredRoll(row: ValuationRoll): RegisteredRoll {
  return {
    id: row.id,
    label: row.label,
    baseUrl: row.baseUrl,
    valuationDate: isoDay(row.valuationDate),
    effectiveFrom: isoDay(row.effectiveFrom)!,
    effectiveTo: isoDay(row.effectiveTo),
    kind: row.kind,
    status: row.status,
    probeVerdict: row.probeVerdict,
    probeId: row.probeId,
  };
}

function columns(input: EditRollInput) {
  return {
    ...(input.label !== undefined ? { label: input.label } : {}),
    ...(input.baseUrl !== undefined ? { baseUrl: input.baseUrl } : {}),
    ...(input.valuationDate !== undefined ? { valuationDate: day(input.valuationDate) } : {}),
    ...(input.effectiveFrom !== undefined ? { effectiveFrom: day(input.effectiveFrom)! } : {}),
    ...(input.effectiveTo !== undefined ? { effectiveTo: day(input.effectiveTo) } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
  };
}

export async function findRegisteredRoll(db: Database, id: string): Promise<RegisteredRoll | null> {
  const row = await db.prisma.valuationRoll.findUnique({ where: { id } });
  return row ? registeredRoll(row) : null;
}

/** The new roll, or null when a roll with its id exists. */
export async function createRoll(db: Database, input: AddRollInput): Promise<RegisteredRoll | null> {
  try {
    const row = await db.prisma.valuationRoll.create({ data: { id: input.id, ...columns(input), effectiveFrom: day(input.effectiveFrom)!, label: input.label } });
    return registeredRoll(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  } finally {
    forgetRollRegistry(db);
  }
}

/** The roll as changed, or null when there is no roll with this id. */
export async function updateRoll(db: Database, id: string, patch: EditRollInput): Promise<RegisteredRoll | null> {
  try {
    const row = await db.prisma.valuationRoll.update({ where: { id }, data: { ...columns(patch), updatedAt: new Date() } });
    return registeredRoll(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") return null;
    throw error;
  } finally {
    forgetRollRegistry(db);
  }
}

/** Records the verdict of the probe run when the roll was saved. */
export async function recordRollProbe(db: Database, id: string, probe: { id: number; verdict: string }): Promise<RegisteredRoll> {
  const row = await db.prisma.valuationRoll.update({ where: { id }, data: { probeId: probe.id, probeVerdict: probe.verdict } });
  forgetRollRegistry(db);
  return registeredRoll(row);
}
