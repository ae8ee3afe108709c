/*
 * Tables that fit the screen.
 *
 * - On a phone a plain table (one written in Markdown, on any page) becomes a stack of
 *   cards, as the RACI matrix does: this script names each cell by its column
 *   (data-label, read by reading.css), and the CSS lays the rows out as cards below 600 px.
 *   Without the script the table scrolls sideways in Material's box, as before.
 * - A box that still scrolls sideways says so: its hidden side gets a thick edge
 *   (raci.css), and the RACI matrix shows the line under it that says to scroll.
 *
 * Shipped by the handbook MkDocs plugin (generator/engines/mkdocs_plugin/assets.py).
 */
(function () {
  "use strict";

  var SCROLL_BOXES = ".handbook-raci__scroll, .md-typeset__scrollwrap, .handbook-steps";

  function labelCells(table) {
    if (table.hasAttribute("data-handbook-cards")) return;
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    var names = Array.prototype.map.call(head.cells, function (cell) {
      return cell.textContent.replace(/\s+/g, " ").trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          // A name set as an attribute is text: the CSS shows it with attr(), never as HTML.
          if (names[index]) cell.setAttribute("data-label", names[index]);
        });
      });
    });
    table.setAttribute("data-handbook-cards", "");
  }

  function markScrolling(box) {
    var more = box.scrollWidth - box.clientWidth;
    var right = more > 1 && box.scrollLeft < more - 1;
    var left = more > 1 && box.scrollLeft > 1;
    box.classList.toggle("handbook-scrolls-right", right);
    box.classList.toggle("handbook-scrolls-left", left);
    var hint = box.nextElementSibling;
    if (hint && hint.classList.contains("handbook-raci__scroll-hint")) hint.hidden = !(more > 1);
  }

  function setup() {
    var root = document.querySelector("article") || document.body;
    Array.prototype.forEach.call(root.querySelectorAll("table:not([class])"), labelCells);
    var boxes = root.querySelectorAll(SCROLL_BOXES);
    Array.prototype.forEach.call(boxes, function (box) {
      markScrolling(box);
      if (box.hasAttribute("data-handbook-watched")) return;
      box.setAttribute("data-handbook-watched", "");
      box.addEventListener("scroll", function () {
        markScrolling(box);
      }, { passive: true });
    });
  }

  window.addEventListener("resize", function () {
    Array.prototype.forEach.call(document.querySelectorAll(SCROLL_BOXES), markScrolling);
  });

  // Material's instant navigation swaps pages without reloading: it announces each page on document$.
  if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
  // Material wraps tables in its scroll box after the page loads, and fonts change widths: look again.
  window.addEventListener("load", setup);
})();
