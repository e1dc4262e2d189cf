// "Why?": the toggle and the panel that explains the index, with the advice to see a
// health professional when cramps are frequent (the panel then opens by itself).
import { html, nothing, type TemplateResult } from "lit";
import type { Localize } from "./localize";
import type { Snapshot } from "./types";

/** The toggle, then the panel when `open`; `onToggle` gets the state to switch to. */
export function renderWhy(
  data: Snapshot,
  open: boolean,
  onToggle: (open: boolean) => void,
  t: Localize,
): TemplateResult {
  return html`<button
        class="why-toggle"
        aria-expanded=${open ? "true" : "false"}
        @click=${() => onToggle(!open)}
      >
        ${open ? t("why_hide") : t("why")}
      </button>
      ${open ? renderWhyPanel(data, t) : nothing}`;
}

function renderWhyPanel(data: Snapshot, t: Localize): TemplateResult {
  return html`<div class="why">
      ${data.see_professional
        ? html`<div class="professional" role="alert">${t("see_professional")}</div>`
        : nothing}
      <p>${t("why.compare")}</p>
      <p>${t("why.strong")}</p>
      <p>${t("why.weak")}</p>
      <p>${t("why.index")}</p>
      <p class="disclaimer">${t("not_medical_advice")}</p>
    </div>`;
}
