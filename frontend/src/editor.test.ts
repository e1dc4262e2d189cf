import { afterEach, describe, expect, it } from "vitest";
import type { CrampGuardCardEditor } from "./editor";
import "./editor";
import { ENTRY, fakeHass, flush } from "./test-helpers";

afterEach(() => {
  document.body.innerHTML = "";
});

async function editor(language = "en"): Promise<CrampGuardCardEditor> {
  const el = document.createElement("cramp-guard-card-editor");
  el.hass = fakeHass(language);
  el.setConfig({ type: "custom:cramp-guard-card", config_entry_id: ENTRY });
  document.body.append(el);
  await el.updateComplete;
  await flush();
  await el.updateComplete;
  return el;
}

// The fallback first: once a fake ha-form is defined below it stays defined.
describe("editor without ha-form", () => {
  it("offers the people in a select and fires config-changed", async () => {
    const el = await editor();
    const select = el.shadowRoot!.querySelector("select")!;
    const options = [...select.options].map((o) => [o.value, o.textContent!.trim()]);
    expect(options).toEqual([
      [ENTRY, "Demo"],
      ["01JSECOND", "Zoe"],
    ]);
    expect(el.shadowRoot!.querySelector("label")!.textContent).toContain("Person");
    const changes: CustomEvent[] = [];
    document.body.addEventListener("config-changed", (e) => changes.push(e as CustomEvent));
    select.value = "01JSECOND";
    select.dispatchEvent(new Event("change"));
    expect(changes).toHaveLength(1);
    expect(changes[0].detail).toEqual({
      config: { type: "custom:cramp-guard-card", config_entry_id: "01JSECOND" },
    });
    expect(changes[0].bubbles && changes[0].composed).toBe(true);
  });
});

describe("editor with ha-form", () => {
  it("renders ha-form with a config_entry selector and a translated label", async () => {
    class FakeForm extends HTMLElement {
      hass: unknown;
      data: unknown;
      schema: unknown;
      computeLabel?: (s: { name: string }) => string;
    }
    customElements.define("ha-form", FakeForm);
    const el = await editor("de");
    const form = el.shadowRoot!.querySelector("ha-form") as FakeForm;
    expect(form).not.toBeNull();
    expect(form.schema).toEqual([
      { name: "config_entry_id", selector: { config_entry: { integration: "cramp_guard" } } },
    ]);
    expect(form.data).toEqual({ type: "custom:cramp-guard-card", config_entry_id: ENTRY });
    expect(form.computeLabel!({ name: "config_entry_id" })).toBe("Person");
    const changes: CustomEvent[] = [];
    document.body.addEventListener("config-changed", (e) => changes.push(e as CustomEvent));
    form.dispatchEvent(
      new CustomEvent("value-changed", {
        detail: { value: { type: "custom:cramp-guard-card", config_entry_id: "01JSECOND" } },
        bubbles: true,
        composed: true,
      }),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0].detail.config.config_entry_id).toBe("01JSECOND");
  });
});
