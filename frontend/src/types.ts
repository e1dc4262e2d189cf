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
  | "source_out"
  | "source_stale";

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

/** What would lower the index now (personal.md section 5), largest points first. */
export interface Lever {
  key: "water" | "stretch" | "cooler";
  /** Water in mL, cooler in `unit`; null for stretch. */
  amount: number | null;
  unit: "mL" | "°C" | "°F" | null;
  /** The index the change would give, and base score minus it (>= 1). */
  score: number;
  points: number;
}

/** How well the index has matched the person's cramps (personal.md section 3). */
export interface Evaluation {
  /** matched >= needed_events and tracked_days >= needed_days: a finding may be shown. */
  ready: boolean;
  matched: number;
  needed_events: number;
  tracked_days: number;
  needed_days: number;
  /** Matched cramps whose hour before was at high or very high. */
  high_events: number;
  /** Share (0-1) of tracked hours at high or very high; null without hours. */
  high_share_time: number | null;
  lift: number | null;
}

/** "Learn from my cramps" (personal.md section 4). */
export interface Personal {
  /** The person turned learning on. */
  learning: boolean;
  /** Enough cramps and days: the multipliers are in use (else all 1). */
  active: boolean;
  events: number;
  tracked_days: number;
  multipliers: Partial<Record<FactorKey, number>>;
}

/** The morning check-in (personal.md section 6); open: it can be answered now. */
export interface Checkin {
  open: boolean;
}

/** A stale counter source: what it counts, when it last synced, whole hours since. */
export interface Stale {
  source: "steps" | "intensity_minutes" | "active_kcal" | "water";
  last_synced: string;
  hours: number;
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
  // Newer integrations (personal.md); absent from older ones, then nothing is shown.
  levers?: Lever[];
  evaluation?: Evaluation | null;
  personal?: Personal | null;
  checkin?: Checkin | null;
  /** Counter sources silent for longer than they usually are (newer integrations). */
  stale?: Stale[];
}

/** The last event before the integration ends the subscription (entry unloaded). */
export interface Unloaded {
  loaded: false;
}

export type CardEvent = Snapshot | Unloaded;
