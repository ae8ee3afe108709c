// Only in a preview (`handbook serve`, `mkdocs serve`): after a rebuild that found errors in
// the handbook, show them in a box above the page, which still holds the last good version
// (so the table of contents beside it still matches what is shown).
// Every value is set as text (textContent), never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  // The script is at <site>/assets/handbook/serve-errors.js; the status is at the site's root.
  var statusUrl = new URL("../../handbook-serve-status.json", script.src);
  // What a message quotes between backticks (ids, fields, values) is shown as code.
  var QUOTED = /`([^`\n]+)`/g;

  function element(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function appendMessage(parent, message) {
    var last = 0;
    message.replace(QUOTED, function (whole, quoted, offset) {
      if (offset > last) parent.appendChild(document.createTextNode(message.slice(last, offset)));
      parent.appendChild(element("code", quoted));
      last = offset + whole.length;
      return whole;
    });
    if (last < message.length) parent.appendChild(document.createTextNode(message.slice(last)));
  }

  function show(status) {
    // The findings page and its stand-ins list the findings themselves.
    if (document.querySelector(".handbook-serve-findings")) return;
    var article = document.querySelector("article") || document.querySelector("main") || document.body;
    var panel = element("div");
    panel.className = "admonition failure handbook-serve-errors";
    panel.setAttribute("role", "alert");
    panel.appendChild(element("p", status.title)).className = "admonition-title";
    panel.appendChild(element("p", status.intro));
    var list = element("ul");
    status.findings.forEach(function (finding) {
      var item = element("li");
      item.appendChild(element("code", finding.at));
      item.appendChild(document.createTextNode(" "));
      appendMessage(item, finding.message);
      item.appendChild(document.createTextNode(" "));
      if (status.rules) {
        var link = element("a", finding.code + " " + finding.rule);
        link.href = new URL(status.rules + "#" + finding.code.toLowerCase(), statusUrl).href;
        item.appendChild(link);
      } else {
        item.appendChild(element("code", finding.code));
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    // Above the page's own content (after Material's edit button, before the heading).
    var first = article.firstElementChild;
    while (first && first.classList.contains("md-content__button")) first = first.nextElementSibling;
    article.insertBefore(panel, first);
    document.title = status.title;
  }

  fetch(statusUrl, { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (status) { if (status && status.findings && status.findings.length) show(status); })
    .catch(function () { /* no status file: not a preview, or the server is gone */ });
})();
