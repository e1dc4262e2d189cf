// The card's text in the user's language: hass.locale.language, then hass.language,
// reduced to its base ("de-CH" -> "de"); English when the language is not shipped.
import { html, type TemplateResult } from "lit";
import de from "./translations/de.json";
import en from "./translations/en.json";
import es from "./translations/es.json";
import fr from "./translations/fr.json";
import he from "./translations/he.json";
import nl from "./translations/nl.json";
import type { HomeAssistant } from "./types";

export type TranslationKey = keyof typeof en;
type Translations = Record<TranslationKey, string>;

export const TRANSLATIONS: Record<string, Translations> = { en, de, fr, es, nl, he };
export const LANGUAGES = Object.keys(TRANSLATIONS);
const RTL = new Set(["he"]);

/** The full language tag to format numbers with, and the shipped base language. */
export function languageOf(hass?: Pick<HomeAssistant, "locale" | "language">): {
  tag: string;
  base: string;
} {
  const tag = hass?.locale?.language || hass?.language || "en";
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return TRANSLATIONS[base] ? { tag, base } : { tag, base: "en" };
}

export function isRtl(base: string): boolean {
  return RTL.has(base);
}

export type Localize = (key: TranslationKey, params?: Record<string, string | number>) => string;

export function localizer(base: string): Localize {
  const table = TRANSLATIONS[base] ?? en;
  return (key, params) => {
    const text = table[key] ?? en[key] ?? "";
    return params
      ? text.replace(/\{(\w+)\}/g, (match, name: string) =>
          name in params ? String(params[name]) : match,
        )
      : text;
  };
}

/**
 * The text of `key` with each placeholder's value in its own <bdi>, so a number or an
 * amount with its unit keeps its order inside right-to-left text (and vice versa).
 */
export function isolated(
  t: Localize,
  key: TranslationKey,
  params: Record<string, string | number>,
): TemplateResult {
  const parts = t(key).split(/\{(\w+)\}/);
  return html`${parts.map((part, i) =>
    i % 2 === 0 ? part : part in params ? html`<bdi>${params[part]}</bdi>` : `{${part}}`,
  )}`;
}

/** Formats numbers with the user's locale, falling back to English if Intl rejects the tag. */
export function numberFormat(tag: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(tag, options);
  } catch {
    return new Intl.NumberFormat("en", options);
  }
}

/** A number the card can show (not null, NaN or infinite). */
export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
