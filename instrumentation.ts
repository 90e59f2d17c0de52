// Runs once when the Next server starts (next start and the standalone server.js alike), before
// it answers: production refuses unsafe settings, and the client address gets its socket peer.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ config, refuseUnsafeProduction }, { installPeerAddressStamp }] = await Promise.all([import("@/lib/config"), import("@/lib/api/peer-address")]);
  refuseUnsafeProduction();
  installPeerAddressStamp(config.TRUSTED_PROXY_HOPS);
}
