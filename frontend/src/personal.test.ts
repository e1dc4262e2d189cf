// The card's parts from personal.md: what would lower the index now (levers), how it
// has matched the person's cramps and the personal weights (the Why panel), and the
// morning check-in's answer buttons. Older integrations send none of these keys.
import { afterEach, describe, expect, it, vi } from "vitest";
import { CONFIRM_MS } from "./actions";
import "./cramp-guard-card";
import { $, $$, ENTRY, fakeHass, flush, mount, send, snapshot, text } from "./test-helpers";
import type { Evaluation, Lever, Personal, Snapshot } from "./types";

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

const READY: Evaluation = {
  ready: true,
  matched: 7,
  needed_events: 5,
  tracked_days: 30,
  needed_days: 14,
  high_events: 5,
  high_share_time: 0.18,
  lift: 3.97,
};

const LEARNING: Evaluation = {
  ready: false,
  matched: 3,
  needed_events: 5,
  tracked_days: 9,
  needed_days: 14,
  high_events: 2,
  high_share_time: 0.2,
  lift: 3.3,
};

const ACTIVE: Personal = {
  learning: true,
  active: true,
  events: 9,
  tracked_days: 30,
  multipliers: { hydration: 1, heat: 1.4, stretch: 0.8, workload: 1.0, exertion: 1.25, timing: 1 },
};

async function show(overrides: Partial<Snapshot>, language = "en") {
  const hass = fakeHass(language);
  const card = await mount(hass);
  await send(card, hass, snapshot(overrides));
  return { hass, card };
}

