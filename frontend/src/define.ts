// Defining the card's elements where Home Assistant's frontend looks for them.
//
// The integration loads the card as an extra module (add_extra_js_url), so it runs
// while the frontend boots. The frontend replaces window.customElements with a scoped
// registry polyfill during that boot (home-assistant/frontend#52960, #53890): a module
// that runs first defines its elements in the browser's own registry, which the
// frontend then no longer asks, and the dashboard shows "Custom element doesn't
// exist" until a reload. So: define at once, and again in whichever registry is in use
// once the app has booted (`home-assistant` is defined), checked when that happens and
// on a short poll as a fallback, for at most HEAL_FOR_MS.

export const HEAL_FOR_MS = 30_000;
export const HEAL_EVERY_MS = 250;

function defineIn(registry: CustomElementRegistry, tag: string, element: CustomElementConstructor): void {
  if (registry.get(tag)) return;
  try {
    registry.define(tag, element);
  } catch {
    // The browser's registry already holds this constructor under the tag (the
    // polyfill forwards to it): a subclass is a new constructor for the new registry.
    registry.define(tag, class extends (element as typeof HTMLElement) {});
  }
}

/** Define `tag` now, and again in the frontend's registry once it has booted. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const first = window.customElements;
  defineIn(first, tag, element);
  const heal = (): boolean => {
    // No window any more (a test environment torn down while the poll runs): stop.
    const current = globalThis.window?.customElements;
    if (!current) return true;
    if (current !== first) defineIn(current, tag, element);
    return Boolean(current.get("home-assistant")) && Boolean(current.get(tag));
  };
  void first.whenDefined("home-assistant").then(heal);
  const deadline = Date.now() + HEAL_FOR_MS;
  const timer = setInterval(() => {
    if (heal() || Date.now() > deadline) clearInterval(timer);
  }, HEAL_EVERY_MS);
}
