// The card's parts from personal.md: what would lower the index now (levers).
// Older integrations send none of these keys.
import { afterEach, describe, expect, it, vi } from "vitest";
import "./cramp-guard-card";
import { $, $$, fakeHass, mount, send, snapshot, text } from "./test-helpers";
import type { Lever, Snapshot } from "./types";

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

const NBSP = "\u00a0";

const LEVERS: Lever[] = [
  { key: "water", amount: 250, unit: "mL", score: 24, points: 6 },
  { key: "stretch", amount: null, unit: null, score: 27, points: 3 },
  { key: "cooler", amount: 2, unit: "°C", score: 28, points: 2 },
];

async function show(overrides: Partial<Snapshot>, language = "en") {
  const hass = fakeHass(language);
  const card = await mount(hass);
  await send(card, hass, snapshot(overrides));
  return { hass, card };
}

describe("what would lower it now", () => {
  it("lists the levers as sent, under the factors, each with the index it would give and its points", async () => {
    const { card } = await show({ levers: LEVERS });
    expect(text($(card, ".levers .section-title"))).toBe("What would lower it now");
    const rows = $$(card, ".row.lever");
    expect(rows.map((r) => text(r))).toEqual([
      "A glass now (250 mL) would bring it to 24 −6",
      "Stretching now would bring it to 27 −3",
      "A room 2 °C cooler would bring it to 28 −2",
    ]);
    expect(rows.map((r) => Number(r.dataset.points))).toEqual([6, 3, 2]);
    // Under the factors, in the same column; points styled and laid out like theirs.
    const detail = $(card, ".detail-col")!;
    expect(detail.contains($(card, ".levers"))).toBe(true);
    expect(
      $(card, ".factors")!.compareDocumentPosition($(card, ".levers")!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const pts = rows[0].querySelector(".pts")!;
    expect(pts.getAttribute("dir")).toBe("ltr");
    expect(pts.textContent).toBe("−6");
    // A no-break space between number and unit; numbers and amounts isolated (<bdi>).
    expect(rows[0].textContent).toContain(`250${NBSP}mL`);
    expect(rows[2].textContent).toContain(`2${NBSP}°C`);
    expect([...rows[2].querySelectorAll("bdi")].map((b) => b.textContent)).toEqual([
      `2${NBSP}°C`,
      "28",
    ]);
    expect(text(card.shadowRoot as never)).not.toMatch(/prevent/i);
  });

  it("says the amount when it is not the person's glass, and degrees Fahrenheit", async () => {
    const { card } = await show({
      levers: [
        { key: "water", amount: 500, unit: "mL", score: 22, points: 8 },
        { key: "cooler", amount: 3.6, unit: "°F", score: 28, points: 2 },
      ],
    });
    expect($$(card, ".row.lever").map((r) => text(r))).toEqual([
      "500 mL of water now would bring it to 22 −8",
      "A room 3.6 °F cooler would bring it to 28 −2",
    ]);
  });

  it("formats the numbers for the language (German)", async () => {
    const { card } = await show(
      {
        levers: [
          { key: "water", amount: 1500, unit: "mL", score: 24, points: 6 },
          { key: "cooler", amount: 3.6, unit: "°F", score: 28, points: 2 },
        ],
        water: { today_ml: 900, target_ml: 2500, expected_ml: 2400, pace: 0.4, glass_ml: 250 },
      },
      "de",
    );
    expect(text($(card, ".levers .section-title"))).toBe("Was es jetzt senken würde");
    expect($$(card, ".row.lever").map((r) => text(r))).toEqual([
      "Jetzt 1.500 mL Wasser zu trinken würde es auf 24 senken −6",
      "Ein um 3,6 °F kühlerer Raum würde es auf 28 senken −2",
    ]);
  });

  it.each<[string, Partial<Snapshot>]>([
    ["the list is empty", { levers: [] }],
    ["an older integration sends no levers", {}],
    ["the risk is unavailable", { levers: LEVERS, available: false, score: null, level: null }],
    [
      "no lever has points or the card does not know it",
      {
        levers: [
          { key: "water", amount: 250, unit: "mL", score: 30, points: 0 },
          { key: "fan" as never, amount: null, unit: null, score: 20, points: 10 },
        ],
      },
    ],
  ])("shows nothing when %s", async (_, overrides) => {
    const { card } = await show(overrides);
    expect($(card, ".levers")).toBeNull();
    expect(text(card.shadowRoot as never)).not.toMatch(/NaN|undefined|null|lever\./);
  });

  it("leaves out a lever without the amount the contract gives it", async () => {
    const { card } = await show({
      levers: [
        { key: "water", amount: null, unit: null, score: 26, points: 4 },
        { key: "stretch", amount: null, unit: null, score: 27, points: 3 },
        { key: "cooler", amount: 2, unit: null, score: 28, points: 2 },
      ],
    });
    expect($$(card, ".row.lever").map((r) => text(r))).toEqual([
      "Stretching now would bring it to 27 −3",
    ]);
  });
});
