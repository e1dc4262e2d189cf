// The parts of Home Assistant's frontend objects the card uses, and the payloads of
// docs/card.md (cramp_guard/people, cramp_guard/card/subscribe).

export type Unsubscribe = () => Promise<void> | void;

export interface HassConnection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    message: Record<string, unknown>,
  ): Promise<Unsubscribe>;
}

export interface HomeAssistant {
  language?: string;
  locale?: { language?: string };
  connection: HassConnection;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  callService(
    domain: string,
    service: string,
    data?: Record<string, unknown>,
  ): Promise<unknown>;
}

export interface CardConfig {
  type: string;
  config_entry_id: string;
}

export interface Person {
  config_entry_id: string;
  name: string;
}

export interface PeopleResult {
  people: Person[];
}

export type Level = "low" | "moderate" | "high" | "very_high";
export type ConfidenceLevel = "low" | "medium" | "high";
export type FactorKey =
  | "hydration"
  | "heat"
  | "stretch"
  | "workload"
  | "exertion"
  | "timing";
export type ConfidenceHint =
  | "no_workload_history"
  | "no_activity_source"
  | "no_room_temperature"
  | "no_water_logged"
  | "no_recent_stretch"
  | "source_out";

export interface FactorPoints {
  key: FactorKey;
  points: number;
  available: boolean;
}

export interface Water {
  today_ml: number | null;
  target_ml: number | null;
  expected_ml: number | null;
  pace: number | null;
  glass_ml: number | null;
}

export interface Entities {
  cramp_risk: string | null;
  water_today: string | null;
  log_water: string | null;
  log_stretch: string | null;
  log_cramp: string | null;
}

/** One event of cramp_guard/card/subscribe while the person is loaded. */
export interface Snapshot {
  loaded: true;
  name: string;
  available: boolean;
  score: number | null;
  level: Level | null;
  points: FactorPoints[];
  history_points: number;
  history: "recent_cramp" | "cramp_prone" | null;
  multiplier: number | null;
  confidence: number | null;
  confidence_level: ConfidenceLevel | null;
  confidence_hints: ConfidenceHint[];
  /** Completed days of activity the workload has / needs; null without activity. */
  history_days?: { known: number; needed: number } | null;
  water: Water;
  see_professional: boolean;
  entities: Entities;
}

/** The last event before the integration ends the subscription (entry unloaded). */
export interface Unloaded {
  loaded: false;
}

export type CardEvent = Snapshot | Unloaded;
