// The risk gauge: an SVG semicircle, filled from 0 up to the score in the colour of the
// level the integration sent, and a needle at the score. The card keeps no level bands
// of its own: the level comes with the data (the risk model's, as on the risk sensor).
import { svg, type SVGTemplateResult } from "lit";
import type { Level } from "./types";

const CX = 60;
const CY = 58;
const R = 46;

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

/**
 * The gauge: the whole arc as a track, the part up to `score` in the colour of `level`
 * (the `.root.level-*` class sets it); score null draws the track alone (no readings yet).
 */
export function renderGauge(score: number | null, level: Level | null): SVGTemplateResult {
  const track = svg`<path class="arc-track" d=${arc(0, 100)}></path>`;
  if (score === null) {
    return svg`<svg viewBox="0 0 120 66" role="presentation" aria-hidden="true" focusable="false">
    ${track}
  </svg>`;
  }
  const value =
    clamp(score) > 0
      ? svg`<path class="arc-value" data-level=${level ?? "none"} d=${arc(0, score)}></path>`
      : svg``;
  const [x, y] = point(score, R - 12);
  return svg`<svg viewBox="0 0 120 66" role="presentation" aria-hidden="true" focusable="false">
    ${track}${value}<line class="needle" x1=${CX} y1=${CY} x2=${x} y2=${y}></line>
      <circle class="hub" cx=${CX} cy=${CY} r="4"></circle>
  </svg>`;
}
