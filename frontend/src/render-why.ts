// "Why?": the toggle and the panel that explains the index, with the advice to see a
// health professional when cramps are frequent or one was logged as severe (the panel
// then opens by itself), and how the index has matched the person's own cramps
// (personal.md sections 3 and 4).
import { html, nothing, type TemplateResult } from "lit";
import { isNumber, isolated, numberFormat, type Localize, type TranslationKey } from "./localize";
import type { Evaluation, FactorKey, Snapshot } from "./types";

/** The model's order, for the personal multipliers of equal size. */
const FACTORS: FactorKey[] = ["hydration", "heat", "stretch", "workload", "exertion", "timing"];
/** personal.md's thresholds, for an evaluation that does not send its own. */
const NEEDED_EVENTS = 5;
const NEEDED_DAYS = 14;

/** The toggle, then the panel when `open`; `onToggle` gets the state to switch to. */
export function renderWhy(
  data: Snapshot,
  open: boolean,
  onToggle: (open: boolean) => void,
  t: Localize,
  tag: string,
): TemplateResult {
  return html`<button
        class="why-toggle"
        aria-expanded=${open ? "true" : "false"}
        @click=${() => onToggle(!open)}
      >
        ${open ? t("why_hide") : t("why")}
      </button>
      ${open ? renderWhyPanel(data, t, tag) : nothing}`;
}

function renderWhyPanel(data: Snapshot, t: Localize, tag: string): TemplateResult {
  return html`<div class="why">
      ${data.see_professional
        ? html`<div class="professional" role="alert">${t("see_professional")}</div>`
        : nothing}
      <p>${t("why.compare")}</p>
      <p>${t("why.strong")}</p>
      <p>${t("why.weak")}</p>
      <p>${t("why.index")}</p>
      ${renderMatched(data, t, tag)}
      <p class="disclaimer">${t("not_medical_advice")}</p>
    </div>`;
}

/**
 * "How it has matched your cramps": the evaluation's finding once it is ready (before
 * that only how far it has come), then the personal multipliers in use, or when
 * learning waits for enough cramps and days. Nothing from an older integration.
 */
function renderMatched(data: Snapshot, t: Localize, tag: string): TemplateResult | typeof nothing {
  const evaluation = data.evaluation && typeof data.evaluation === "object" ? data.evaluation : null;
  const needed = {
    events: isNumber(evaluation?.needed_events) ? evaluation.needed_events : NEEDED_EVENTS,
    days: isNumber(evaluation?.needed_days) ? evaluation.needed_days : NEEDED_DAYS,
  };
  const lines: TemplateResult[] = [];
  const finding = evaluation ? evaluationLine(evaluation, needed, t, tag) : null;
  if (finding) lines.push(html`<p class="evaluation">${finding}</p>`);
  lines.push(...personalLines(data, needed, t, tag));
  if (lines.length === 0) return nothing;
  return html`<div class="matched">
    <div class="section-title">${t("matched")}</div>
    ${lines}
  </div>`;
}

function evaluationLine(
  evaluation: Evaluation,
  needed: { events: number; days: number },
  t: Localize,
  tag: string,
): TemplateResult | null {
  const whole = numberFormat(tag, { maximumFractionDigits: 0 });
  const { matched, high_events: high, high_share_time: shareTime, tracked_days: days } = evaluation;
  if (evaluation.ready === true) {
    if (!isNumber(matched) || !isNumber(high) || !isNumber(shareTime)) return null;
    const share = t("percent", { n: whole.format(Math.round(shareTime * 100)) });
    const key = pluralOf(tag, high) === "one" ? "matched.finding_one" : "matched.finding";
    return isolated(t, key, { matched: whole.format(matched), high_events: whole.format(high), share });
  }
  // Before it is ready: how far it has come, never a finding. A count past its
  // threshold (the other one still short) is shown at the threshold.
  if (!isNumber(matched) || !isNumber(days)) return null;
  return isolated(t, "matched.learning", {
    matched: whole.format(Math.min(matched, needed.events)),
    needed_events: whole.format(needed.events),
    tracked_days: whole.format(Math.min(days, needed.days)),
    needed_days: whole.format(needed.days),
  });
}

/** "Heat counts 1.4 × for you (from 9 cramps)" per multiplier in use, or "Learning ...". */
function personalLines(
  data: Snapshot,
  needed: { events: number; days: number },
  t: Localize,
  tag: string,
): TemplateResult[] {
  const personal = data.personal && typeof data.personal === "object" ? data.personal : null;
  if (personal?.learning !== true) return [];
  const whole = numberFormat(tag, { maximumFractionDigits: 0 });
  if (personal.active !== true) {
    return [
      html`<p class="calibrating">
        ${isolated(t, "personal.calibrating", {
          needed_events: whole.format(needed.events),
          needed_days: whole.format(needed.days),
        })}
      </p>`,
    ];
  }
  if (!isNumber(personal.events)) return [];
  const multipliers = personal.multipliers ?? {};
  const times = numberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const events = whole.format(personal.events);
  return FACTORS.map((key) => ({ key, m: multipliers[key] }))
    .filter((f): f is { key: FactorKey; m: number } => isNumber(f.m) && f.m > 0 && Math.round(f.m * 100) !== 100)
    .sort((a, b) => b.m - a.m)
    .map(
      ({ key, m }) => html`<p class="weight weight-${key}">
        ${isolated(t, "personal.weight", {
          factor: t(`factor_name.${key}` as TranslationKey),
          m: times.format(m),
          events,
        })}
      </p>`,
    );
}

function pluralOf(tag: string, n: number): Intl.LDMLPluralRule {
  try {
    return new Intl.PluralRules(tag).select(n);
  } catch {
    return new Intl.PluralRules("en").select(n);
  }
}
