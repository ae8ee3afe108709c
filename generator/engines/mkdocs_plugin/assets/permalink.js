/*
 * The copy button next to a role page's permanent link: copies the link's full address.
 *
 * The address is the link's own href as the browser resolves it, so it is absolute
 * even when the site has no `site_url` (then it is the address the page is read at).
 * The button's words come from the page (data-copied, data-failed), in the
 * handbook's language. Without JavaScript the button stays hidden and the link is
 * an ordinary link to select and copy.
 *
 * Shipped by the handbook MkDocs plugin (generator/engines/mkdocs_plugin/assets.py).
 */
(function () {
  "use strict";

  function copyByHand(text) {
    // Clipboard API missing (an http:// address other than localhost): the old way.
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyByHand(text);
      });
    }
    return copyByHand(text);
  }

  function setup() {
    var buttons = document.querySelectorAll("article .handbook-copy-link");
    Array.prototype.forEach.call(buttons, function (button) {
      var link = button.parentNode && button.parentNode.querySelector("a.handbook-permalink");
      if (!link) return;
      var label = button.textContent;
      button.hidden = false;
      button.setAttribute("data-copy", link.href);
      button.addEventListener("click", function () {
        copy(link.href).then(
          function () {
            button.textContent = button.getAttribute("data-copied") || label;
          },
          function () {
            button.textContent = button.getAttribute("data-failed") || label;
            // Select the address so a reader can copy it with the keyboard.
            var range = document.createRange();
            range.selectNodeContents(link);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
          }
        );
        window.setTimeout(function () {
          button.textContent = label;
        }, 2500);
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
