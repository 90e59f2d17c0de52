// Runs once when the Next server starts (next start and the standalone server.js alike), before
// it answers: production refuses unsafe settings, the client address gets its socket peer, and a
// DEFAULT_ROLL the roll registry lacks is said at once.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ config, refuseUnsafeProduction }, { installPeerAddressStamp }] = await Promise.all([import("@/lib/config"), import("@/lib/api/peer-address")]);
  refuseUnsafeProduction();
  installPeerAddressStamp(config.TRUSTED_PROXY_HOPS);
  if (config.DEFAULT_ROLL !== undefined && config.DATABASE_URL !== undefined && process.env.NEXT_PHASE !== "phase-production-build") {
    const [{ database }, { checkDefaultRoll }, { log }] = await Promise.all([import("@/lib/db/client"), import("@/lib/rolls/roll-registry"), import("@/lib/log")]);
    void checkDefaultRoll(database(), { error: (message) => log.error(message) });
  }
}
