import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CrampGuardCard, RETRY_MS, UNDO_MS } from "./cramp-guard-card";
import { $, $$, ENTRY, fakeHass, flush, mount, send, snapshot, text } from "./test-helpers";
import type { Level } from "./types";

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

describe("registration", () => {
  it("defines the element once and lists the card in the card picker", async () => {
    expect(customElements.get("cramp-guard-card")).toBe(CrampGuardCard);
    const entries = window.customCards!.filter((c) => c.type === "cramp-guard-card");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ name: "Cramp Guard", preview: true });
    // Loading the module a second time (two resource URLs) must not throw.
    vi.resetModules();
    await import("./cramp-guard-card");
    expect(window.customCards!.filter((c) => c.type === "cramp-guard-card")).toHaveLength(1);
  });

  it("throws a clear error when config_entry_id is missing", () => {
    const card = document.createElement("cramp-guard-card");
    expect(() => card.setConfig({ type: "custom:cramp-guard-card" } as never)).toThrow(
      /config_entry_id/,
    );
    expect(() => card.setConfig({ type: "custom:cramp-guard-card", config_entry_id: "" })).toThrow(
      /choose a person/,
    );
  });

  it("picks the first person for the stub config", async () => {
    const hass = fakeHass();
    const config = await CrampGuardCard.getStubConfig(hass);
    expect(hass.callWS).toHaveBeenCalledWith({ type: "cramp_guard/people" });
    expect(config).toEqual({ type: "custom:cramp-guard-card", config_entry_id: ENTRY });
  });

  it("returns a stub without a person when nobody is set up", async () => {
    const config = await CrampGuardCard.getStubConfig(fakeHass("en", []));
    expect(config.config_entry_id).toBe("");
  });

  it("offers its editor, loaded when asked for, grid options and a card size", async () => {
    const card = document.createElement("cramp-guard-card");
    // The card does not import the editor: only the dashboard editor's ask loads it.
    expect(customElements.get("cramp-guard-card-editor")).toBeUndefined();
    const editor = await CrampGuardCard.getConfigElement();
    expect(editor.tagName.toLowerCase()).toBe("cramp-guard-card-editor");
    expect(editor).toBeInstanceOf(customElements.get("cramp-guard-card-editor")!);
    expect(card.getCardSize()).toBeGreaterThan(0);
    expect(card.getGridOptions()).toMatchObject({ columns: 12 });
  });
});

describe("subscription", () => {
  it("subscribes with the config entry and shows loading until the first event", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    expect(hass.connection.subscribeMessage).toHaveBeenCalledTimes(1);
    expect(hass.subscriptions[0].message).toEqual({
      type: "cramp_guard/card/subscribe",
      config_entry_id: ENTRY,
    });
    expect(text($(card, ".message"))).toBe("Loading Cramp Guard…");
    await send(card, hass, snapshot());
    expect(text($(card, ".name"))).toBe("Demo");
  });

  it("does not subscribe again when hass changes", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    card.hass = { ...hass } as never;
    card.hass = { ...hass } as never;
    await flush();
    expect(hass.connection.subscribeMessage).toHaveBeenCalledTimes(1);
  });

  it("unsubscribes when removed", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    card.remove();
    expect(hass.subscriptions[0].unsubscribe).toHaveBeenCalledTimes(1);
  });

  it("re-subscribes 5 s after a loaded: false event", async () => {
    vi.useFakeTimers();
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    await send(card, hass, { loaded: false });
    expect(text($(card, ".message"))).toMatch(/not loaded right now/);
    expect(hass.subscriptions[0].unsubscribe).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(RETRY_MS - 1);
    expect(hass.connection.subscribeMessage).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    await flush();
    expect(hass.connection.subscribeMessage).toHaveBeenCalledTimes(2);
    await send(card, hass, snapshot({ score: 10, level: "low" }));
    expect(text($(card, ".score"))).toBe("10 of 100");
  });

  it("retries every 5 s while the person is not found, with a clear message", async () => {
    vi.useFakeTimers();
    const hass = fakeHass();
    hass.nextSubscribe = "not_found";
    const card = await mount(hass);
    await card.updateComplete;
    expect(text($(card, ".message"))).toMatch(/not found/);
    vi.advanceTimersByTime(RETRY_MS);
    await flush();
    expect(hass.connection.subscribeMessage).toHaveBeenCalledTimes(2);
    hass.nextSubscribe = "ok";
    vi.advanceTimersByTime(RETRY_MS);
    await flush();
    expect(hass.connection.subscribeMessage).toHaveBeenCalledTimes(3);
    await send(card, hass, snapshot());
    expect($(card, ".score")).not.toBeNull();
  });

  it("subscribes to the new person when the config changes", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    card.setConfig({ type: "custom:cramp-guard-card", config_entry_id: "01JSECOND" });
    await flush();
    expect(hass.subscriptions[0].unsubscribe).toHaveBeenCalled();
    expect(hass.subscriptions[1].message.config_entry_id).toBe("01JSECOND");
  });
});

