// Given credentials in `auth`, the client calls this endpoint
// itself: it logs in once, reuses the token and renews it
// before it expires. Ask for a token yourself only when some
// other tool needs one. This call takes no bearer token: the
// client sends it as it is, without logging in first.
import { createVbm365Client } from "@vbm365/client";

const { VBM365_URL, VBM365_USERNAME, VBM365_PASSWORD } = process.env;
if (!VBM365_URL || !VBM365_USERNAME || !VBM365_PASSWORD) {
  console.error("Set VBM365_URL, VBM365_USERNAME, VBM365_PASSWORD.");
  process.exit(1);
}

const vbm = createVbm365Client({
  baseUrl: VBM365_URL,
  auth: { username: VBM365_USERNAME, password: VBM365_PASSWORD },
  apiVersion: "auto", // the newest the server serves
});

// The token path follows the version: POST /v8/token on a
// VBM365 8 server. Every version's token request takes the
// same form; v7 and v8 want disable_antiforgery_token=true
// from scripts.
const version = await vbm.apiVersion();
const tokenPath = `/${version}/token` as const;
const { data, error, response } = await vbm.api.POST(tokenPath, {
  body: {
    grant_type: "password",
    username: VBM365_USERNAME,
    password: VBM365_PASSWORD,
  },
  bodySerializer: (body) => {
    const form = new URLSearchParams(body as Record<string, string>);
    if (version !== "v6") form.set("disable_antiforgery_token", "true");
    return form.toString();
  },
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});
if (!data) {
  const reason = error?.message ?? "no message";
  console.error(`Login failed (${response.status}): ${reason}`);
  process.exit(1);
}
// data.access_token is the bearer token; data.refresh_token
// renews it (grant_type=refresh_token). Keep both out of logs.
console.log(`Token issued, valid ${data.expires_in} s.`);
