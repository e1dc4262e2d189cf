// custom:cramp-guard-card - one person's cramp risk, what adds to it, today's water and
// one-tap logging, live from the integration's cramp_guard/card/subscribe command.
// The contract with the integration: docs/card.md.
import { html, LitElement, nothing, type TemplateResult } from "lit";
import { defineElement } from "./define";
import "./editor";
import { levelOf, renderGauge } from "./gauge";
import {
  isRtl,
  languageOf,
  localizer,
  numberFormat,
  type Localize,
  type TranslationKey,
} from "./localize";
import { cardStyles } from "./styles";
import type {
  CardConfig,
  CardEvent,
  HomeAssistant,
  PeopleResult,
  Snapshot,
  Unsubscribe,
} from "./types";

export const CARD_TYPE = "cramp-guard-card";
export const SUBSCRIBE = "cramp_guard/card/subscribe";
export const PEOPLE = "cramp_guard/people";
/** After a {"loaded": false} event or a failed subscribe, try again this often. */
export const RETRY_MS = 5000;
const CONFIRM_MS = 2000;
/** How long "Cramp logged - Undo" is offered after a tap. */
export const UNDO_MS = 8000;
/** The hand log each button writes (the undo_log action's `kind`). */
const LOG_KIND: Record<ButtonKind, string> = { glass: "water", stretch: "stretch", cramp: "cramp" };

type Status = "loading" | "ok" | "not_found" | "not_loaded" | "error";
type ButtonKind = "glass" | "stretch" | "cramp";
type ButtonState = "done" | "failed";
/** The undo offered after a tap: offered, done, or failed. */
type Undo = { kind: ButtonKind; state: "offer" | "done" | "failed" };

