// custom:cramp-guard-card - one person's cramp risk, what adds to it and what would
// lower it now, today's water, one-tap logging and the morning check-in, live from the
// integration's cramp_guard/card/subscribe command.
// The contract with the integration: docs/card.md. The element ties together the data
// subscription (subscription.ts), the buttons (actions.ts) and the sections it renders
// (render-risk.ts, render-water.ts, render-why.ts).
import { html, LitElement, nothing, type TemplateResult } from "lit";
import { ActionsController, moreInfo } from "./actions";
import { defineElement } from "./define";
import { isNumber, isRtl, languageOf, localizer, type Localize, type TranslationKey } from "./localize";
import { renderFactors, renderGaugeColumn, renderLevers, renderMissing } from "./render-risk";
import { renderButtons, renderCheckin, renderWater } from "./render-water";
import { renderWhy } from "./render-why";
import { cardStyles } from "./styles";
import { SubscriptionController } from "./subscription";
import type { CardConfig, HomeAssistant, PeopleResult, Snapshot } from "./types";

export { UNDO_MS } from "./actions";
export { RETRY_MS, SUBSCRIBE } from "./subscription";

export const CARD_TYPE = "cramp-guard-card";
export const PEOPLE = "cramp_guard/people";
/** editor.ts's element; named here so the card does not import the editor eagerly. */
const EDITOR_TYPE = "cramp-guard-card-editor";

export class CrampGuardCard extends LitElement {
  static override styles = cardStyles;

  static override properties = {
    _config: { state: true },
    _why: { state: true },
  };

  declare _config?: CardConfig;
  /** Why? opened or closed by hand; undefined follows see_professional. */
  declare _why: boolean | undefined;

  private _hass?: HomeAssistant;
  private readonly _subscription = new SubscriptionController(this);
  private readonly _actions = new ActionsController(this, () => ({
    hass: this._hass,
    entryId: this._config?.config_entry_id,
  }));

  /** The visual editor, loaded only when the dashboard editor asks for it (editor.ts). */
  static async getConfigElement(): Promise<HTMLElement> {
    await import("./editor");
    return document.createElement(EDITOR_TYPE);
  }

  /** The card picker's preview: the first person (cramp_guard/people is sorted by name). */
  static async getStubConfig(hass: HomeAssistant): Promise<CardConfig> {
    let id = "";
    try {
      const result = await hass.callWS<PeopleResult>({ type: PEOPLE });
      id = result?.people?.[0]?.config_entry_id ?? "";
    } catch {
      // Cramp Guard not loaded: the card then asks for a person in its settings.
    }
    return { type: `custom:${CARD_TYPE}`, config_entry_id: id };
  }

  setConfig(config: CardConfig): void {
    if (!config || typeof config.config_entry_id !== "string" || !config.config_entry_id) {
      throw new Error(
        "Cramp Guard card: choose a person - config_entry_id (the person's Cramp Guard entry) is missing.",
      );
    }
    this._config = config;
    this._subscription.entryId = config.config_entry_id;
  }

  set hass(hass: HomeAssistant) {
    const old = this._hass;
    this._hass = hass;
    // Home Assistant sets hass on every state change; the card's data comes from its own
    // subscription, so only a new language needs a render.
    if (!old || languageOf(old).tag !== languageOf(hass).tag) this.requestUpdate();
    this._subscription.hass = hass;
  }

  get hass(): HomeAssistant | undefined {
    return this._hass;
  }

  getCardSize(): number {
    return 7;
  }

  getGridOptions(): Record<string, unknown> {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }

  protected override render(): TemplateResult {
    const { tag, base } = languageOf(this._hass);
    const t = localizer(base);
    const { status, data: latest } = this._subscription;
    const data = status === "ok" ? latest : undefined;
    const available = !!data && data.available && isNumber(data.score);
    // The level as sent (the risk model's bands live in the integration only).
    const level = (available && data.level) || "none";
    return html`<ha-card>
      <div
        class="root level-${level}"
        dir=${isRtl(base) ? "rtl" : "ltr"}
        lang=${base}
      >
        ${data ? this._renderPerson(data, available, t, tag) : this._renderStatus(t)}
      </div>
    </ha-card>`;
  }

  private _renderStatus(t: Localize): TemplateResult {
    const status = this._subscription.status;
    const key: TranslationKey = status === "ok" ? "loading" : status;
    return html`<div class="header"><span class="name">${t("title")}</span></div>
      <div class="message status-${status}" role="status">${t(key)}</div>`;
  }

  private _renderPerson(data: Snapshot, available: boolean, t: Localize, tag: string): TemplateResult {
    return html`
      <div class="header">
        <span class="name">${data.name}</span>
        <span class="title">${t("title")}</span>
      </div>
      <div class="main">
        ${renderGaugeColumn(data, available, t, tag, () => moreInfo(this, data.entities.cramp_risk))}
        <div class="detail-col">
          ${available ? renderFactors(data, t, tag) : nothing}
          ${renderMissing(data, t, tag)}
          ${available ? renderLevers(data, t, tag) : nothing}
        </div>
      </div>
      ${renderWater(data, t, tag)} ${renderCheckin(data, this._actions, t)}
      ${renderButtons(data, this._actions, t, tag)}
      ${renderWhy(data, this._why ?? data.see_professional, (open) => (this._why = open), t, tag)}
    `;
  }
}

defineElement(CARD_TYPE, CrampGuardCard);

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
  interface HTMLElementTagNameMap {
    "cramp-guard-card": CrampGuardCard;
  }
}

window.customCards = window.customCards ?? [];
if (!window.customCards.some((card) => card.type === CARD_TYPE)) {
  window.customCards.push({
    type: CARD_TYPE,
    name: "Cramp Guard",
    description:
      "A person's cramp risk: what adds to it, today's water against the target, and one-tap logging.",
    preview: true,
    documentationURL: "https://github.com/crampguard/cramp_guard",
  });
}
