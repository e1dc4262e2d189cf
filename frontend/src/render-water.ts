// Today's water against the target (with the pace marker), the morning check-in's
// answers, the one-tap log buttons and the undo offered after a tap.
import { html, nothing, type TemplateResult } from "lit";
import type { ActionsController, ButtonKind, CheckinAnswer } from "./actions";
import { isNumber, numberFormat, type Localize, type TranslationKey } from "./localize";
import type { Snapshot } from "./types";

export function renderWater(data: Snapshot, t: Localize, tag: string): TemplateResult | typeof nothing {
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

/**
 * "Any cramps last night?" with No and Yes while the check-in is open, and while an
 * answer is on its way or confirmed (the next payload closes it; "Saved" still shows).
 * Each button keeps its size whatever it says (all its texts share one cell).
 */
export function renderCheckin(
  data: Snapshot,
  actions: ActionsController,
  t: Localize,
): TemplateResult | typeof nothing {
  const sent = actions.checkin;
  const busy = sent?.state === "pending" || sent?.state === "done";
  if (data.checkin?.open !== true && !busy) return nothing;
  const saved = `✓ ${t("checkin.saved")}`;
  const failed = t("checkin.failed");
  const answers: [CheckinAnswer, string][] = [
    ["no", t("checkin.no")],
    ["yes", t("checkin.yes")],
  ];
  return html`<div class="checkin" role="group" aria-labelledby="checkin-question">
    <span class="checkin-question" id="checkin-question">${t("checkin.question")}</span>
    <span class="checkin-answers">
      ${answers.map(([answer, text]) => {
        const state = sent?.answer === answer ? sent.state : undefined;
        const shown = state === "done" ? saved : state === "failed" ? failed : text;
        return html`<button
          class="checkin-${answer} ${state ?? ""}"
          ?disabled=${busy}
          @click=${() => actions.answerCheckin(answer)}
        >
          <span class="stack">
            <span aria-live="polite">${shown}</span>
            <span class="ghost" aria-hidden="true">${text}</span>
            <span class="ghost" aria-hidden="true">${saved}</span>
            <span class="ghost" aria-hidden="true">${failed}</span>
          </span>
        </button>`;
      })}
    </span>
  </div>`;
}

/** The three log buttons (disabled without their entity), then the undo line. */
export function renderButtons(
  data: Snapshot,
  actions: ActionsController,
  t: Localize,
  tag: string,
): TemplateResult {
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
        const state = actions.pressed[kind];
        const shown = state === "done" ? `✓ ${t("logged")}` : state === "failed" ? t("log_failed") : text;
        return html`<button
          class="log-${kind} ${state ?? ""}"
          aria-label=${t(`button_label.${kind}` as TranslationKey)}
          title=${t(`button_label.${kind}` as TranslationKey)}
          ?disabled=${!entityId}
          @click=${() => actions.press(kind, entityId)}
        >
          <span class="stack">
            <span aria-live="polite">${shown}</span>
            <span class="ghost" aria-hidden="true">${text}</span>
          </span>
        </button>`;
      })}
    </div>
    ${renderUndo(actions, t)}`;
}

function renderUndo(actions: ActionsController, t: Localize): TemplateResult | typeof nothing {
  const undo = actions.undo;
  if (!undo) return nothing;
  return html`<div class="undo" role="status" aria-live="polite">
      ${undo.state === "offer"
        ? html`<span>${t(`undo.${undo.kind}` as TranslationKey)}</span>
            <button class="undo-button" @click=${() => actions.undoLast(undo.kind)}>${t("undo")}</button>`
        : html`<span>${t(undo.state === "done" ? "undone" : "undo_failed")}</span>`}
    </div>`;
}
