import { config } from "@/lib/config";
import { ownerPolicy } from "@/lib/owners/owner-policy";
import { OWNER_FIELD } from "@/lib/owners/redact-owner-names";

export { redactChange } from "@/lib/owners/redact-owner-names";

// Change records without owner names (POPIA): unless the deployment sets OWNER_NAMES=full, an owner
// change is stored as `fields: ["firstOwner"]` with no names before or after, and the rows an added
// or removed record carries leave the owner out.

/** Whether change records keep owner names: the deployment's OWNER_NAMES unless a caller says. */
export function historyKeepsOwnerNames(keep?: boolean): boolean {
  return keep ?? ownerPolicy(config.OWNER_NAMES).inHistory;
}

/** SQL: the displayed cells (a jsonb expression) as a change record stores them. */
export function displayedForHistory(expression: string, keepOwnerNames: boolean): string {
  return keepOwnerNames ? expression : `(${expression} - '${OWNER_FIELD}')`;
}
