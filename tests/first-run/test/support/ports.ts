// Free loopback ports for the servers `npm start` runs, so the test never collides with a
// developer's own `npm start` on the default ports or with another suite.
import { createConnection, createServer, type Server } from "node:net";

function listen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(undefined));
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** `count` consecutive ports that are free now (the mocks take MOCK_PORT and the ones after it). */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await listen(0);
    if (!first) continue;
    const base = (first.address() as { port: number }).port;
    const rest: Server[] = [];
    for (let offset = 1; offset < count; offset++) {
      const next = base + offset <= 65535 ? await listen(base + offset) : undefined;
      if (!next) break;
      rest.push(next);
    }
    await Promise.all([first, ...rest].map(close));
    if (rest.length === count - 1) return base;
  }
  throw new Error(`found no ${count} consecutive free loopback ports in 50 tries`);
}

/** True when something accepts connections on the port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
