// Redoc's sidebar footer loads the "API docs by Redocly" logo from Redocly's CDN, and no
// option turns that off. The page must make no request beyond its own host, so the
// attribution is kept but drawn from an inline SVG instead.
const cdnLogos = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];

function attributionSvg(text, width) {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="18" viewBox="0 0 ${width} 18">` +
    `<text x="0" y="14" font-family="system-ui, sans-serif" font-size="13" font-weight="600" fill="#5c6670">${text}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** Replaces the CDN logo URLs; throws if Redoc no longer has them, so a new one is noticed. */
export function inlineRedoclyAttribution(html) {
  const [full, mini] = cdnLogos;
  if (!html.includes(full) || !html.includes(mini)) {
    throw new Error(
      `The page no longer references ${full}: Redoc changed how it shows its logo. ` +
        "Check the browser test for requests that leave the host and update lib/offline.mjs.",
    );
  }
  return html.replaceAll(full, attributionSvg("Redocly", 60)).replaceAll(mini, attributionSvg("R", 12));
}
