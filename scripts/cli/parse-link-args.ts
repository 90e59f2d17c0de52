import { parseArgs } from "node:util";
import type { RollId } from "@/lib/rolls/roll-id";
import { rollIdSchema } from "@/lib/rolls/roll-id-schema";

export const LINK_USAGE = `Usage: npm run link-rolls -- --from <roll> --to <roll>

Links every property of the older roll (--from) to the property or properties it became on the
newer roll (--to): by rate number, by legal description (a new rate number), through
subdivisions and consolidations, and from an erf to the units of a sectional scheme built on it. Replaces the pair's earlier links. A complete whole-roll scrape
does this by itself for a general roll and every other general roll held; run this after a partial scrape, to redo it, or to link a supplementary roll.

Options:
  --from <roll>   the older roll, e.g. gv2022
  --to <roll>     the newer roll, e.g. gv2026
  -h, --help      this text (no database needed)

Uses DATABASE_URL, or the embedded database under .data/ when it is unset.
Exit codes: 0 linked, 1 failed (e.g. a roll not stored), 2 bad options.`;

export class LinkUsageError extends Error {}

export type LinkCommand = { kind: "help" } | { kind: "link"; from: RollId; to: RollId };

function rollOption(name: string, value: string | undefined): RollId {
  if (value === undefined) throw new LinkUsageError(`--${name} is required`);
  const parsed = rollIdSchema.safeParse(value);
  if (!parsed.success) throw new LinkUsageError(`--${name} ${parsed.error.issues[0]?.message ?? "is not valid"} (got "${value}")`);
  return parsed.data;
}

export function parseLinkArgs(argv: string[]): LinkCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new LinkUsageError((error as Error).message);
  }
  if (values.help) return { kind: "help" };
  const from = rollOption("from", values.from);
  const to = rollOption("to", values.to);
  if (from === to) throw new LinkUsageError("--from and --to must be different rolls");
  return { kind: "link", from, to };
}
