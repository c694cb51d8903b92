// A raw HTTP exchange: the suite needs the exact status, content type and body text a
// server sent, and an extra CA for self-signed servers, so it talks node:http(s) directly.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface HttpRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Media type without parameters, lower case; "" when the header is missing. */
  mediaType: string;
  contentType: string;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface HttpOptions {
  ca?: string;
  timeoutMs?: number;
}

export function send(req: HttpRequest, options: HttpOptions = {}): Promise<HttpResponse> {
  const url = new URL(req.url);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
  return new Promise((resolve, reject) => {
    const client = request(url, { method: req.method, headers, ca: options.ca, timeout: options.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const contentType = String(res.headers["content-type"] ?? "");
        resolve({
          status: res.statusCode ?? 0,
          contentType,
          mediaType: contentType.split(";")[0]!.trim().toLowerCase(),
          text: Buffer.concat(chunks).toString("utf8"),
          headers: res.headers,
        });
      });
    });
    client.on("timeout", () => client.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms`)));
    client.on("error", (error) => reject(new Error(`${req.method} ${url.pathname}${url.search}: ${error.message}`)));
    client.end(req.body);
  });
}
