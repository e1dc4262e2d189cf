// What the card's buttons do: press the person's log buttons (a glass, a stretch, a
// cramp) with a short confirmation, offer Undo for a while after a tap (the
// cramp_guard.undo_log action), answer the morning check-in (cramp_guard.answer_checkin)
// and open more-info of the cramp risk sensor. A Lit reactive controller: it owns the
// buttons' transient state and timers.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { HomeAssistant } from "./types";

/** How long a button says "Logged" (or "Failed"), and an undo its outcome. */
export const CONFIRM_MS = 2000;
/** How long "Cramp logged - Undo" is offered after a tap. */
export const UNDO_MS = 8000;

export type ButtonKind = "glass" | "stretch" | "cramp";
export type ButtonState = "done" | "failed";
/** The undo offered after a tap: offered, done, or failed. */
export type Undo = { kind: ButtonKind; state: "offer" | "done" | "failed" };

/** The morning check-in's answers ("Any cramps last night?"). */
export type CheckinAnswer = "no" | "yes";
/** A check-in answer on its way, saved or failed (shown for CONFIRM_MS). */
export type CheckinState = { answer: CheckinAnswer; state: "pending" | "done" | "failed" };

/** The hand log each button writes (the undo_log action's `kind`). */
const LOG_KIND: Record<ButtonKind, string> = { glass: "water", stretch: "stretch", cramp: "cramp" };

export function fire(node: HTMLElement, type: string, detail: unknown): void {
  node.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Opens Home Assistant's more-info dialog of `entityId` (nothing without one). */
export function moreInfo(node: HTMLElement, entityId: string | null | undefined): void {
  if (entityId) fire(node, "hass-more-info", { entityId });
}

export class ActionsController implements ReactiveController {
  /** The buttons confirming a tap ("done") or a failure right now. */
  pressed: Partial<Record<ButtonKind, ButtonState>> = {};
  /** The undo on offer (or its outcome); undefined when none. */
  undo: Undo | undefined;
  /** The check-in answer being sent or just confirmed; undefined when none. */
  checkin: CheckinState | undefined;

  private _pressTimers: Partial<Record<ButtonKind, ReturnType<typeof setTimeout>>> = {};
  private _undoTimer?: ReturnType<typeof setTimeout>;
  private _checkinTimer?: ReturnType<typeof setTimeout>;

  /** `context` gives the current hass and person when a button is tapped. */
  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _context: () => { hass?: HomeAssistant; entryId?: string },
  ) {
    _host.addController(this);
  }

  hostDisconnected(): void {
    for (const timer of Object.values(this._pressTimers)) clearTimeout(timer);
    this._pressTimers = {};
    clearTimeout(this._undoTimer);
    this._setUndo(undefined);
    clearTimeout(this._checkinTimer);
    this._setCheckin(undefined);
  }

  /** Press the log button `entityId` of `kind`; on success offer its undo. */
  async press(kind: ButtonKind, entityId: string | null): Promise<void> {
    const { hass } = this._context();
    if (!hass || !entityId) return;
    let state: ButtonState = "done";
    try {
      await hass.callService("button", "press", { entity_id: entityId });
    } catch {
      state = "failed";
    }
    this._setPressed({ ...this.pressed, [kind]: state });
    clearTimeout(this._pressTimers[kind]);
    this._pressTimers[kind] = setTimeout(() => this._clearPressed(kind), CONFIRM_MS);
    if (state === "done") this._offerUndo({ kind, state: "offer" }, UNDO_MS);
  }

  /** Undo the last log of the kind just tapped (cramp_guard.undo_log). */
  async undoLast(kind: ButtonKind): Promise<void> {
    const { hass, entryId } = this._context();
    if (!hass || !entryId) return;
    let state: Undo["state"] = "done";
    try {
      await hass.callService("cramp_guard", "undo_log", {
        config_entry_id: entryId,
        kind: LOG_KIND[kind],
      });
    } catch {
      state = "failed";
    }
    this._clearPressed(kind);
    this._offerUndo({ kind, state }, CONFIRM_MS);
  }

  /** Answer the morning check-in; one answer at a time, confirmed for CONFIRM_MS. */
  async answerCheckin(answer: CheckinAnswer): Promise<void> {
    const { hass, entryId } = this._context();
    const busy = this.checkin?.state;
    if (!hass || !entryId || busy === "pending" || busy === "done") return;
    clearTimeout(this._checkinTimer);
    this._setCheckin({ answer, state: "pending" });
    let state: CheckinState["state"] = "done";
    try {
      await hass.callService("cramp_guard", "answer_checkin", { config_entry_id: entryId, answer });
    } catch {
      state = "failed";
    }
    this._setCheckin({ answer, state });
    this._checkinTimer = setTimeout(() => this._setCheckin(undefined), CONFIRM_MS);
  }

  private _setCheckin(checkin: CheckinState | undefined): void {
    this.checkin = checkin;
    this._host.requestUpdate();
  }

  private _clearPressed(kind: ButtonKind): void {
    const { [kind]: _, ...rest } = this.pressed;
    this._setPressed(rest);
  }

  private _setPressed(pressed: Partial<Record<ButtonKind, ButtonState>>): void {
    this.pressed = pressed;
    this._host.requestUpdate();
  }

  private _setUndo(undo: Undo | undefined): void {
    this.undo = undo;
    this._host.requestUpdate();
  }

  private _offerUndo(undo: Undo, forMs: number): void {
    this._setUndo(undo);
    clearTimeout(this._undoTimer);
    this._undoTimer = setTimeout(() => this._setUndo(undefined), forMs);
  }
}
