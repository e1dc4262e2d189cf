// The card's visual editor: a person picker. Home Assistant's <ha-form> with a
// config_entry selector when it is available, else a plain <select> fed by
// cramp_guard/people.
import { html, LitElement, nothing, type TemplateResult } from "lit";
import { css } from "lit";
import { defineElement } from "./define";
import { languageOf, localizer } from "./localize";
import type { CardConfig, HomeAssistant, PeopleResult, Person } from "./types";

export const EDITOR_TYPE = "cramp-guard-card-editor";

export const SCHEMA = [
  { name: "config_entry_id", selector: { config_entry: { integration: "cramp_guard" } } },
] as const;

export class CrampGuardCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _people: { state: true },
    _haForm: { state: true },
  };

  declare hass?: HomeAssistant;
  declare _config?: CardConfig;
  declare _people?: Person[];
  declare _haForm: boolean;
  private _loadingPeople = false;

  static override styles = css`
    :host {
      display: block;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    select {
      font: inherit;
      padding: 8px;
      color: var(--primary-text-color);
      background: var(--card-background-color, transparent);
      border: 1px solid var(--divider-color, #ccc);
      border-radius: 4px;
    }
  `;

  constructor() {
    super();
    this._haForm = !!customElements.get("ha-form");
    if (!this._haForm) {
      // Home Assistant loads ha-form lazily; switch to it once it is there.
      void customElements.whenDefined("ha-form").then(() => (this._haForm = true));
    }
  }

  setConfig(config: CardConfig): void {
    this._config = config;
  }

  private _t() {
    return localizer(languageOf(this.hass).base);
  }

  private _computeLabel = (schema: { name: string }): string =>
    schema.name === "config_entry_id" ? this._t()("editor.person") : schema.name;

  protected override render(): TemplateResult | typeof nothing {
    if (!this.hass || !this._config) return nothing;
    if (this._haForm) {
      return html`<ha-form
        .hass=${this.hass}
        .data=${this._config}
        .schema=${SCHEMA}
        .computeLabel=${this._computeLabel}
        @value-changed=${this._formChanged}
      ></ha-form>`;
    }
    this._loadPeople();
    const t = this._t();
    if (this._people && this._people.length === 0) {
      return html`<p>${t("editor.no_people")}</p>`;
    }
    const current = this._config.config_entry_id ?? "";
    return html`<label dir=${languageOf(this.hass).base === "he" ? "rtl" : "ltr"}>
      ${t("editor.person")}
      <select @change=${this._selectChanged}>
        ${current && !this._people?.some((p) => p.config_entry_id === current)
          ? html`<option value=${current} selected>${current}</option>`
          : nothing}
        ${!current ? html`<option value="" selected></option>` : nothing}
        ${(this._people ?? []).map(
          (p) =>
            html`<option value=${p.config_entry_id} ?selected=${p.config_entry_id === current}>
              ${p.name}
            </option>`,
        )}
      </select>
    </label>`;
  }

  private _loadPeople(): void {
    if (this._people || this._loadingPeople || !this.hass) return;
    this._loadingPeople = true;
    this.hass
      .callWS<PeopleResult>({ type: "cramp_guard/people" })
      .then(
        (result) => (this._people = result?.people ?? []),
        () => (this._people = []),
      )
      .finally(() => (this._loadingPeople = false));
  }

  private _formChanged(ev: CustomEvent<{ value: Partial<CardConfig> }>): void {
    ev.stopPropagation();
    this._update({ ...this._config, ...ev.detail.value } as CardConfig);
  }

  private _selectChanged(ev: Event): void {
    const value = (ev.target as HTMLSelectElement).value;
    this._update({ ...this._config, config_entry_id: value } as CardConfig);
  }

  private _update(config: CardConfig): void {
    this._config = config;
    this.dispatchEvent(
      new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }),
    );
  }
}

defineElement(EDITOR_TYPE, CrampGuardCardEditor);

declare global {
  interface HTMLElementTagNameMap {
    "cramp-guard-card-editor": CrampGuardCardEditor;
  }
}
