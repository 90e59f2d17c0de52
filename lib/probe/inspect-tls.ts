import tls from "node:tls";
import type { ProbeTls } from "./probe-report";

// What the site's TLS looks like: protocol, certificate subject, issuer and expiry, and whether the
// chain is trusted. The certificate is read even when it is not trusted (that is the point).

const DAY_MS = 86_400_000;

export function inspectTls(baseUrl: string, options: { timeoutMs: number; now?: Date }): Promise<ProbeTls> {
  const url = new URL(baseUrl);
  if (url.protocol !== "https:") return Promise.resolve({ kind: "plain-http" });
  const port = url.port === "" ? 443 : Number(url.port);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ProbeTls) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    const socket = tls.connect({ host: url.hostname, port, servername: isIpAddress(url.hostname) ? undefined : url.hostname, rejectUnauthorized: false });
    socket.setTimeout(options.timeoutMs, () => finish({ kind: "error", message: `no TLS handshake within ${options.timeoutMs / 1000} s` }));
    socket.once("secureConnect", () => {
      const certificate = socket.getPeerCertificate();
      const validTo = certificate.valid_to ? new Date(certificate.valid_to) : null;
      const now = options.now ?? new Date();
      const trustError = socket.authorizationError ? String(socket.authorizationError) : null;
      finish({
        kind: "tls",
        protocol: socket.getProtocol(),
        subject: distinguishedName(certificate.subject),
        issuer: distinguishedName(certificate.issuer),
        validFrom: certificate.valid_from ? new Date(certificate.valid_from).toISOString() : null,
        validTo: validTo ? validTo.toISOString() : null,
        daysLeft: validTo ? Math.floor((validTo.getTime() - now.getTime()) / DAY_MS) : null,
        trusted: socket.authorized,
        trustError,
      });
    });
    socket.once("error", (error) => finish({ kind: "error", message: `TLS handshake failed: ${error.message}` }));
  });
}

function distinguishedName(name: tls.PeerCertificate["subject"] | undefined): string | null {
  if (!name) return null;
  const parts = Object.entries(name).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join("+") : value}`);
  return parts.length > 0 ? parts.join(", ") : null;
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(":");
}
