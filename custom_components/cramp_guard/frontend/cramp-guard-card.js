// PLACEHOLDER - replaced by the built bundle of frontend/ (the card's branch).
// A minimal custom:cramp-guard-card so the registration can be tested end to end.
class CrampGuardCardPlaceholder extends HTMLElement {
  setConfig(config) {
    this._config = config;
  }
  set hass(hass) {
    this.textContent = "Cramp Guard card (placeholder)";
  }
  getCardSize() {
    return 1;
  }
}
if (!customElements.get("cramp-guard-card")) {
  customElements.define("cramp-guard-card", CrampGuardCardPlaceholder);
}
window.customCards = window.customCards || [];
window.customCards.push({
  type: "cramp-guard-card",
  name: "Cramp Guard",
  description: "Placeholder: replaced by the built card.",
});
