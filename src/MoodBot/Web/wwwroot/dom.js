// Builds elements from text only. Everything a person or the server wrote goes in as a text
// node, so markup in a message is shown as typed and never becomes part of the page.

/**
 * @param {string} tag
 * @param {Record<string, string | boolean | number> | null} [attributes] "class" sets className; false/null attributes are left out.
 * @param {...(Node | string | number | null | undefined | false)} children strings become text nodes.
 */
export function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") element.className = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children, strings as text. */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Minutes and seconds, "3:07"; "–:––" when unknown. */
export function clock(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "–:––";
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