async function openWhy(overrides: Partial<Snapshot>, language = "en") {
  const shown = await show(overrides, language);
  $(shown.card, ".why-toggle")!.click();
  await shown.card.updateComplete;
  return shown;
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

describe("how it has matched your cramps", () => {
  it("states the finding once the evaluation is ready", async () => {
    const { card } = await openWhy({ evaluation: READY });
    expect(text($(card, ".matched .section-title"))).toBe("How it has matched your cramps");
    expect(text($(card, ".matched .evaluation"))).toBe(
      "Of your 7 cramps, 5 came after hours at high or very high, which were 18 % of your time.",
    );
    // The percentage with its sign in one isolate.
    const bdis = [...$(card, ".matched .evaluation")!.querySelectorAll("bdi")];
    expect(bdis.map((b) => b.textContent)).toEqual(["7", "5", `18${NBSP}%`]);
    // Inside the Why panel, before the disclaimer.
    const why = $(card, ".why")!;
    expect(why.contains($(card, ".matched"))).toBe(true);
    expect(why.lastElementChild!.classList.contains("disclaimer")).toBe(true);
  });

  it("shows only how far it has come before it is ready, never a finding", async () => {
    const { card, hass } = await openWhy({ evaluation: LEARNING });
    expect(text($(card, ".matched .evaluation"))).toBe("Learning: 3 of 5 cramps, 9 of 14 days");
    expect(text($(card, ".matched"))).not.toMatch(/Of your|came after|%/);
    // Enough cramps but too few days: the count stops at the threshold.
    await send(card, hass, snapshot({ evaluation: { ...LEARNING, matched: 8, tracked_days: 10 } }));
    expect(text($(card, ".matched .evaluation"))).toBe("Learning: 5 of 5 cramps, 10 of 14 days");
  });

  it("agrees the verb with one cramp (German)", async () => {
    const { card } = await openWhy({ evaluation: { ...READY, high_events: 1, high_share_time: 0.123 } }, "de");
    expect(text($(card, ".matched .evaluation"))).toBe(
      "Von deinen 7 Krämpfen kam 1 nach Stunden mit hohem oder sehr hohem Risiko, und diese Stunden waren 12 % deiner Zeit.",
    );
  });

  it("names the multipliers that differ from 1 while learning is on and active", async () => {
    const { card } = await openWhy({ evaluation: READY, personal: ACTIVE });
    expect($$(card, ".matched .weight").map((p) => text(p))).toEqual([
      "Heat counts 1.4 × for you (from 9 cramps)",
      "Exertion counts 1.25 × for you (from 9 cramps)",
      "Stretching counts 0.8 × for you (from 9 cramps)",
    ]);
    expect($(card, ".matched .calibrating")).toBeNull();
  });

  it("says when learning starts while it is on but not active yet", async () => {
    const { card } = await openWhy({
      evaluation: { ...LEARNING, needed_events: 6, needed_days: 21 },
      personal: { ...ACTIVE, active: false, events: 3 },
    });
    expect($$(card, ".matched .weight")).toHaveLength(0);
    expect(text($(card, ".matched .calibrating"))).toBe(
      "Learning from your cramps: it starts after 6 cramps and 21 days.",
    );
    expect(text($(card, ".matched .evaluation"))).toBe("Learning: 3 of 6 cramps, 9 of 21 days");
  });

  it("says nothing about weights while learning is off; the evaluation still shows", async () => {
    const { card } = await openWhy({ evaluation: READY, personal: { ...ACTIVE, learning: false } });
    expect($$(card, ".matched .weight")).toHaveLength(0);
    expect($(card, ".matched .calibrating")).toBeNull();
    expect(text($(card, ".matched .evaluation"))).toMatch(/^Of your 7 cramps/);
  });

  it("shows nothing of it for an older integration", async () => {
    const { card } = await openWhy({});
    expect($(card, ".why")).not.toBeNull();
    expect($(card, ".matched")).toBeNull();
  });

  it("shows the learning line without an evaluation, with the design's thresholds", async () => {
    const { card } = await openWhy({ personal: { ...ACTIVE, active: false } });
    expect(text($(card, ".matched .calibrating"))).toBe(
      "Learning from your cramps: it starts after 5 cramps and 14 days.",
    );
    expect($(card, ".matched .evaluation")).toBeNull();
  });
});

describe("the morning check-in", () => {
  it.each<[string, Partial<Snapshot>]>([
    ["an older integration sends no check-in", {}],
    ["there is none", { checkin: null }],
    ["it is closed", { checkin: { open: false } }],
  ])("has no buttons when %s", async (_, overrides) => {
    const { card } = await show(overrides);
    expect($(card, ".checkin")).toBeNull();
  });

  it("asks while open and answers with a tap", async () => {
    vi.useFakeTimers();
    const { card, hass } = await show({ checkin: { open: true } });
    const row = $(card, ".checkin")!;
    expect(row.getAttribute("role")).toBe("group");
    expect(text(row.querySelector(`#${row.getAttribute("aria-labelledby")}`))).toBe(
      "Any cramps last night?",
    );
    expect(text($(card, ".checkin-no [aria-live]"))).toBe("No");
    expect(text($(card, ".checkin-yes [aria-live]"))).toBe("Yes");
    // Between today's water and the log buttons.
    expect($(card, ".water")!.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(row.compareDocumentPosition($(card, ".actions")!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    $(card, "button.checkin-yes")!.click();
    $(card, "button.checkin-no")!.click(); // a second tap while the first is on its way
    await vi.advanceTimersByTimeAsync(0);
    await card.updateComplete;
    expect(hass.callService).toHaveBeenCalledTimes(1);
    expect(hass.callService).toHaveBeenCalledWith("cramp_guard", "answer_checkin", {
      config_entry_id: ENTRY,
      answer: "yes",
    });
    expect(text($(card, ".checkin-yes [aria-live]"))).toBe("✓ Saved");
    expect($(card, "button.checkin-yes")!.classList.contains("done")).toBe(true);
    expect(($(card, "button.checkin-no") as HTMLButtonElement).disabled).toBe(true);

    // The integration closes it; the confirmation stays for its moment, then the row goes.
    await send(card, hass, snapshot({ checkin: null }));
    expect(text($(card, ".checkin-yes [aria-live]"))).toBe("✓ Saved");
    await vi.advanceTimersByTimeAsync(CONFIRM_MS);
    await card.updateComplete;
    expect($(card, ".checkin")).toBeNull();
  });

  it("says when an answer was not saved and lets the person try again", async () => {
    const { card, hass } = await show({ checkin: { open: true } });
    hass.callService.mockRejectedValueOnce(new Error("not open"));
    $(card, "button.checkin-no")!.click();
    await flush();
    await card.updateComplete;
    const no = $(card, "button.checkin-no") as HTMLButtonElement;
    expect(text(no.querySelector("[aria-live]"))).toBe("Not saved");
    expect(no.classList.contains("failed")).toBe(true);
    expect(no.disabled).toBe(false);
    // Its size is held by all its texts, so the row does not reflow.
    expect([...no.querySelectorAll(".ghost")].map((g) => text(g))).toEqual([
      "No",
      "✓ Saved",
      "Not saved",
    ]);
    no.click();
    await flush();
    expect(hass.callService).toHaveBeenCalledTimes(2);
    expect(hass.callService).toHaveBeenLastCalledWith("cramp_guard", "answer_checkin", {
      config_entry_id: ENTRY,
      answer: "no",
    });
  });
});

describe("right to left (Hebrew)", () => {
  it("words the levers, the evaluation, the weights and the check-in in Hebrew", async () => {
    const { card } = await openWhy(
      { levers: LEVERS, evaluation: READY, personal: ACTIVE, checkin: { open: true } },
      "he",
    );
    expect($(card, ".root")!.getAttribute("dir")).toBe("rtl");
    expect(text($(card, ".levers .section-title"))).toBe("מה היה מוריד אותו עכשיו");
    expect($$(card, ".row.lever").map((r) => text(r))).toEqual([
      "כוס עכשיו (250 מ״ל) הייתה מורידה אותו ל-24 −6",
      "מתיחה עכשיו הייתה מורידה אותו ל-27 −3",
      "חדר קריר יותר ב-2 מעלות היה מוריד אותו ל-28 −2",
    ]);
    expect($(card, ".row.lever .pts")!.getAttribute("dir")).toBe("ltr");
    expect(text($(card, ".matched .evaluation"))).toBe(
      "מתוך 7 ההתכווצויות שלך, 5 הגיעו אחרי שעות ברמה גבוהה או גבוהה מאוד, שהיו 18% מהזמן שלך.",
    );
    expect(text($$(card, ".matched .weight")[0])).toBe("חום: משקל פי 1.4 אצלך (לפי 9 התכווצויות)");
    expect(text($(card, ".checkin-question"))).toBe("היו לך התכווצויות בלילה?");
    expect(text($(card, ".checkin-yes [aria-live]"))).toBe("כן");
    // No Latin letters in what these parts say.
    for (const part of [".levers", ".matched", ".checkin"]) {
      expect(text($(card, part)), part).not.toMatch(/[A-Za-z]/);
    }
  });
});
