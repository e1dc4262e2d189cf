// Home Assistant's theme variables throughout, so light and dark themes work; logical
// properties (inline-start/end) so the layout mirrors for right-to-left languages.
import { css } from "lit";

export const cardStyles = css`
  :host {
    display: block;
    --cg-low: var(--cramp-guard-low-color, var(--success-color, #43a047));
    --cg-moderate: var(--cramp-guard-moderate-color, var(--amber-color, #ffc107));
    --cg-high: var(--cramp-guard-high-color, var(--warning-color, #ffa600));
    --cg-very_high: var(--cramp-guard-very-high-color, var(--error-color, #db4437));
    --cg-level: var(--disabled-text-color, #9e9e9e);
    --cg-muted: var(--secondary-text-color, #727272);
    --cg-divider: var(--divider-color, rgba(127, 127, 127, 0.3));
    --cg-track: var(--secondary-background-color, rgba(127, 127, 127, 0.15));
  }
  /* A card even where ha-card is not defined (tests, other dashboards). */
  ha-card:not(:defined) {
    display: block;
    background: var(--ha-card-background, var(--card-background-color, #fff));
    color: var(--primary-text-color, #212121);
    border-radius: var(--ha-card-border-radius, 12px);
    border: 1px solid var(--cg-divider);
  }
  ha-card {
    overflow: hidden;
    height: 100%;
  }
  .root {
    container-type: inline-size;
    padding: 16px;
    color: var(--primary-text-color);
    font-size: 14px;
    line-height: 1.4;
    box-sizing: border-box;
  }
  .root.level-low { --cg-level: var(--cg-low); }
  .root.level-moderate { --cg-level: var(--cg-moderate); }
  .root.level-high { --cg-level: var(--cg-high); }
  .root.level-very_high { --cg-level: var(--cg-very_high); }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 8px;
    margin-block-end: 8px;
  }
  .name {
    font-size: 18px;
    font-weight: 500;
  }
  .title {
    color: var(--cg-muted);
  }
  .message {
    color: var(--cg-muted);
    padding-block: 8px;
  }

  .main {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .gauge-col {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    gap: 2px;
  }
  button.gauge {
    all: unset;
    cursor: pointer;
    display: block;
    width: 100%;
    max-width: 220px;
    border-radius: 8px;
  }
  button.gauge:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    direction: ltr;
  }
  .arc-track,
  .arc-value {
    fill: none;
    stroke-width: 11;
  }
  .arc-track { stroke: var(--cg-track); }
  /* The sent level's colour (.root.level-*). */
  .arc-value { stroke: var(--cg-level); }
  .needle {
    stroke: var(--primary-text-color, #212121);
    stroke-width: 3;
    stroke-linecap: round;
  }
  .hub {
    fill: var(--primary-text-color, #212121);
  }
  .score {
    font-size: 32px;
    font-weight: 500;
    line-height: 1.1;
  }
  .score .unit {
    font-size: 14px;
    color: var(--cg-muted);
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 500;
  }
  .level::before {
    content: "";
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--cg-level);
  }
  .no-readings {
    font-size: 18px;
    font-weight: 500;
  }
  .hint,
  .confidence,
  .missing,
  .stale {
    color: var(--cg-muted);
    font-size: 13px;
  }

  .detail-col {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  .section-title {
    font-weight: 500;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1.2fr) minmax(40px, 1fr) auto;
    align-items: center;
    gap: 8px;
  }
  .label {
    overflow-wrap: anywhere;
  }
  .track {
    display: flex;
    height: 8px;
    border-radius: 4px;
    background: var(--cg-track);
    overflow: hidden;
  }
  .fill {
    background: var(--cg-level);
    border-radius: 4px;
    min-width: 3px;
  }
  .pts {
    font-variant-numeric: tabular-nums;
    text-align: end;
    min-width: 2.5em;
  }
  .row.history .label {
    font-style: italic;
  }
  .row.total {
    border-block-start: 1px solid var(--cg-divider);
    padding-block-start: 4px;
    font-weight: 500;
  }
  /* What would lower it now: the sentence over the label and bar columns, the points
     where the factors have theirs. */
  .levers {
    display: flex;
    flex-direction: column;
    gap: 6px;
    margin-block-start: 6px;
  }
  .row.lever .label {
    grid-column: 1 / 3;
  }

  .water {
    margin-block-start: 14px;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .water .track {
    position: relative;
    height: 10px;
    border-radius: 5px;
  }
  .water .fill {
    background: var(--info-color, #039be5);
  }
  .pace-marker {
    position: absolute;
    inset-block: -3px;
    width: 2px;
    background: var(--primary-text-color, #212121);
  }
  .water-text {
    color: var(--cg-muted);
    font-size: 13px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-block-start: 14px;
  }
  .checkin {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-block-start: 14px;
  }
  .checkin-question {
    flex: 1 1 auto;
    font-weight: 500;
  }
  .checkin-answers {
    display: flex;
    gap: 8px;
  }
  .checkin button {
    min-height: 44px;
    min-width: 64px;
    padding-block: 6px;
    padding-inline: 16px;
    border-radius: 22px;
    border: 1px solid var(--cg-divider);
    background: var(--card-background-color, transparent);
    color: var(--primary-text-color);
    font: inherit;
    cursor: pointer;
  }
  .actions button {
    flex: 1 1 auto;
    min-height: 40px;
    padding-block: 6px;
    padding-inline: 12px;
    border-radius: 20px;
    border: 1px solid var(--cg-divider);
    background: var(--card-background-color, transparent);
    color: var(--primary-text-color);
    font: inherit;
    cursor: pointer;
  }
  .actions button:hover:not([disabled]),
  .checkin button:hover:not([disabled]) {
    background: var(--cg-track);
  }
  .actions button:focus-visible,
  .checkin button:focus-visible,
  .why-toggle:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  /* A button keeps its size while it says "Logged" (or "Saved"): the label and its
     other texts share one cell, the others hidden, so the row never reflows. */
  .stack {
    display: inline-grid;
  }
  .stack > * {
    grid-area: 1 / 1;
  }
  .ghost {
    visibility: hidden;
  }
  .actions button[disabled],
  .checkin button[disabled] {
    cursor: default;
  }
  .actions button[disabled],
  .checkin button[disabled]:not(.done) {
    opacity: 0.5;
  }
  .actions button.done,
  .checkin button.done {
    border-color: var(--success-color, #43a047);
    color: var(--success-color, #43a047);
  }
  .actions button.failed,
  .checkin button.failed {
    border-color: var(--error-color, #db4437);
    color: var(--error-color, #db4437);
  }

  .undo {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 44px;
    color: var(--secondary-text-color);
  }
  /* Text buttons, each a finger's target: 44 px at least. */
  .undo-button,
  .why-toggle {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    min-width: 44px;
    color: var(--primary-color, #03a9f4);
    font-weight: 500;
  }
  .undo-button {
    padding-inline: 8px;
  }
  .undo-button:focus-visible {
    outline: 2px solid var(--primary-color, #03a9f4);
    outline-offset: 2px;
  }
  .why-toggle {
    margin-block-start: 4px;
  }
  .why {
    margin-block-start: 8px;
    padding-block: 8px;
    padding-inline: 12px;
    border-inline-start: 3px solid var(--cg-divider);
    color: var(--secondary-text-color);
  }
  .why p {
    margin-block: 0 8px;
  }
  .matched .section-title {
    color: var(--primary-text-color);
    margin-block: 4px;
  }
  .disclaimer {
    font-style: italic;
  }
  .professional {
    margin-block: 8px;
    padding: 8px 12px;
    border-radius: 8px;
    border-inline-start: 4px solid var(--warning-color, #ffa600);
    background: rgba(255, 166, 0, 0.12);
    color: var(--primary-text-color);
    font-weight: 500;
  }

  /* Desktop widths: the gauge beside the contributions. */
  @container (min-width: 460px) {
    .main {
      flex-direction: row;
      align-items: flex-start;
      gap: 20px;
    }
    .gauge-col {
      flex: 0 0 40%;
    }
    .detail-col {
      flex: 1 1 auto;
    }
  }
`;
