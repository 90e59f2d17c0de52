import http from "node:http";

// Makes X-Forwarded-For end with the socket's peer on every request the Node server receives,
// before Next reads it (Next itself only sets the header when it is missing, so a client could
// name any address). With no trusted proxy, whatever forwarded headers the client sent are
// dropped: the chain is just the peer, and Next derives host and scheme from the connection.
// Installed once by instrumentation.ts; see client-address.ts for how the chain is read.

type Stamped = typeof http.Server.prototype & { __peerAddressStamped?: true };

export function stampPeerAddress(request: http.IncomingMessage, trustedHops: number): void {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const sent = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  if (trustedHops === 0) {
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) delete request.headers[name];
  }
  request.headers["x-forwarded-for"] = trustedHops > 0 && sent ? `${sent}, ${peer}` : peer;
}

export function installPeerAddressStamp(trustedHops: number): void {
  const prototype = http.Server.prototype as Stamped;
  if (prototype.__peerAddressStamped) return;
  prototype.__peerAddressStamped = true;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeerAddress(args[0] as http.IncomingMessage, trustedHops);
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof prototype.emit;
}
