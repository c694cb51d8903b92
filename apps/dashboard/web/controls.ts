// The toolbar (window, refresh) and the filter bar. Built once; `sync` puts a state's
// values back into the fields without stealing focus from whatever the user is typing in.
import { h } from "./dom.js";
import { refreshPeriods, type ViewState, type WindowChoice } from "./state.js";
import { typeLabels } from "./format.js";

export interface ControlHandlers {
  change(patch: Partial<ViewState>, options?: { newWindow?: boolean }): void;
  refresh(): void;
}

export interface Controls {
  /** `initiators` refreshes the suggestions of the "Initiated by" field when given. */
  sync(state: ViewState, initiators?: string[]): void;
  setUpdated(text: string, busy: boolean): void;
}

export function buildControls(toolbar: HTMLElement, filters: HTMLElement, on: ControlHandlers): Controls {
  const windowSelect = select("window", "Time window", [
    ["24h", "Last 24 hours"],
    ["7d", "Last 7 days"],
    ["30d", "Last 30 days"],
    ["custom", "Custom…"],
  ]);
  const fromInput = h("input", { type: "datetime-local", id: "from", name: "from" });
  const toInput = h("input", { type: "datetime-local", id: "to", name: "to" });
  const applyCustom = h("button", { type: "button" }, "Apply");
  const custom = h("span", { class: "custom", hidden: true }, field("from", "From", fromInput), field("to", "To", toInput), applyCustom);
  const refreshButton = h("button", { type: "button", id: "refresh", class: "primary" }, "Refresh");
  const autoSelect = select(
    "auto-refresh",
    "Auto-refresh",
    refreshPeriods.map((period) => [String(period), period === 0 ? "Off" : period < 60 ? `Every ${period} s` : `Every ${period / 60} min`]),
  );
  const updated = h("span", { id: "updated", class: "updated", "aria-live": "polite" });
  toolbar.append(
    field("window", "Window", windowSelect),
    custom,
    refreshButton,
    field("auto-refresh", "Auto-refresh", autoSelect),
    updated,
  );

  const typeSelect = select("type", "Type", [["", "All types"], ...Object.entries(typeLabels)]);
  const stateSelect = select("state", "State", [
    ["", "All states"],
    ["Working", "Working"],
    ["Stopped", "Stopped"],
  ]);
  const resultSelect = select("result", "Result", [
    ["", "All results"],
    ["Success", "Success"],
    ["Warning", "Warning"],
    ["Failed", "Failed"],
  ]);
  const initiators = h("datalist", { id: "initiators" });
  const byInput = h("input", {
    type: "search",
    id: "by",
    name: "by",
    list: "initiators",
    autocomplete: "off",
    maxlength: 200,
    placeholder: "Any account",
  });
  const textInput = h("input", {
    type: "search",
    id: "q",
    name: "q",
    autocomplete: "off",
    maxlength: 200,
    placeholder: "Name, organization, host, id…",
  });
  const clear = h("button", { type: "button", id: "clear-filters" }, "Clear filters");
  filters.append(
    field("type", "Type", typeSelect),
    field("state", "State", stateSelect),
    field("result", "Result", resultSelect),
    field("by", "Initiated by", byInput),
    initiators,
    field("q", "Search", textInput),
    clear,
  );

  windowSelect.addEventListener("change", () => {
    const choice = windowSelect.value as WindowChoice;
    custom.hidden = choice !== "custom";
    if (choice !== "custom") on.change({ window: choice, from: "", to: "" }, { newWindow: true });
    else fromInput.focus();
  });
  applyCustom.addEventListener("click", () => {
    const from = fromLocal(fromInput.value);
    const to = fromLocal(toInput.value);
    if (!from || !to) return void fromInput.reportValidity();
    on.change({ window: "custom", from, to }, { newWindow: true });
  });
  refreshButton.addEventListener("click", () => on.refresh());
  autoSelect.addEventListener("change", () => on.change({ refresh: Number(autoSelect.value) }));
  typeSelect.addEventListener("change", () => on.change({ type: typeSelect.value }));
  stateSelect.addEventListener("change", () => on.change({ state: stateSelect.value }));
  resultSelect.addEventListener("change", () => on.change({ result: resultSelect.value }));
  debounced(byInput, (value) => on.change({ initiatedBy: value }));
  debounced(textInput, (value) => on.change({ q: value }));
  clear.addEventListener("click", () => on.change({ type: "", state: "", result: "", initiatedBy: "", q: "" }));

  return {
    sync(state, names) {
      windowSelect.value = state.window;
      custom.hidden = state.window !== "custom";
      if (state.window === "custom") {
        fromInput.value = toLocal(state.from);
        toInput.value = toLocal(state.to);
      }
      autoSelect.value = String(state.refresh);
      typeSelect.value = state.type;
      stateSelect.value = state.state;
      resultSelect.value = state.result;
      if (document.activeElement !== byInput) byInput.value = state.initiatedBy;
      if (document.activeElement !== textInput) textInput.value = state.q;
      if (names) initiators.replaceChildren(...names.map((name) => h("option", { value: name })));
    },
    setUpdated(text, busy) {
      updated.textContent = text;
      refreshButton.disabled = busy;
    },
  };
}

function select(id: string, name: string, options: (readonly [string, string])[]): HTMLSelectElement {
  return h("select", { id, name }, ...options.map(([value, text]) => h("option", { value }, text)));
}

function field(id: string, text: string, control: HTMLElement): HTMLElement {
  return h("span", { class: "field" }, label(id, text), control);
}

function label(id: string, text: string): HTMLLabelElement {
  return h("label", { for: id }, text);
}

// Typing waits for a pause; Enter applies at once.
function debounced(input: HTMLInputElement, apply: (value: string) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    clearTimeout(timer);
    apply(input.value.trim());
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(now, 300);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") now();
  });
}

function toLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function fromLocal(value: string): string {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : "";
}
