/*
 * Checklists people use: a ticked checkbox is remembered in this browser, per page.
 *
 * State lives in localStorage under "handbook-checklist:" + the page's path, as
 * {"<step id>/<hash of the item's text>": true}. Keys use the step's stable anchor
 * id and the item's text, never positions, so adding or reordering steps and
 * items elsewhere does not tick the wrong box. The page reads fine without this
 * script: the checklist is an ordinary Markdown task list.
 *
 * Shipped by the handbook MkDocs plugin (generator/engines/mkdocs_plugin/assets.py).
 */
(function () {
  "use strict";

  var PREFIX = "handbook-checklist:";

  function storageKey() {
    // "/a/b/" and "/a/b/index.html" are the same page.
    return PREFIX + window.location.pathname.replace(/index\.html$/, "");
  }

  // FNV-1a, 32 bits: a short, stable key for an item's text.
  function hash(text) {
    var value = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      value ^= text.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value.toString(36);
  }

  function load() {
    try {
      var state = JSON.parse(window.localStorage.getItem(storageKey()) || "{}");
      return state && typeof state === "object" ? state : {};
    } catch (error) {
      // Storage blocked (private mode, file://) or a broken entry: start empty.
      return {};
    }
  }

  function save(state) {
    try {
      if (Object.keys(state).length) {
        window.localStorage.setItem(storageKey(), JSON.stringify(state));
      } else {
        window.localStorage.removeItem(storageKey());
      }
    } catch (error) {
      // Nothing to do: ticks then last until the page is left.
    }
  }

  // Each checkbox with its key: the id of the heading above it (the step), then its text.
  function checkboxes(root) {
    var found = [];
    var step = "";
    var seen = {};
    var nodes = root.querySelectorAll("h1[id], h2[id], h3[id], h4[id], li.task-list-item");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (node.tagName !== "LI") {
        step = node.id;
        continue;
      }
      var box = node.querySelector(":scope > label > input[type=checkbox], :scope > input[type=checkbox]");
      if (!box) continue;
      var key = step + "/" + hash(node.textContent.replace(/\s+/g, " ").trim());
      // The same text twice under one step: number the repeats.
      seen[key] = (seen[key] || 0) + 1;
      found.push({ box: box, key: seen[key] > 1 ? key + "~" + seen[key] : key });
    }
    return found;
  }

  function setup() {
    var root = document.querySelector("article") || document.body;
    var items = checkboxes(root);
    var clearButtons = root.querySelectorAll(".handbook-checklist-clear");
    if (!items.length) return;
    var state = load();
    items.forEach(function (item) {
      // Handbooks without `clickable_checkbox: true` render disabled boxes.
      item.box.disabled = false;
      item.box.checked = state[item.key] === true;
      item.box.addEventListener("change", function () {
        var current = load();
        if (item.box.checked) current[item.key] = true;
        else delete current[item.key];
        save(current);
      });
    });
    Array.prototype.forEach.call(clearButtons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        save({});
        items.forEach(function (item) {
          item.box.checked = false;
        });
      });
    });
  }

  // Material's instant navigation swaps pages without reloading: it announces each page on document$.
  if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
