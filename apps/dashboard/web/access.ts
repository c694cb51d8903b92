// The dashboard's access token, when its server has one (DASHBOARD_ACCESS_TOKEN). It comes
// from the URL's fragment (`#token=...`, which browsers never send to a server, so no log
// sees it) or from a form, and is kept in this tab's sessionStorage only. The fragment is
// removed from the address bar at once, so a copied link does not carry it.
import { h } from "./dom.js";

const storageKey = "dashboard-access-token";

export function readAccessToken(): string | undefined {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromFragment) {
    sessionStorage.setItem(storageKey, fromFragment);
    history.replaceState(null, "", `${location.pathname}${location.search}`);
  }
  return sessionStorage.getItem(storageKey) ?? undefined;
}

/** Asks for the token in place of the alert; `done` runs once one is entered. */
export function askAccessToken(target: HTMLElement, message: string, done: () => void): void {
  const input = h("input", { type: "password", id: "access-token", name: "access-token", autocomplete: "off", required: true });
  const form = h(
    "form",
    { class: "access" },
    h("p", {}, message),
    h("label", { for: "access-token" }, "Access token "),
    input,
    h("button", { type: "submit", class: "primary" }, "Open"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(storageKey, input.value.trim());
    done();
  });
  target.replaceChildren(form);
  target.hidden = false;
  input.focus();
}
