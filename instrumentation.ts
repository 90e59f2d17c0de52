// Runs once when the Next server starts (next start and the standalone server.js alike).

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ config }, { installPeerAddressStamp }] = await Promise.all([import("@/lib/config"), import("@/lib/api/peer-address")]);
  installPeerAddressStamp(config.TRUSTED_PROXY_HOPS);
}
