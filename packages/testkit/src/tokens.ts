// Issued tokens. Access tokens expire after the configured lifetime (real clock);
// refresh tokens stay valid for the server's life, as a fresh login would.
import { randomBytes } from "node:crypto";
import type { TokenResponse } from "./types.js";

/** How `.issued`/`.expires` are written: ISO 8601 UTC as the document declares, or RFC 1123. */
export const TOKEN_DATES = ["iso8601", "rfc1123"] as const;
export type TokenDates = (typeof TOKEN_DATES)[number];

interface AccessToken {
  userName: string;
  expiresAt: number;
}

export class TokenStore {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, string>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly dates: TokenDates = "iso8601",
  ) {}

  issue(userName: string): TokenResponse {
    const accessToken = randomBytes(32).toString("base64url");
    const refreshToken = randomBytes(32).toString("base64url");
    const issuedAt = Date.now();
    const expiresAt = issuedAt + this.ttlSeconds * 1000;
    this.access.set(accessToken, { userName, expiresAt });
    this.refresh.set(refreshToken, userName);
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      token_type: "bearer",
      expires_in: Math.ceil(this.ttlSeconds),
      userName,
      ".issued": this.format(issuedAt),
      ".expires": this.format(expiresAt),
    };
  }

  private format(ms: number): string {
    const date = new Date(ms);
    return this.dates === "rfc1123" ? date.toUTCString() : date.toISOString();
  }

  /** The user a refresh token belongs to, or undefined. */
  refreshUser(refreshToken: string): string | undefined {
    return this.refresh.get(refreshToken);
  }

  isValid(accessToken: string): boolean {
    const entry = this.access.get(accessToken);
    return entry !== undefined && entry.expiresAt > Date.now();
  }

  expire(accessToken: string): void {
    const entry = this.access.get(accessToken);
    if (entry) entry.expiresAt = 0;
  }

  expireAll(): void {
    for (const entry of this.access.values()) entry.expiresAt = 0;
  }
}
