// The risk half of the card: the gauge with the score and its level in words, the
// confidence line, the contributions (a bar and points per factor, the history line, the
// total), the factors not measured and what would lower the index now (the levers).
import { html, nothing, type TemplateResult } from "lit";
import { renderGauge } from "./gauge";
import { isNumber, isolated, numberFormat, type Localize, type TranslationKey } from "./localize";
import type { Lever, Snapshot } from "./types";

/** The gauge (a button to the risk sensor's more-info), the score, the level, the confidence. */
export function renderGaugeColumn(
  data: Snapshot,
  available: boolean,
  t: Localize,
  tag: string,
  onGauge: () => void,
): TemplateResult {
  const nf = numberFormat(tag, { maximumFractionDigits: 0 });
  const score = available ? (data.score as number) : null;
  const level = score === null ? null : data.level;
  const levelWord = level ? t(`level.${level}` as TranslationKey) : "";
  return html`<div class="gauge-col ${available ? "" : "unavailable"}">
          <button
            class="gauge"
            aria-label=${score === null
              ? t("gauge_label_unavailable")
              : t("gauge_label", { score: nf.format(score), level: levelWord })}
            @click=${onGauge}
          >
            ${renderGauge(score, level)}
          </button>
          ${score === null
            ? html`<div class="no-readings">${t("no_readings")}</div>
                <div class="hint">${t("no_readings_hint")}</div>`
            : html`<div class="score">
                  <bdi>${nf.format(score)}</bdi> <span class="unit">${t("of_100")}</span>
                </div>
                <div class="level">${levelWord}</div>`}
          ${renderConfidence(data, t)}
        </div>`;
}

export function renderConfidence(data: Snapshot, t: Localize): TemplateResult | typeof nothing {
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

/** The contributions; only while the risk is available (data.score is a number). */
export function renderFactors(data: Snapshot, t: Localize, tag: string): TemplateResult {
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

/**
 * "Not measured: ..." for the factors without a source, and a line for each stale
 * source ("Stale: steps last synced 3 hours ago").
 */
export function renderMissing(data: Snapshot, t: Localize, tag: string): TemplateResult | typeof nothing {
  const stale = renderStale(data, t, tag);
  const missing = renderNotMeasured(data, t, tag);
  if (missing === nothing && stale.length === 0) return nothing;
  return html`${missing}${stale}`;
}

function renderNotMeasured(data: Snapshot, t: Localize, tag: string): TemplateResult | typeof nothing {
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

const STALE_SOURCES = new Set(["steps", "intensity_minutes", "active_kcal", "water"]);

/** One line per stale source the card has words for (an older integration sends none). */
function renderStale(data: Snapshot, t: Localize, tag: string): TemplateResult[] {
  return (Array.isArray(data.stale) ? data.stale : [])
    .filter((item) => item && STALE_SOURCES.has(item.source) && isNumber(item.hours) && item.hours >= 0)
    .map(
      (item) => html`<div class="stale stale-${item.source}">
        ${isolated(t, "stale", {
          source: t(`stale_source.${item.source}` as TranslationKey),
          ago: ago(item.hours, tag),
        })}
      </div>`,
    );
}

/**
 * "3 hours ago" in the user's language (days from two days on), the number kept with
 * the words next to it (no-break spaces: "vor 6 Stunden" never breaks after the 6).
 */
function ago(hours: number, tag: string): string {
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    hours >= 48 ? [Math.floor(hours / 24), "day"] : [Math.floor(hours), "hour"];
  let text: string;
  try {
    text = new Intl.RelativeTimeFormat(tag, { numeric: "always" }).format(-value, unit);
  } catch {
    text = new Intl.RelativeTimeFormat("en", { numeric: "always" }).format(-value, unit);
  }
  return text.replace(/ (?=\d)|(?<=\d) /g, "\u00a0");
}

/**
 * "What would lower it now": one row per lever the integration sent (already ordered,
 * largest points first), each with the index it would give and its points. Only while
 * the risk is available; nothing without levers (or from an older integration).
 */
export function renderLevers(data: Snapshot, t: Localize, tag: string): TemplateResult | typeof nothing {
  const nf = numberFormat(tag, { maximumFractionDigits: 0 });
  const rows = (Array.isArray(data.levers) ? data.levers : [])
    .filter((lever) => lever && isNumber(lever.score) && isNumber(lever.points) && lever.points > 0)
    .map((lever) => ({ lever, text: leverText(lever, data, t, tag) }))
    .filter((row): row is { lever: Lever; text: TemplateResult } => row.text !== null);
  if (rows.length === 0) return nothing;
  return html`<div class="levers">
      <div class="section-title">${t("levers")}</div>
      ${rows.map(
        ({ lever, text }) => html`<div class="row lever lever-${lever.key}" data-points=${lever.points}>
          <span class="label">${text}</span>
          <span class="pts" dir="ltr">−${nf.format(lever.points)}</span>
        </div>`,
      )}
    </div>`;
}

/**
 * "A glass now (250 mL) would bring it to 46"; null for a lever the card does not know
 * or one without the amount the contract gives it (water in mL, cooler in °C or °F).
 */
function leverText(lever: Lever, data: Snapshot, t: Localize, tag: string): TemplateResult | null {
  const whole = numberFormat(tag, { maximumFractionDigits: 0 });
  const score = whole.format(lever.score);
  const amount = isNumber(lever.amount) && lever.amount > 0 ? lever.amount : null;
  if (lever.key === "stretch") return isolated(t, "lever.stretch", { score });
  if (lever.key === "water" && amount !== null) {
    // "A glass" only when it is the person's glass; any other amount in mL.
    const glass = data.water?.glass_ml;
    const key = isNumber(glass) && glass === amount ? "lever.water_glass" : "lever.water";
    return isolated(t, key, { ml: whole.format(amount), score });
  }
  const unit = lever.unit === "°F" ? "unit.fahrenheit" : lever.unit === "°C" ? "unit.celsius" : null;
  if (lever.key === "cooler" && amount !== null && unit !== null) {
    const n = numberFormat(tag, { maximumFractionDigits: 1 }).format(amount);
    return isolated(t, "lever.cooler", { degrees: t(unit, { n }), score });
  }
  return null;
}