describe("the risk", () => {
  const cases: [number, Level, string][] = [
    [10, "low", "low"],
    [30, "moderate", "moderate"],
    [60, "high", "high"],
    [90, "very_high", "very high"],
  ];
  it.each(cases)("score %i: level %s in its colour band", async (score, level, word) => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(
      card,
      hass,
      snapshot({
        score,
        level,
        history_points: 0,
        history: null,
        multiplier: 1,
        points: [{ key: "workload", points: score, available: true }],
      }),
    );
    const root = $(card, ".root")!;
    expect(root.classList.contains(`level-${level}`)).toBe(true);
    expect(text($(card, ".score"))).toBe(`${score} of 100`);
    expect(text($(card, ".level"))).toBe(word);
    // The arc up to the score in the level's colour variable, the needle on the score's side.
    expect($(card, "path.arc-track")).not.toBeNull();
    expect($(card, "path.arc-value")!.dataset.level).toBe(level);
    const x2 = Number($(card, ".needle")!.getAttribute("x2"));
    expect(x2 < 60).toBe(score < 50);
    const styles = CrampGuardCard.styles.toString();
    expect(styles).toContain(`.root.level-${level} { --cg-level: var(--cg-${level}); }`);
    expect(styles).toContain(".arc-value { stroke: var(--cg-level); }");
  });

  /** Where the value arc ends: [x, y] in the gauge's viewBox (0 0 120 66, centre x 60). */
  function arcEnd(card: HTMLElement): number[] {
    return $(card, "path.arc-value")!.getAttribute("d")!.trim().split(/\s+/).slice(-2).map(Number);
  }

  it.each([
    [30, "high", "high"],
    [45, "very_high", "very high"],
    [80, "moderate", "moderate"],
    [20, "moderate", "moderate"],
  ] as [number, Level, string][])(
    "score %i sent as %s: drawn by the sent level, the arc still at the score",
    async (score, level, word) => {
      // The card has no bands of its own: a level the old card bands (0-24, 25-49,
      // 50-74, 75-100) would have put elsewhere is shown as sent.
      const hass = fakeHass();
      const card = await mount(hass);
      await send(card, hass, snapshot({ score, level }));
      expect([...$(card, ".root")!.classList].filter((c) => c.startsWith("level-"))).toEqual([
        `level-${level}`,
      ]);
      expect(text($(card, ".level"))).toBe(word);
      expect($(card, ".gauge")!.getAttribute("aria-label")).toContain(word);
      expect($(card, "path.arc-value")!.dataset.level).toBe(level);
      expect(text($(card, ".score"))).toBe(`${score} of 100`);
      const [x] = arcEnd(card);
      expect(x < 60).toBe(score < 50);
      expect(Number($(card, ".needle")!.getAttribute("x2")) < 60).toBe(score < 50);
    },
  );

  it("draws no value arc at 0 and the track alone without readings", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot({ score: 0, level: "low", points: [], history_points: 0 }));
    expect($(card, "path.arc-track")).not.toBeNull();
    expect($(card, "path.arc-value")).toBeNull();
    expect($(card, ".needle")).not.toBeNull();
    await send(card, hass, snapshot({ available: false, score: null, level: null }));
    expect($(card, "path.arc-track")).not.toBeNull();
    expect($(card, "path.arc-value")).toBeNull();
    expect($(card, ".root")!.classList.contains("level-none")).toBe(true);
  });

  it("shows the contributions in words, the history line and a total equal to the score", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    const rows = $$(card, ".row.factor");
    expect(rows.map((r) => text(r))).toEqual([
      "behind on water +12",
      "heat (room or outdoors) +8",
      "no stretch today +4",
    ]);
    const history = $(card, ".row.history");
    expect(text(history)).toBe("recent cramp ×1.2 +6");
    const shown = [...rows, history!].reduce((sum, r) => sum + Number(r.dataset.points), 0);
    expect(shown).toBe(30);
    expect(text($(card, ".row.total"))).toBe("total 30");
  });

  it("shows the cramp-prone multiplier as its own line", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(
      card,
      hass,
      snapshot({
        score: 72,
        level: "high",
        history: "cramp_prone",
        multiplier: 1.5,
        history_points: 24,
        points: [
          { key: "exertion", points: 30, available: true },
          { key: "workload", points: 18, available: true },
        ],
      }),
    );
    expect(text($(card, ".row.history"))).toBe("cramp-prone ×1.5 +24");
    expect(text($(card, ".row.total"))).toBe("total 72");
  });

  /** Water counted, the room temperature and the activity history missing. */
  const TWO_MISSING = {
    points: [
      { key: "hydration" as const, points: 12, available: true },
      { key: "heat" as const, points: 0, available: false },
      { key: "workload" as const, points: 0, available: false },
    ],
    score: 18,
  };

  it("lists unavailable factors quietly instead of a bar", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(
      card,
      hass,
      snapshot({ ...TWO_MISSING, confidence_hints: [] }),
    );
    expect($(card, ".factor-heat")).toBeNull();
    expect($(card, ".factor-workload")).toBeNull();
    expect(text($(card, ".missing"))).toBe("Not measured: room temperature and activity history");
  });

  it("does not list the activity history the confidence line counts in days", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(
      card,
      hass,
      snapshot(TWO_MISSING),
    );
    expect(text($(card, ".missing"))).toBe("Not measured: room temperature");
    expect(text($(card, ".confidence"))).toBe("Confidence: medium - activity history: 1 of 3 days");
  });

  it("says which source is stale and when it last synced, under what is not measured", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(
      card,
      hass,
      snapshot({
        ...TWO_MISSING,
        confidence_hints: ["source_stale"],
        stale: [
          { source: "steps", last_synced: "2026-06-18T08:35:00+02:00", hours: 3 },
          { source: "water", last_synced: "2026-06-16T08:00:00+02:00", hours: 50 },
        ],
      }),
    );
    expect(text($(card, ".missing"))).toBe("Not measured: room temperature and activity history");
    expect($$(card, ".stale").map(text)).toEqual([
      "Stale: steps last synced 3 hours ago",
      "Stale: water intake last synced 2 days ago",
    ]);
    expect(text($(card, ".confidence"))).toBe(
      "Confidence: medium - a source has not synced for a while",
    );
  });

  it("shows a stale source alone, in the user's language, and nothing it has no words for", async () => {
    const hass = fakeHass("de");
    const card = await mount(hass);
    await send(
      card,
      hass,
      snapshot({
        stale: [
          { source: "intensity_minutes", last_synced: "2026-06-18T08:35:00+02:00", hours: 1 },
          { source: "heartbeats" as never, last_synced: "2026-06-18T08:35:00+02:00", hours: 4 },
        ],
      }),
    );
    expect($(card, ".missing")).toBeNull();
    expect($$(card, ".stale").map(text)).toEqual([
      "Veraltet: Intensitätsminuten zuletzt synchronisiert vor 1 Stunde",
    ]);
    // The number stays with its words when the line wraps.
    expect($(card, ".stale")!.textContent).toContain("vor\u00a01\u00a0Stunde");
    await send(card, hass, snapshot({ stale: undefined }));
    expect($$(card, ".stale")).toEqual([]);
  });

  it("keeps a button's size while it says Logged (its usual text, hidden, holds it)", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    $(card, "button.log-glass")!.click();
    await flush();
    await card.updateComplete;
    expect(text($(card, "button.log-glass [aria-live]"))).toBe("✓ Logged");
    const ghost = $(card, "button.log-glass .ghost")!;
    expect(text(ghost)).toBe("+1 glass (250 mL)");
    expect(ghost.getAttribute("aria-hidden")).toBe("true");
  });

  it("shows 'no readings yet' instead of a number when unavailable", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(
      card,
      hass,
      snapshot({
        available: false,
        score: null,
        level: null,
        history_points: 0,
        points: [
          { key: "heat", points: 0, available: false },
          { key: "workload", points: 0, available: false },
        ],
      }),
    );
    expect($(card, ".score")).toBeNull();
    expect($(card, ".needle")).toBeNull();
    expect($(card, ".row.total")).toBeNull();
    expect(text($(card, ".no-readings"))).toBe("No readings yet");
    const all = text(card.shadowRoot as never);
    expect(all).not.toMatch(/NaN|undefined|null/);
    expect($(card, ".gauge")!.getAttribute("aria-label")).toMatch(/no readings yet/);
  });

  it("never shows NaN or raw keys with null numbers", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(
      card,
      hass,
      snapshot({
        multiplier: null,
        confidence: null,
        confidence_level: null,
        confidence_hints: [],
        water: { today_ml: null, target_ml: null, expected_ml: null, pace: null, glass_ml: null },
      }),
    );
    const all = text(card.shadowRoot as never);
    expect(all).not.toMatch(/NaN|undefined|null|factor\.|level\.|hint\.|button\./);
    expect(text($(card, ".log-glass [aria-live]"))).toBe("+1 glass");
  });

  it("states the confidence with what would raise it", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    expect(text($(card, ".confidence"))).toBe("Confidence: medium - activity history: 1 of 3 days");
    await send(card, hass, snapshot({ confidence_level: "high", confidence_hints: [] }));
    expect(text($(card, ".confidence"))).toBe("Confidence: high");
    await send(
      card,
      hass,
      snapshot({ confidence_hints: ["a_new_hint" as never, "no_room_temperature"] }),
    );
    expect(text($(card, ".confidence"))).toBe("Confidence: medium - no room temperature");
  });

  it("opens more-info of the cramp risk sensor from the gauge", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    const events: CustomEvent[] = [];
    document.body.addEventListener("hass-more-info", (e) => events.push(e as CustomEvent));
    $(card, "button.gauge")!.click();
    expect(events).toHaveLength(1);
    expect(events[0].detail).toEqual({ entityId: "sensor.demo_cramp_risk" });
    expect(events[0].bubbles && events[0].composed).toBe(true);
  });
});

