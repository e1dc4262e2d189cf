// The committed bundle, as the integration serves it (scripts/card builds it before the
// tests run): one file that defines the card at once and evaluates the editor only when
// the dashboard editor asks for it (getConfigElement). This file imports no source
// module, so the elements here are the bundle's.
import { expect, it } from "vitest";

it("defines the card on load and the editor only when asked for", async () => {
  // @ts-expect-error: the built bundle has no type declarations.
  await import("../../custom_components/cramp_guard/frontend/cramp-guard-card.js");
  const card = customElements.get("cramp-guard-card") as unknown as {
    getConfigElement(): Promise<HTMLElement>;
  };
  expect(card).toBeDefined();
  expect(window.customCards?.map((c) => c.type)).toEqual(["cramp-guard-card"]);
  expect(customElements.get("cramp-guard-card-editor")).toBeUndefined();
  const editor = await card.getConfigElement();
  expect(editor.tagName.toLowerCase()).toBe("cramp-guard-card-editor");
  expect(editor).toBeInstanceOf(customElements.get("cramp-guard-card-editor")!);
});
