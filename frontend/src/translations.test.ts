import { describe, expect, it } from "vitest";
import { LANGUAGES, TRANSLATIONS } from "./localize";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("ships the six languages", () => {
    expect(LANGUAGES.sort()).toEqual(["de", "en", "es", "fr", "he", "nl"]);
  });

  const en = TRANSLATIONS.en;
  it.each(LANGUAGES.filter((l) => l !== "en"))("%s has exactly the English keys and placeholders", (lang) => {
    const table = TRANSLATIONS[lang];
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      const translated = table[key as keyof typeof en];
      expect(translated.trim(), `${lang}: ${key}`).not.toBe("");
      expect(placeholders(translated), `${lang}: ${key}`).toEqual(placeholders(value));
    }
  });

  it("has a text for every factor, level, confidence and hint of the contract", () => {
    const keys = new Set(Object.keys(en));
    for (const factor of ["hydration", "heat", "stretch", "workload", "exertion", "timing"]) {
      expect(keys.has(`factor.${factor}`)).toBe(true);
      expect(keys.has(`source.${factor}`)).toBe(true);
    }
    for (const level of ["low", "moderate", "high", "very_high"]) {
      expect(keys.has(`level.${level}`)).toBe(true);
    }
    for (const level of ["low", "medium", "high"]) expect(keys.has(`confidence.${level}`)).toBe(true);
    for (const hint of [
      "no_workload_history",
      "no_activity_source",
      "no_room_temperature",
      "no_water_logged",
      "no_recent_stretch",
      "source_out",
      "source_stale",
    ]) {
      expect(keys.has(`hint.${hint}`)).toBe(true);
    }
  });

  it("names every source a stale line can be about", () => {
    for (const source of ["steps", "intensity_minutes", "active_kcal", "water"]) {
      expect(Object.keys(en)).toContain(`stale_source.${source}`);
    }
  });

  it("has a noun for every factor (the personal weights' lines)", () => {
    for (const factor of ["hydration", "heat", "stretch", "workload", "exertion", "timing"]) {
      expect(Object.keys(en)).toContain(`factor_name.${factor}`);
    }
  });

  /** The levers, the check-in, the evaluation and the personal weights (personal.md). */
  const personal = /^(levers|lever\..*|unit\..*|checkin\..*|matched(\..*)?|percent|personal\..*|factor_name\..*)$/;

  it.each(LANGUAGES)("%s keeps a number and its unit together (a no-break space)", (lang) => {
    for (const [key, value] of Object.entries(TRANSLATIONS[lang])) {
      if (!personal.test(key)) continue;
      expect(value, `${lang}: ${key}`).not.toMatch(/\} (mL|°|%|מ״ל|מעלות)/);
    }
  });

  it("writes Hebrew's personal texts without Latin letters", () => {
    for (const [key, value] of Object.entries(TRANSLATIONS.he)) {
      if (!personal.test(key)) continue;
      expect(value.replace(/\{\w+\}/g, ""), key).not.toMatch(/[A-Za-z]/);
    }
  });

  it.each(LANGUAGES)("%s never promises in the levers", (lang) => {
    for (const [key, value] of Object.entries(TRANSLATIONS[lang])) {
      if (!/^levers?(\.|$)/.test(key)) continue;
      expect(value, `${lang}: ${key}`).not.toMatch(/prevent|verhinder|empêch|evit|voorkom|מונע|ימנע/i);
    }
  });
});