describe("undo", () => {
  it("offers Undo after a tap and undoes the last log of that kind", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    $(card, "button.log-cramp")!.click();
    await flush();
    await card.updateComplete;
    expect(text($(card, ".undo"))).toBe("Cramp logged Undo");
    $(card, ".undo-button")!.click();
    await flush();
    await card.updateComplete;
    expect(hass.callService).toHaveBeenLastCalledWith("cramp_guard", "undo_log", {
      config_entry_id: ENTRY,
      kind: "cramp",
    });
    expect(text($(card, ".undo"))).toBe("Undone");
    expect(text($(card, "button.log-cramp [aria-live]"))).toBe("Cramp");
  });

  it("takes the offer back after a few seconds, and says when undo failed", async () => {
    vi.useFakeTimers();
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    $(card, "button.log-glass")!.click();
    await vi.advanceTimersByTimeAsync(0);
    await card.updateComplete;
    expect(text($(card, ".undo"))).toBe("Glass logged Undo");
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    await card.updateComplete;
    expect($(card, ".undo")).toBeNull();

    $(card, "button.log-stretch")!.click();
    await vi.advanceTimersByTimeAsync(0);
    await card.updateComplete;
    hass.callService.mockRejectedValueOnce(new Error("nothing to undo"));
    $(card, ".undo-button")!.click();
    await vi.advanceTimersByTimeAsync(0);
    await card.updateComplete;
    expect(text($(card, ".undo"))).toBe("Could not undo");
    vi.useRealTimers();
  });
});

