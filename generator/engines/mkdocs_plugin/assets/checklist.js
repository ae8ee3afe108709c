/*
 * Checklists people use: a ticked checkbox is remembered in this browser, per page;
 * the page counts what is done ("已完成 2 / 12"), and a reader can carry their ticks
 * to another browser as a file.
 *
 * State lives in localStorage under "handbook-checklist:" + the page's path, as
 * {"<step id>/<hash of the item's text>": true}. Keys use the step's stable anchor
 * id and the item's text, never positions, so adding or reordering steps and
 * items elsewhere does not tick the wrong box. The page reads fine without this
 * script: the checklist is an ordinary Markdown task list.
 *
 * The exported file holds every page's ticks, by the page's address below the site
 * (so a copy of the site at another address takes them too):
 *   {"format": "handbook-checklist-ticks", "version": 1, "pages": {"processes/p/s/": {"<key>": true}}}
 * An imported file is checked whole before anything is written; a file that is not
 * one (another JSON, a huge or hostile one) changes nothing and gets a message in the
 * handbook's language, which the page carries in data attributes (render/templates/_macros.md.j2).
 *
 * Shipped by the handbook MkDocs plugin (generator/engines/mkdocs_plugin/assets.py).
 */
(function () {
  "use strict";

  var PREFIX = "handbook-checklist:";
  var FORMAT = "handbook-checklist-ticks";
  var MAX_FILE_BYTES = 1024 * 1024;
  var MAX_PAGES = 5000;
  var MAX_TICKS_PER_PAGE = 5000;
  var MAX_TEXT = 500;
  // What this script writes as an item's key: the step's id, "/", the hash, and a repeat's number.
  var ITEM_KEY = /^[^\u0000-\u001f\u007f]{0,400}\/[0-9a-z]{1,8}(~[0-9]{1,6})?$/;
  // A page's address below the site, as this script writes it: folders ending in "/" (or a last
  // "x.html"); none starts with "." (no ".."), no leading "/", scheme, query or fragment.
  var PAGE_PATH = /^(?:[^\u0000-\u001f\u007f?#:\\\/.][^\u0000-\u001f\u007f?#:\\\/]*\/)*(?:[^\u0000-\u001f\u007f?#:\\\/.][^\u0000-\u001f\u007f?#:\\\/]*\.html)?$/;

  function pagePath() {
    // "/a/b/" and "/a/b/index.html" are the same page.
    return window.location.pathname.replace(/index\.html$/, "");
  }

  function storageKey(path) {
    return PREFIX + (path === undefined ? pagePath() : path);
  }

  // The address of the site's root folder, from the theme's configuration (Material and Zensical
  // write it into every page); "/" when there is none.
  function siteRoot() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      var base = typeof config.base === "string" ? config.base : ".";
      return new URL(base.replace(/\/?$/, "/"), window.location.href).pathname;
    } catch (error) {
      return "/";
    }
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

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function load(path) {
    try {
      var state = JSON.parse(window.localStorage.getItem(storageKey(path)) || "{}");
      return isPlainObject(state) ? state : {};
    } catch (error) {
      // Storage blocked (private mode, file://) or a broken entry: start empty.
      return {};
    }
  }

  function save(state, path) {
    try {
      if (Object.keys(state).length) {
        window.localStorage.setItem(storageKey(path), JSON.stringify(state));
      } else {
        window.localStorage.removeItem(storageKey(path));
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

  // The boxes a status line counts: all on the page, or those after it up to the next h2.
  function counted(status, items) {
    if (status.getAttribute("data-counts") !== "section") return items;
    var next = status.nextElementSibling;
    while (next && next.tagName !== "H2") next = next.nextElementSibling;
    return items.filter(function (item) {
      var after = status.compareDocumentPosition(item.box) & Node.DOCUMENT_POSITION_FOLLOWING;
      var beforeNext = !next || next.compareDocumentPosition(item.box) & Node.DOCUMENT_POSITION_PRECEDING;
      return after && beforeNext;
    });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // --- carrying ticks to another browser --------------------------------------------------

  function allTicks() {
    var root = siteRoot();
    var pages = {};
    for (var i = 0; i < window.localStorage.length; i++) {
      var name = window.localStorage.key(i);
      if (!name || name.indexOf(PREFIX) !== 0) continue;
      var path = name.slice(PREFIX.length);
      if (path.indexOf(root) !== 0) continue; // another site on the same host
      var state = load(path);
      var ticks = {};
      Object.keys(state).forEach(function (key) {
        if (state[key] === true && ITEM_KEY.test(key)) ticks[key] = true;
      });
      if (Object.keys(ticks).length) pages[path.slice(root.length)] = ticks;
    }
    return { format: FORMAT, version: 1, pages: pages };
  }

  function exportTicks(button) {
    var text = JSON.stringify(allTicks(), null, 1);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var day = new Date().toISOString().slice(0, 10);
    link.download = (button.getAttribute("data-file-name") || "handbook-ticks") + "-" + day + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }

  // The pages and ticks of an exported file, or null when it is not one.
  function readTicksFile(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!isPlainObject(data) || data.format !== FORMAT || data.version !== 1 || !isPlainObject(data.pages)) return null;
    var paths = Object.keys(data.pages);
    if (paths.length > MAX_PAGES) return null;
    var pages = [];
    for (var i = 0; i < paths.length; i++) {
      var path = paths[i];
      var state = data.pages[path];
      if (path.length > MAX_TEXT || !PAGE_PATH.test(path) || !isPlainObject(state)) return null;
      var keys = Object.keys(state);
      if (keys.length > MAX_TICKS_PER_PAGE) return null;
      for (var j = 0; j < keys.length; j++) {
        if (state[keys[j]] !== true || keys[j].length > MAX_TEXT || !ITEM_KEY.test(keys[j])) return null;
      }
      pages.push({ path: path, keys: keys });
    }
    return pages;
  }

  // Adds the file's ticks to this browser's (nothing is unticked); all or nothing.
  function writeTicks(pages) {
    var root = siteRoot();
    var before = [];
    try {
      pages.forEach(function (page) {
        var path = root + page.path;
        before.push({ path: path, value: window.localStorage.getItem(storageKey(path)) });
        var state = load(path);
        page.keys.forEach(function (key) {
          state[key] = true;
        });
        window.localStorage.setItem(storageKey(path), JSON.stringify(state));
      });
      return true;
    } catch (error) {
      before.forEach(function (entry) {
        try {
          if (entry.value === null) window.localStorage.removeItem(storageKey(entry.path));
          else window.localStorage.setItem(storageKey(entry.path), entry.value);
        } catch (ignored) {
          // Storage refuses everything: there is nothing to undo.
        }
      });
      return false;
    }
  }

  function importTicks(file, button, message, done) {
    function say(text) {
      message.textContent = text; // text, never HTML
    }
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      say(button.getAttribute("data-too-big"));
      return;
    }
    file.text().then(
      function (text) {
        var pages = readTicksFile(text);
        if (pages === null) {
          say(button.getAttribute("data-invalid"));
          return;
        }
        if (!writeTicks(pages)) {
          say(button.getAttribute("data-blocked"));
          return;
        }
        var ticks = pages.reduce(function (sum, page) {
          return sum + page.keys.length;
        }, 0);
        say(fill(button.getAttribute("data-imported"), { ticks: ticks, pages: pages.length }));
        done();
      },
      function () {
        say(button.getAttribute("data-invalid"));
      }
    );
  }

  // --- the page ----------------------------------------------------------------------------

  function setup() {
    var root = document.querySelector("article") || document.body;
    var items = checkboxes(root);
    var clearButtons = root.querySelectorAll(".handbook-checklist-clear");
    var statuses = Array.prototype.slice.call(root.querySelectorAll(".handbook-checklist-status"));
    if (!items.length) return;

    function showTicks() {
      var state = load();
      items.forEach(function (item) {
        item.box.checked = state[item.key] === true;
      });
    }

    function showProgress() {
      statuses.forEach(function (status) {
        var boxes = counted(status, items);
        var done = boxes.filter(function (item) {
          return item.box.checked;
        }).length;
        var count = status.querySelector(".handbook-checklist-count");
        if (count) count.textContent = fill(status.getAttribute("data-progress") || "{done} / {total}", { done: done, total: boxes.length });
        status.classList.toggle("handbook-checklist-status--done", boxes.length > 0 && done === boxes.length);
      });
    }

    items.forEach(function (item) {
      // Handbooks without `clickable_checkbox: true` render disabled boxes.
      item.box.disabled = false;
      item.box.addEventListener("change", function () {
        var current = load();
        if (item.box.checked) current[item.key] = true;
        else delete current[item.key];
        save(current);
        showProgress();
      });
    });
    showTicks();

    Array.prototype.forEach.call(clearButtons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        save({});
        items.forEach(function (item) {
          item.box.checked = false;
        });
        showProgress();
      });
    });

    statuses.forEach(function (status) {
      status.hidden = false;
      var exportButton = status.querySelector(".handbook-checklist-export");
      var importButton = status.querySelector(".handbook-checklist-import");
      var message = status.querySelector(".handbook-checklist-message");
      // The file chooser's input is made here, never part of the page: without the script there is nothing to choose.
      var input = document.createElement("input");
      input.type = "file";
      input.accept = ".json,application/json";
      if (exportButton) {
        exportButton.addEventListener("click", function () {
          exportTicks(exportButton);
        });
      }
      if (importButton && message) {
        importButton.addEventListener("click", function () {
          input.click();
        });
        input.addEventListener("change", function () {
          importTicks(input.files && input.files[0], importButton, message, function () {
            showTicks();
            showProgress();
          });
          input.value = ""; // the same file again is a new choice
        });
      }
    });
    showProgress();
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
