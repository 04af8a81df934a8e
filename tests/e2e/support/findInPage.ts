/**
 * The locator rules of `Loc.ts`, as plain JavaScript source run inside the page by the WebKit and Firefox drivers
 * (a string, not a function, so no bundler helper leaks into the serialized code). Called as
 * `(FIND_IN_PAGE)(steps, op, arg)`. Mirrors Playwright's rules: role queries see only rendered elements and match
 * the accessible name case-insensitively as a substring (exactly with `exact`), `hasText` is a case-insensitive
 * substring of the text, and acting on a locator that matches several elements is an error (strict mode).
 * Ops: "count", "texts", "visible" (any match rendered), and, on the single match: "one" (the element), "text",
 * "value", "attr", "blur", "focus-select" (so typing replaces the text), "select" (an option by its label), "scroll". A missing or ambiguous single match
 * returns a string starting with "E2E:" instead, so the caller can wait and retry.
 */
export const FIND_IN_PAGE = String.raw`(steps, op, arg) => {
  const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
  const rendered = (el) => {
    if (el.getClientRects().length === 0) return false;
    // Inside a closed <details> an element keeps a box but is not rendered (content-visibility: hidden).
    if (el.checkVisibility && !el.checkVisibility()) return false;
    const st = getComputedStyle(el);
    return st.visibility !== "hidden" && !el.closest("[aria-hidden=true]");
  };
  const IMPLICIT = {
    button: "button, input[type=button], input[type=submit], input[type=reset], input[type=image]",
    link: "a[href], area[href]",
    heading: "h1, h2, h3, h4, h5, h6",
    group: "fieldset, details, optgroup",
    radio: "input[type=radio]",
    checkbox: "input[type=checkbox]",
    textbox: "input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url], input[type=search], textarea",
    combobox: "select:not([multiple]):not([size])",
    status: "output",
    alert: "",
  };
  const roleOf = (el, role) => {
    const explicit = el.getAttribute("role");
    if (explicit) return explicit.split(" ")[0] === role;
    return IMPLICIT[role] ? el.matches(IMPLICIT[role]) : false;
  };
  const byIds = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map((e) => norm(e.textContent)).join(" ");
  const labelText = (el) => {
    const aria = el.getAttribute("aria-label");
    if (aria) return norm(aria);
    const by = el.getAttribute("aria-labelledby");
    if (by) return norm(byIds(by));
    if (el.labels && el.labels.length) return norm([...el.labels].map((l) => l.textContent).join(" "));
    return "";
  };
  const nameOf = (el) => {
    const l = labelText(el);
    if (l) return l;
    if (el.matches("fieldset")) {
      const legend = el.querySelector(":scope > legend");
      return legend ? norm(legend.textContent) : "";
    }
    if (el.matches("input, textarea, select")) return norm(el.getAttribute("title") || el.getAttribute("placeholder") || "");
    return norm(el.textContent || el.getAttribute("title") || "");
  };
  const nameMatches = (actual, wanted, exact) => (exact ? actual === norm(wanted) : actual.toLowerCase().includes(norm(wanted).toLowerCase()));
  const match = (root, step) => {
    let found;
    if ("testId" in step) found = [...root.querySelectorAll("[data-testid=" + JSON.stringify(step.testId) + "]")];
    else if ("css" in step) found = [...root.querySelectorAll(step.css)];
    else if ("label" in step) {
      found = [...root.querySelectorAll("input, textarea, select, button, [aria-label], [aria-labelledby]")].filter(
        (el) => rendered(el) && nameMatches(labelText(el), step.label, false),
      );
    } else {
      const candidates = IMPLICIT[step.role] ? root.querySelectorAll(IMPLICIT[step.role] + ", [role]") : root.querySelectorAll("[role]");
      found = [...candidates].filter((el) => {
        if (!roleOf(el, step.role) || !rendered(el)) return false;
        if (step.level !== undefined) {
          const level = Number(el.getAttribute("aria-level") || (/^H([1-6])$/.exec(el.tagName) || [])[1]);
          if (level !== step.level) return false;
        }
        return step.name === undefined || nameMatches(nameOf(el), step.name, step.exact);
      });
    }
    if (step.hasText !== undefined) found = found.filter((el) => norm(el.textContent).toLowerCase().includes(norm(step.hasText).toLowerCase()));
    return found;
  };
  let els = [document];
  for (const step of steps) els = [...new Set(els.flatMap((root) => match(root, step)))];
  if (op === "count") return els.length;
  if (op === "texts") return els.map((el) => el.textContent);
  if (op === "visible") return els.some(rendered);
  if (els.length !== 1) return "E2E: " + (els.length === 0 ? "no element" : els.length + " elements") + " for " + JSON.stringify(steps);
  const el = els[0];
  if (op === "one") return el;
  if (op === "text") return el.textContent;
  if (op === "value") return el.value;
  if (op === "attr") return el.getAttribute(arg);
  if (op === "blur") return void el.blur();
  if (op === "focus-select") {
    el.focus();
    if (el.select) el.select();
    return;
  }
  if (op === "scroll") return void el.scrollIntoView({ block: "center", inline: "center" });
  if (op === "select") {
    const option = [...el.options].find((o) => norm(o.label) === norm(arg));
    if (!option) return "E2E: no option " + JSON.stringify(arg) + " in " + JSON.stringify(steps);
    // Through the option, not el.value, so React's value tracker sees a change (as Playwright's selectOption does).
    option.selected = true;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
    return;
  }
  return "E2E: unknown op " + op;
}`;
