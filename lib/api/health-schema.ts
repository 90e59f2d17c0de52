import { z } from "zod";

export const HealthSchema = z
  .object({ status: z.literal("ok") })
  .meta({ id: "Health", description: "The web process is up. The database is not checked." });

export type Health = z.infer<typeof HealthSchema>;
