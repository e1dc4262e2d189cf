// The registry swap of Home Assistant's boot: an element defined before the frontend
// replaced window.customElements is defined again in the new registry.
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineElement, HEAL_EVERY_MS } from "./define";

class FakeRegistry {
  defined = new Map<string, CustomElementConstructor>();
  private waiting = new Map<string, Array<() => void>>();
  get(tag: string) {
    return this.defined.get(tag);
  }
  define(tag: string, element: CustomElementConstructor) {
    if (this.defined.has(tag)) throw new Error(`${tag} already defined`);
    if ([...this.defined.values()].includes(element)) throw new Error("constructor already used");
    this.defined.set(tag, element);
    for (const resolve of this.waiting.get(tag) ?? []) resolve();
  }
  whenDefined(tag: string) {
    if (this.defined.has(tag)) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiting.set(tag, [...(this.waiting.get(tag) ?? []), resolve]));
  }
}

const original = window.customElements;

function install(registry: FakeRegistry) {
  Object.defineProperty(window, "customElements", { value: registry, configurable: true });
}

afterEach(() => {
  install(original as unknown as FakeRegistry);
  vi.useRealTimers();
});

describe("defineElement", () => {
  it("defines the element again in the registry the frontend installs while booting", async () => {
    vi.useFakeTimers();
    const native = new FakeRegistry();
    install(native);
    class Card extends HTMLElement {}
    defineElement("x-card", Card);
    expect(native.get("x-card")).toBe(Card);

    // The frontend swaps in its scoped registry, then defines its app element there.
    const scoped = new FakeRegistry();
    install(scoped);
    expect(scoped.get("x-card")).toBeUndefined();
    scoped.define("home-assistant", class extends HTMLElement {});
    await vi.advanceTimersByTimeAsync(HEAL_EVERY_MS);
    expect(scoped.get("x-card")).toBeDefined();
  });

  it("stops checking when the window is gone (a test environment torn down)", async () => {
    vi.useFakeTimers();
    install(new FakeRegistry());
    defineElement("x-card", class extends HTMLElement {});
    const window = globalThis.window;
    vi.stubGlobal("window", undefined);
    try {
      await vi.advanceTimersByTimeAsync(HEAL_EVERY_MS);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.stubGlobal("window", window);
      vi.unstubAllGlobals();
    }
  });

  it("defines once when the registry is never swapped, and stops checking", async () => {
    vi.useFakeTimers();
    const registry = new FakeRegistry();
    install(registry);
    const define = vi.spyOn(registry, "define");
    defineElement("x-card", class extends HTMLElement {});
    registry.define("home-assistant", class extends HTMLElement {});
    await vi.advanceTimersByTimeAsync(10 * HEAL_EVERY_MS);
    expect(define.mock.calls.map(([tag]) => tag)).toEqual(["x-card", "home-assistant"]);
  });
});
