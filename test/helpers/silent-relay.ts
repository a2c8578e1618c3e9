// A "mail relay" that accepts TCP connections and never says a word (a hung relay, or a
// firewall that completes the handshake), or says only its greeting and then nothing:
// remembers when each connection opened and closed.
import net from 'node:net';

export interface SilentRelay {
  port: number;
  connections: { openedAt: number; closedAt?: number }[];
  /** Stops listening and drops the connections still open. */
  close(): Promise<void>;
}

/** `greeting`: a line sent on connect (e.g. "220 relay ready"), before going silent. */
export async function startSilentRelay({ greeting }: { greeting?: string } = {}): Promise<SilentRelay> {
  const connections: SilentRelay['connections'] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const record: SilentRelay['connections'][number] = { openedAt: Date.now() };
    connections.push(record);
    sockets.add(socket);
    socket.on('error', () => {});
    if (greeting) socket.write(`${greeting}\r\n`);
    socket.once('close', () => {
      record.closedAt ??= Date.now();
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
