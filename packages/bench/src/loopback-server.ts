// Child process for item 2: the smallest node:http server that answers every request with
// the same page, so the loopback benchmark measures clients and sockets, not a server.
import { createServer } from "node:http";
import { exitWithParent } from "./child.js";
import { PAGE_BODY } from "./fixtures.js";

const body = Buffer.from(PAGE_BODY);
const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  console.log(JSON.stringify({ url: `http://127.0.0.1:${address.port}` }));
});
exitWithParent();
