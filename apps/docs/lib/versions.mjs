// One page per API version, linked by a version switch. v6 stays at the site's root
// (dist/index.html, where it always was); later versions get a folder each
// (dist/v7/index.html). Links are relative and name index.html, so the switch works on
// any static host and from disk.

/** Where a version's page lives inside dist/. */
export function pageDir(version) {
  return version === "v6" ? "" : `${version}/`;
}

/** The relative link from the page of `from` to the page of `to`. */
export function pageLink(from, to) {
  const up = pageDir(from) === "" ? "" : "../";
  return `${up}${pageDir(to)}index.html`;
}

/** Where the client reference (TypeDoc, dist/client/) lives, relative to the page of `from`. */
export function clientReferenceLink(from) {
  return `${pageDir(from) === "" ? "" : "../"}client/index.html`;
}

/** The switch's HTML: a link per version, the current one marked for screen readers too, then the client reference. */
export function versionSwitch(current, versions) {
  const links = versions.map((version) =>
    version === current
      ? `<a href="${pageLink(current, version)}" aria-current="page">${version}</a>`
      : `<a href="${pageLink(current, version)}">${version}</a>`,
  );
  const client = `<a href="${clientReferenceLink(current)}">client</a>`;
  return `<nav id="api-version-switch" aria-label="API version"><span>API version</span>${links.join("")}${client}</nav>`;
}

/** Puts the switch at the start of the page's body; throws if the page has no <body>. */
export function addVersionSwitch(html, current, versions) {
  const body = /<body[^>]*>/.exec(html);
  if (!body) throw new Error("The built page has no <body>: cannot add the version switch.");
  const at = body.index + body[0].length;
  return html.slice(0, at) + versionSwitch(current, versions) + html.slice(at);
}
