// The card's data: one cramp_guard/card/subscribe subscription per card, as a Lit
// reactive controller. It subscribes once the card is connected and has both hass and a
// person, re-subscribes every RETRY_MS after a {"loaded": false} event or a failed
// subscribe, and ends the subscription when the card is removed or the person changes.
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { CardEvent, HomeAssistant, Snapshot, Unsubscribe } from "./types";

export const SUBSCRIBE = "cramp_guard/card/subscribe";
/** After a {"loaded": false} event or a failed subscribe, try again this often. */
export const RETRY_MS = 5000;

export type Status = "loading" | "ok" | "not_found" | "not_loaded" | "error";

export class SubscriptionController implements ReactiveController {
  /** "ok" once an event came; else why there is no data. */
  status: Status = "loading";
  /** The latest event while status is "ok". */
  data?: Snapshot;

  private _hass?: HomeAssistant;
  private _entryId?: string;
  private _connected = false;
  /** The pending or live subscription; undefined when none. */
  private _subscription?: Promise<Unsubscribe>;
  private _unsubscribe?: Unsubscribe;
  /** Bumped whenever a subscription is dropped, so late answers of an old one are ignored. */
  private _generation = 0;
  private _retryTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  /** Home Assistant sets hass on every state change: subscribes only when none is running. */
  set hass(hass: HomeAssistant) {
    this._hass = hass;
    this._subscribe();
  }

  /** The person (config entry) to follow; a new one ends the old subscription. */
  set entryId(entryId: string) {
    if (entryId === this._entryId) return;
    this._entryId = entryId;
    this._drop();
    this._set("loading", undefined);
    this._subscribe();
  }

  hostConnected(): void {
    this._connected = true;
    this._subscribe();
  }

  hostDisconnected(): void {
    this._connected = false;
    this._drop();
  }

  private _set(status: Status, data: Snapshot | undefined): void {
    this.status = status;
    this.data = data;
    this._host.requestUpdate();
  }

  private _subscribe(): void {
    if (
      !this._connected ||
      !this._hass ||
      !this._entryId ||
      this._subscription ||
      this._retryTimer !== undefined
    ) {
      return;
    }
    const generation = ++this._generation;
    const subscription = this._hass.connection.subscribeMessage<CardEvent>(
      (event) => this._onEvent(generation, event),
      { type: SUBSCRIBE, config_entry_id: this._entryId },
    );
    this._subscription = subscription;
    subscription.then(
      (unsubscribe) => {
        if (generation !== this._generation) {
          void safely(unsubscribe);
        } else {
          this._unsubscribe = unsubscribe;
        }
      },
      (err: unknown) => {
        if (generation !== this._generation) return;
        this._subscription = undefined;
        const code = (err as { code?: unknown } | null)?.code;
        this._set(code === "not_found" || code === "not_loaded" ? code : "error", undefined);
        this._retry();
      },
    );
  }

  private _onEvent(generation: number, event: CardEvent): void {
    if (generation !== this._generation) return;
    if (!event || event.loaded === false) {
      // The entry unloaded (reload, options change, removal); the integration ended the
      // subscription. Release it here too and come back when the person is loaded again.
      this._drop();
      this._set("not_loaded", undefined);
      this._retry();
      return;
    }
    this._set("ok", event);
  }

  private _retry(): void {
    if (!this._connected || this._retryTimer !== undefined) return;
    this._retryTimer = setTimeout(() => {
      this._retryTimer = undefined;
      this._subscribe();
    }, RETRY_MS);
  }

  /** Ends the subscription (pending or live) and any retry. */
  private _drop(): void {
    this._generation++;
    if (this._retryTimer !== undefined) clearTimeout(this._retryTimer);
    this._retryTimer = undefined;
    if (this._unsubscribe) void safely(this._unsubscribe);
    this._unsubscribe = undefined;
    this._subscription = undefined;
  }
}

async function safely(unsubscribe: Unsubscribe): Promise<void> {
  try {
    await unsubscribe();
  } catch {
    // The integration already ended the subscription (entry unloaded).
  }
}