function fire(node: HTMLElement, type: string, detail: unknown): void {
  node.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

export class CrampGuardCard extends LitElement {
  static override styles = cardStyles;

  static override properties = {
    _config: { state: true },
    _data: { state: true },
    _status: { state: true },
    _pressed: { state: true },
    _undo: { state: true },
    _why: { state: true },
  };

  declare _config?: CardConfig;
  declare _data?: Snapshot;
  declare _status: Status;
  declare _pressed: Partial<Record<ButtonKind, ButtonState>>;
  declare _undo: Undo | undefined;
  declare _why: boolean | undefined;

  private _hass?: HomeAssistant;
  private _connected = false;
  /** The pending or live subscription; undefined when none. */
  private _subscription?: Promise<Unsubscribe>;
  private _unsubscribe?: Unsubscribe;
  /** Bumped whenever a subscription is dropped, so late answers of an old one are ignored. */
  private _generation = 0;
  private _retryTimer?: ReturnType<typeof setTimeout>;
  private _pressTimers: Partial<Record<ButtonKind, ReturnType<typeof setTimeout>>> = {};
  private _undoTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this._status = "loading";
    this._pressed = {};
  }

  static getConfigElement(): HTMLElement {
    return document.createElement("cramp-guard-card-editor");
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
    const changed = this._config?.config_entry_id !== config.config_entry_id;
    this._config = config;
    if (changed) {
      this._drop();
      this._data = undefined;
      this._status = "loading";
      this._subscribe();
    }
  }

  set hass(hass: HomeAssistant) {
    const old = this._hass;
    this._hass = hass;
    // Home Assistant sets hass on every state change; the card's data comes from its own
    // subscription, so only a new language needs a render.
    if (!old || languageOf(old).tag !== languageOf(hass).tag) this.requestUpdate();
    this._subscribe();
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

  override connectedCallback(): void {
    super.connectedCallback();
    this._connected = true;
    this._subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._connected = false;
    this._drop();
    for (const timer of Object.values(this._pressTimers)) clearTimeout(timer);
    this._pressTimers = {};
    clearTimeout(this._undoTimer);
    this._undo = undefined;
  }

  // --- the subscription -------------------------------------------------------------

  private _subscribe(): void {
    if (
      !this._connected ||
      !this._hass ||
      !this._config ||
      this._subscription ||
      this._retryTimer !== undefined
    ) {
      return;
    }
    const generation = ++this._generation;
    const subscription = this._hass.connection.subscribeMessage<CardEvent>(
      (event) => this._onEvent(generation, event),
      { type: SUBSCRIBE, config_entry_id: this._config.config_entry_id },
    );
    this._subscription = subscription;
    subscription.then(
      (unsubscribe) => {
        if (generation !== this._generation) {
          void safely(unsubscribe);
        } else {
          this._unsubscribe = unsubscribe;
        }
      },
      (err: unknown) => {
        if (generation !== this._generation) return;
        this._subscription = undefined;
        const code = (err as { code?: unknown } | null)?.code;
        this._status = code === "not_found" ? "not_found" : code === "not_loaded" ? "not_loaded" : "error";
        this._data = undefined;
        this._retry();
      },
    );
  }

  private _onEvent(generation: number, event: CardEvent): void {
    if (generation !== this._generation) return;
    if (!event || event.loaded === false) {
      // The entry unloaded (reload, options change, removal); the integration ended the
      // subscription. Release it here too and come back when the person is loaded again.
      this._drop();
      this._data = undefined;
      this._status = "not_loaded";
      this._retry();
      return;
    }
    this._data = event;
    this._status = "ok";
  }

  private _retry(): void {
    if (!this._connected || this._retryTimer !== undefined) return;
    this._retryTimer = setTimeout(() => {
      this._retryTimer = undefined;
      this._subscribe();
    }, RETRY_MS);
  }

  /** Ends the subscription (pending or live) and any retry. */
  private _drop(): void {
    this._generation++;
    if (this._retryTimer !== undefined) clearTimeout(this._retryTimer);
    this._retryTimer = undefined;
    if (this._unsubscribe) void safely(this._unsubscribe);
    this._unsubscribe = undefined;
    this._subscription = undefined;
  }

  // --- actions --------------------------------------------------------------------

  private _moreInfo(): void {
    const entityId = this._data?.entities.cramp_risk;
    if (entityId) fire(this, "hass-more-info", { entityId });
  }

  private async _press(kind: ButtonKind, entityId: string | null): Promise<void> {
    if (!this._hass || !entityId) return;
    let state: ButtonState = "done";
    try {
      await this._hass.callService("button", "press", { entity_id: entityId });
    } catch {
      state = "failed";
    }
    this._pressed = { ...this._pressed, [kind]: state };
    clearTimeout(this._pressTimers[kind]);
    this._pressTimers[kind] = setTimeout(() => {
      const { [kind]: _, ...rest } = this._pressed;
      this._pressed = rest;
    }, CONFIRM_MS);
    if (state === "done") this._offerUndo({ kind, state: "offer" }, UNDO_MS);
  }

  private _offerUndo(undo: Undo | undefined, forMs: number): void {
    this._undo = undo;
    clearTimeout(this._undoTimer);
    this._undoTimer = setTimeout(() => (this._undo = undefined), forMs);
  }

  /** Undo the last log of the kind just tapped (cramp_guard.undo_log). */
  private async _undoLast(kind: ButtonKind): Promise<void> {
    if (!this._hass || !this._config) return;
    let state: Undo["state"] = "done";
    try {
      await this._hass.callService("cramp_guard", "undo_log", {
        config_entry_id: this._config.config_entry_id,
        kind: LOG_KIND[kind],
      });
    } catch {
      state = "failed";
    }
    const { [kind]: _, ...rest } = this._pressed;
    this._pressed = rest;
    this._offerUndo({ kind, state }, CONFIRM_MS);
  }

  // --- rendering -------------------------------------------------------------------

  protected override render(): TemplateResult {
    const { tag, base } = languageOf(this._hass);
    const t = localizer(base);
    const data = this._status === "ok" ? this._data : undefined;
    const available = !!data && data.available && isNumber(data.score);
    const level = available ? (data.level ?? levelOf(data.score as number)) : "none";
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
    const key: TranslationKey =
      this._status === "not_found"
        ? "not_found"
        : this._status === "not_loaded"
          ? "not_loaded"
          : this._status === "error"
            ? "error"
            : "loading";
    return html`<div class="header"><span class="name">${t("title")}</span></div>
      <div class="message status-${this._status}" role="status">${t(key)}</div>`;
  }

  private _renderPerson(
    data: Snapshot,
    available: boolean,
    t: Localize,
    tag: string,
  ): TemplateResult {
    const nf = numberFormat(tag, { maximumFractionDigits: 0 });
    const score = available ? (data.score as number) : null;
    const level = score === null ? null : (data.level ?? levelOf(score));
    const levelWord = level ? t(`level.${level}` as TranslationKey) : "";
    const showWhy = this._why ?? data.see_professional;
    return html`
      <div class="header">
        <span class="name">${data.name}</span>
        <span class="title">${t("title")}</span>
      </div>
      <div class="main">
        <div class="gauge-col ${available ? "" : "unavailable"}">
          <button
            class="gauge"
            aria-label=${score === null
              ? t("gauge_label_unavailable")
              : t("gauge_label", { score: nf.format(score), level: levelWord })}
            @click=${this._moreInfo}
          >
            ${renderGauge(score)}
          </button>
          ${score === null
            ? html`<div class="no-readings">${t("no_readings")}</div>
                <div class="hint">${t("no_readings_hint")}</div>`
            : html`<div class="score" dir="ltr">
                  ${nf.format(score)}<span class="unit">%</span>
                </div>
                <div class="level">${levelWord}</div>`}
          ${this._renderConfidence(data, t)}
        </div>
        <div class="detail-col">
          ${available ? this._renderFactors(data, t, tag) : nothing}
          ${this._renderMissing(data, t, tag)}
        </div>
      </div>
      ${this._renderWater(data, t, tag)} ${this._renderButtons(data, t, tag)}
      <button
        class="why-toggle"
        aria-expanded=${showWhy ? "true" : "false"}
        @click=${() => (this._why = !showWhy)}
      >
        ${showWhy ? t("why_hide") : t("why")}
      </button>
      ${showWhy ? this._renderWhy(data, t) : nothing}
    `;
  }

  private _renderConfidence(data: Snapshot, t: Localize): TemplateResult | typeof nothing {
    if (!data.confidence_level) return nothing;
    const level = t(`confidence.${data.confidence_level}` as TranslationKey);
    // The first hint (most valuable first) that the card has words for.
    const days = data.history_days ?? { known: 0, needed: 3 };
    const hint = (data.confidence_hints ?? [])
      .map((key) => t(`hint.${key}` as TranslationKey, days))
      .find((words) => words);
    const text = hint ? t("confidence_with_hint", { level, hint }) : level;
    return html`<div class="confidence">${t("confidence_line", { confidence: text })}</div>`;
  }

  private _renderFactors(data: Snapshot, t: Localize, tag: string): TemplateResult {
    const nf = numberFormat(tag, { maximumFractionDigits: 0 });
    const score = data.score as number;
    const scale = Math.max(score, 1);
    const bar = (points: number) =>
      html`<div class="track"><div class="fill" style="width:${Math.min(100, (points / scale) * 100).toFixed(1)}%"></div></div>`;
    const pts = (points: number) => html`<span class="pts" dir="ltr">+${nf.format(points)}</span>`;
    const rows = (data.points ?? []).filter((f) => f.available && isNumber(f.points) && f.points > 0);
    const history = isNumber(data.history_points) && data.history_points > 0 ? data.history_points : 0;
    const multiplier = isNumber(data.multiplier)
      ? numberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(data.multiplier)
      : "";
    return html`<div class="factors">
      <div class="section-title">${t("factors")}</div>
      ${rows.length === 0 && !history
        ? html`<div class="hint">${t("no_factors")}</div>`
        : nothing}
      ${rows.map(
        (f) => html`<div class="row factor factor-${f.key}" data-points=${f.points}>
          <span class="label">${t(`factor.${f.key}` as TranslationKey) || f.key.replace(/_/g, " ")}</span>
          ${bar(f.points)} ${pts(f.points)}
        </div>`,
      )}
      ${history
        ? html`<div class="row history" data-points=${history}>
            <span class="label"
              >${t(`history.${data.history ?? "other"}` as TranslationKey)}${multiplier
                ? html` <bdi dir="ltr">×${multiplier}</bdi>`
                : nothing}</span
            >
            ${bar(history)} ${pts(history)}
          </div>`
        : nothing}
      <div class="row total" data-points=${score}>
        <span class="label">${t("total")}</span><span></span>
        <span class="pts" dir="ltr">${nf.format(score)}</span>
      </div>
    </div>`;
  }

  private _renderMissing(data: Snapshot, t: Localize, tag: string): TemplateResult | typeof nothing {
    // The activity history a confidence hint already counts in days is not listed
    // again (it read as a contradiction next to the steps on screen).
    const explained = (data.confidence_hints ?? []).includes("no_workload_history");
    const missing = (data.points ?? [])
      .filter((f) => !f.available && !(explained && f.key === "workload"))
      .map((f) => t(`source.${f.key}` as TranslationKey) || f.key.replace(/_/g, " "));
    if (missing.length === 0) return nothing;
    let list: string;
    try {
      list = new Intl.ListFormat(tag, { type: "conjunction" }).format(missing);
    } catch {
      list = missing.join(", ");
    }
    return html`<div class="missing">${t("not_measured", { list })}</div>`;
  }

  private _renderWater(data: Snapshot, t: Localize, tag: string): TemplateResult | typeof nothing {
    const water = data.water;
    if (!water || !isNumber(water.today_ml)) return nothing;
    const nf = numberFormat(tag, { maximumFractionDigits: 0 });
    const today = nf.format(water.today_ml);
    const target = isNumber(water.target_ml) && water.target_ml > 0 ? water.target_ml : null;
    const expected = target !== null && isNumber(water.expected_ml) ? water.expected_ml : null;
    const text =
      target === null
        ? t("water_line_no_target", { today })
        : expected === null
          ? t("water_line_no_pace", { today, target: nf.format(target) })
          : t("water_line", { today, target: nf.format(target), expected: nf.format(expected) });
    const pct = (ml: number) => Math.min(100, Math.max(0, (ml / (target as number)) * 100)).toFixed(1);
    return html`<div class="water">
      <div class="section-title">${t("water")}</div>
      ${target === null
        ? nothing
        : html`<div class="track">
            <div class="fill" style="width:${pct(water.today_ml)}%"></div>
            ${expected === null
              ? nothing
              : html`<div class="pace-marker" style="inset-inline-start:${pct(expected)}%"></div>`}
          </div>`}
      <div class="water-text">${text}</div>
    </div>`;
  }

  private _renderButtons(data: Snapshot, t: Localize, tag: string): TemplateResult {
    const glass = data.water?.glass_ml;
    const glassText = isNumber(glass)
      ? t("button.glass", { ml: numberFormat(tag, { maximumFractionDigits: 0 }).format(glass) })
      : t("button.glass_plain");
    const buttons: [ButtonKind, string | null, string][] = [
      ["glass", data.entities?.log_water ?? null, glassText],
      ["stretch", data.entities?.log_stretch ?? null, t("button.stretch")],
      ["cramp", data.entities?.log_cramp ?? null, t("button.cramp")],
    ];
    return html`<div class="actions">
      ${buttons.map(([kind, entityId, text]) => {
        const state = this._pressed[kind];
        const shown = state === "done" ? `✓ ${t("logged")}` : state === "failed" ? t("log_failed") : text;
        return html`<button
          class="log-${kind} ${state ?? ""}"
          aria-label=${t(`button_label.${kind}` as TranslationKey)}
          title=${t(`button_label.${kind}` as TranslationKey)}
          ?disabled=${!entityId}
          @click=${() => this._press(kind, entityId)}
        >
          <span class="stack">
            <span aria-live="polite">${shown}</span>
            <span class="ghost" aria-hidden="true">${text}</span>
          </span>
        </button>`;
      })}
    </div>
    ${this._renderUndo(t)}`;
  }

  private _renderUndo(t: Localize): TemplateResult | typeof nothing {
    const undo = this._undo;
    if (!undo) return nothing;
    return html`<div class="undo" role="status" aria-live="polite">
      ${undo.state === "offer"
        ? html`<span>${t(`undo.${undo.kind}` as TranslationKey)}</span>
            <button class="undo-button" @click=${() => this._undoLast(undo.kind)}>${t("undo")}</button>`
        : html`<span>${t(undo.state === "done" ? "undone" : "undo_failed")}</span>`}
    </div>`;
  }

  private _renderWhy(data: Snapshot, t: Localize): TemplateResult {
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

}

async function safely(unsubscribe: Unsubscribe): Promise<void> {
  try {
    await unsubscribe();
  } catch {
    // The integration already ended the subscription (entry unloaded).
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
