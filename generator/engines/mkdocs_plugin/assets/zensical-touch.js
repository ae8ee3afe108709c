// Only in a site built by Zensical (`handbook build --engine zensical`): on a touch screen its
// tooltips (a glossary abbreviation's meaning, `content.tooltips`) show while the finger is down
// and hide as it lifts, so a tap shows nothing a reader can read. Material keeps a tapped
// tooltip open until the reader taps elsewhere; this does the same here: the lifting of the
// finger from an abbreviation is kept from the tooltip, and the next touch anywhere closes it.
(function () {
  "use strict";
  if (window.matchMedia("(hover)").matches) return;
  var open = null;

  function close() {
    if (!open) return;
    var shown = open;
    open = null;
    shown.dispatchEvent(new Event("touchend"));  // the tooltip's own way of closing
  }

  document.addEventListener("touchstart", function (event) {
    if (!event.isTrusted) return;  // the one sent below
    var abbr = event.target instanceof Element ? event.target.closest("article abbr") : null;
    if (abbr !== open) close();
    open = abbr;
    // Zensical starts listening to the element on its first touch and so misses that touch:
    // told once more, the tooltip opens on the first tap (as it does on the second without this).
    if (abbr) setTimeout(function () { abbr.dispatchEvent(new Event("touchstart")); }, 0);
  }, { capture: true, passive: true });

  document.addEventListener("touchend", function (event) {
    // A real lift of the finger from an abbreviation: not passed on, so its tooltip stays.
    if (event.isTrusted && open && event.target instanceof Node && open.contains(event.target)) {
      event.stopPropagation();
    }
  }, { capture: true, passive: true });
})();
