// The risk gauge: an SVG semicircle with the four level bands and a needle at the score.
import { svg, type SVGTemplateResult } from "lit";
import type { Level } from "./types";

export const LEVELS: readonly Level[] = ["low", "moderate", "high", "very_high"];
/** The score where each level starts (the risk model's bands: 0-24, 25-49, 50-74, 75-100). */
const BAND_START: Record<Level, number> = { low: 0, moderate: 25, high: 50, very_high: 75 };
const BAND_END: Record<Level, number> = { low: 25, moderate: 50, high: 75, very_high: 100 };

const CX = 60;
const CY = 58;
const R = 46;

export function levelOf(score: number): Level {
  return score >= 75 ? "very_high" : score >= 50 ? "high" : score >= 25 ? "moderate" : "low";
}

function clamp(score: number): number {
  return Math.min(100, Math.max(0, score));
}

function point(score: number, radius: number): [number, number] {
  const angle = Math.PI * (1 - clamp(score) / 100);
  return [
    +(CX + radius * Math.cos(angle)).toFixed(2),
    +(CY - radius * Math.sin(angle)).toFixed(2),
  ];
}

function arc(from: number, to: number): string {
  const [x0, y0] = point(from, R);
  const [x1, y1] = point(to, R);
  return `M ${x0} ${y0} A ${R} ${R} 0 0 1 ${x1} ${y1}`;
}

/** The gauge; score null draws the bands without a needle (no readings yet). */
export function renderGauge(score: number | null): SVGTemplateResult {
  const gap = 0.8;
  const bands = LEVELS.map(
    (level) =>
      svg`<path class="band band-${level}" d=${arc(
        BAND_START[level] + (level === "low" ? 0 : gap),
        BAND_END[level] - (level === "very_high" ? 0 : gap),
      )}></path>`,
  );
  let needle = svg``;
  if (score !== null) {
    const [x, y] = point(score, R - 12);
    needle = svg`<line class="needle" x1=${CX} y1=${CY} x2=${x} y2=${y}></line>
      <circle class="hub" cx=${CX} cy=${CY} r="4"></circle>`;
  }
  return svg`<svg viewBox="0 0 120 66" role="presentation" aria-hidden="true" focusable="false">
    ${bands}${needle}
  </svg>`;
}