describe("water and buttons", () => {
  it("shows today's water against the target with the pace marker", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    expect(text($(card, ".water-text"))).toBe("900 of 2,500 mL - due by now 1,200 mL");
    expect($(card, ".water .fill")!.getAttribute("style")).toContain("width:36.0%");
    expect($(card, ".pace-marker")!.getAttribute("style")).toContain("inset-inline-start:48.0%");
  });

  it("presses the person's buttons and confirms", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    const glass = $(card, "button.log-glass")!;
    expect(text(glass.querySelector("[aria-live]"))).toBe("+1 glass (250 mL)");
    expect(glass.getAttribute("aria-label")).toBe("Log a glass of water");
    glass.click();
    await flush();
    await card.updateComplete;
    expect(hass.callService).toHaveBeenCalledWith("button", "press", {
      entity_id: "button.demo_log_a_glass_of_water",
    });
    expect(text($(card, "button.log-glass [aria-live]"))).toBe("✓ Logged");
    $(card, "button.log-stretch")!.click();
    $(card, "button.log-cramp")!.click();
    await flush();
    expect(hass.callService.mock.calls.map((c) => c[2])).toEqual([
      { entity_id: "button.demo_log_a_glass_of_water" },
      { entity_id: "button.demo_log_a_stretch" },
      { entity_id: "button.demo_log_a_cramp" },
    ]);
  });

  it("disables a button whose entity is missing", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    const data = snapshot();
    await send(card, hass, { ...data, entities: { ...data.entities, log_cramp: null } });
    expect(($(card, "button.log-cramp") as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("why panel", () => {
  it("explains the model and says it is not medical advice", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot());
    expect($(card, ".why")).toBeNull();
    $(card, ".why-toggle")!.click();
    await card.updateComplete;
    const why = text($(card, ".why"));
    expect(why).toContain("not a probability");
    expect(why).toContain("General information, not medical advice.");
    expect($(card, ".professional")).toBeNull();
  });

  it("opens with the see-a-professional advice when cramps are frequent or severe", async () => {
    const hass = fakeHass();
    const card = await mount(hass);
    await send(card, hass, snapshot({ see_professional: true }));
    // The repair's complete sentence, word for word (tests/test_translations.py
    // checks it against the repair texts and get_assessment's advice).
    expect(text($(card, ".professional"))).toBe(
      "Please see a health professional when cramps are frequent or severe; come with " +
        "swelling, redness, warmth, lasting pain, weakness or numbness; have no clear " +
        "trigger or began with a new medicine; disturb sleep or daily life; or occur in " +
        "pregnancy.",
    );
  });

  it.each([
    ["de", ["Taubheitsgefühl", "Überwärmung", "keinen klaren Auslöser", "Alltag", "Schwangerschaft"]],
    ["es", ["entumecimiento", "calor", "desencadenante claro", "vida diaria", "embarazo"]],
    ["he", ["חוסר תחושה", "חום מקומי", "גורם ברור", "היום-יום", "בהריון"]],
  ])("gives the complete advice in %s", async (language, words) => {
    const hass = fakeHass(language);
    const card = await mount(hass);
    await send(card, hass, snapshot({ see_professional: true }));
    const advice = text($(card, ".professional"));
    for (const word of words) expect(advice).toContain(word);
    expect(advice).not.toMatch(/Taubheit |Taubheit,|hormigueo|נימול/);
  });
});

describe("languages", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("follows German (de-CH) with German numbers", async () => {
    const hass = fakeHass("de-CH");
    const card = await mount(hass);
    await send(card, hass, snapshot());
    expect($(card, ".root")!.getAttribute("dir")).toBe("ltr");
    expect(text($(card, ".level"))).toBe("mäßig");
    expect(text($$(card, ".row.factor")[0])).toBe("zu wenig getrunken +12");
    expect(text($(card, ".water-text"))).toMatch(/^900 von 2.500 mL/);
    expect(text($(card, ".confidence"))).toBe(
      "Zuverlässigkeit: mittel - Aktivitätsverlauf: 1 von 3 Tagen",
    );
  });

  it("lays Hebrew out right to left", async () => {
    const hass = fakeHass("he");
    const card = await mount(hass);
    await send(card, hass, snapshot());
    const root = $(card, ".root")!;
    expect(root.getAttribute("dir")).toBe("rtl");
    expect(root.getAttribute("lang")).toBe("he");
    expect(text($(card, ".level"))).toBe("בינוני");
    expect(text($(card, "button.log-stretch [aria-live]"))).toBe("התמתחתי");
  });

  it("prefers the profile's locale over hass.language and falls back to English", async () => {
    const hass = fakeHass("fr");
    hass.locale = { language: "nl" };
    const card = await mount(hass);
    await send(card, hass, snapshot());
    expect(text($(card, ".level"))).toBe("matig");
    const other = fakeHass("ja");
    const card2 = await mount(other);
    await send(card2, other, snapshot());
    expect(text($(card2, ".level"))).toBe("moderate");
  });

  it("re-renders when the language changes", async () => {
    const hass = fakeHass("en");
    const card = await mount(hass);
    await send(card, hass, snapshot());
    card.hass = { ...hass, locale: { language: "es" } } as never;
    await card.updateComplete;
    expect(text($(card, ".level"))).toBe("moderado");
  });
});
