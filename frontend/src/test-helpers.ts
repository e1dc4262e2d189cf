// A fake Home Assistant for the card's tests: callWS, callService and a controllable
// cramp_guard/card/subscribe subscription.
import { vi } from "vitest";
import type { CrampGuardCard } from "./cramp-guard-card";
import type { CardEvent, HomeAssistant, Person, Snapshot } from "./types";

export const ENTRY = "01JCRAMPGUARDDEMO";

export interface Subscription {
  message: Record<string, unknown>;
  send: (event: CardEvent) => void;
  unsubscribe: ReturnType<typeof vi.fn>;
}

export interface FakeHass extends HomeAssistant {
  subscriptions: Subscription[];
  /** What the next subscribeMessage answers: a live subscription, or an error code. */
  nextSubscribe: "ok" | "not_found" | "not_loaded";
  callWS: ReturnType<typeof vi.fn> & HomeAssistant["callWS"];
  callService: ReturnType<typeof vi.fn> & HomeAssistant["callService"];
}

export function fakeHass(
  language = "en",
  people: Person[] = [
    { config_entry_id: ENTRY, name: "Demo" },
    { config_entry_id: "01JSECOND", name: "Zoe" },
  ],
): FakeHass {
  const hass = {
    language,
    locale: { language },
    subscriptions: [] as Subscription[],
    nextSubscribe: "ok",
    callWS: vi.fn(async (message: Record<string, unknown>) => {
      if (message.type === "cramp_guard/people") return { people };
      throw { code: "unknown_command", message: "Unknown command." };
    }),
    callService: vi.fn(async () => undefined),
    connection: {
      subscribeMessage: vi.fn(
        (callback: (event: CardEvent) => void, message: Record<string, unknown>) => {
          if (hass.nextSubscribe !== "ok") {
            return Promise.reject({ code: hass.nextSubscribe, message: "nope" });
          }
          const unsubscribe = vi.fn(async () => undefined);
          hass.subscriptions.push({ message, send: callback, unsubscribe });
          return Promise.resolve(unsubscribe);
        },
      ),
    },
  } as unknown as FakeHass;
  return hass;
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    loaded: true,
    name: "Demo",
    available: true,
    score: 30,
    level: "moderate",
    points: [
      { key: "hydration", points: 12, available: true },
      { key: "heat", points: 8, available: true },
      { key: "stretch", points: 4, available: true },
      { key: "timing", points: 0, available: true },
      { key: "workload", points: 0, available: false },
      { key: "exertion", points: 0, available: true },
    ],
    history_points: 6,
    history: "recent_cramp",
    multiplier: 1.2,
    confidence: 0.52,
    confidence_level: "medium",
    confidence_hints: ["no_workload_history", "no_water_logged"],
    history_days: { known: 1, needed: 3 },
    water: { today_ml: 900, target_ml: 2500, expected_ml: 1200, pace: 0.75, glass_ml: 250 },
    see_professional: false,
    entities: {
      cramp_risk: "sensor.demo_cramp_risk",
      water_today: "sensor.demo_water_today",
      log_water: "button.demo_log_a_glass_of_water",
      log_stretch: "button.demo_log_a_stretch",
      log_cramp: "button.demo_log_a_cramp",
    },
    ...overrides,
  };
}

/** Lets pending promises (the subscription's answer) settle. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

export async function mount(
  hass: FakeHass,
  config: Record<string, unknown> = { type: "custom:cramp-guard-card", config_entry_id: ENTRY },
): Promise<CrampGuardCard> {
  const card = document.createElement("cramp-guard-card");
  card.setConfig(config as never);
  card.hass = hass;
  document.body.append(card);
  await flush();
  await card.updateComplete;
  return card;
}

/** Sends an event on the latest subscription and waits for the render. */
export async function send(card: CrampGuardCard, hass: FakeHass, event: CardEvent): Promise<void> {
  hass.subscriptions[hass.subscriptions.length - 1].send(event);
  await card.updateComplete;
}

export function $(card: HTMLElement, selector: string): HTMLElement | null {
  return card.shadowRoot!.querySelector(selector);
}

export function $$(card: HTMLElement, selector: string): HTMLElement[] {
  return [...card.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}
