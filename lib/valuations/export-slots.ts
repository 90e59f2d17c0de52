// Exports hold a database connection for as long as their reader takes, so they get a bounded
// number of slots per web process (their own pool has exactly that many connections), and a client
// may hold only a few of them. A refused export is answered at once, never queued.

export type SlotRefusal = { reason: "busy" | "client"; limit: number };
export type Slot = { ok: true; release: () => void } | ({ ok: false } & SlotRefusal);

export class ExportSlots {
  private active = 0;
  private readonly byClient = new Map<string, number>();

  constructor(
    readonly max: number,
    readonly perClient: number,
  ) {}

  acquire(client: string): Slot {
    if (this.active >= this.max) return { ok: false, reason: "busy", limit: this.max };
    const held = this.byClient.get(client) ?? 0;
    if (held >= this.perClient) return { ok: false, reason: "client", limit: this.perClient };
    this.active += 1;
    this.byClient.set(client, held + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.active -= 1;
        const left = (this.byClient.get(client) ?? 1) - 1;
        if (left > 0) this.byClient.set(client, left);
        else this.byClient.delete(client);
      },
    };
  }

  usage(): { active: number; max: number; perClient: number } {
    return { active: this.active, max: this.max, perClient: this.perClient };
  }
}

/** The problem answer to a refused export: 503 when every slot is taken, 429 when this client holds its share. */
export function exportRefusal(refusal: SlotRefusal, retryAfterSeconds: number) {
  return refusal.reason === "busy"
    ? {
        type: "/problems/exports-busy",
        title: "Too many exports in progress",
        status: 503 as const,
        detail: `This server is already streaming ${refusal.limit} exports. Retry after ${retryAfterSeconds} seconds, or page through the JSON listing.`,
      }
    : {
        type: "/problems/too-many-exports",
        title: "Too many exports from this client",
        status: 429 as const,
        detail: `This client already has ${refusal.limit} exports in progress; finish one first.`,
      };
}
