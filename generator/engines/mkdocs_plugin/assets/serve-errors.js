// Only in a preview (`handbook serve`, `mkdocs serve`): after a rebuild that found errors in
// the handbook, show them in place of the page, which still holds the last good version.
// Every value is set as text (textContent), never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  // The script is at <site>/assets/handbook/serve-errors.js; the status is at the site's root.
  var statusUrl = new URL("../../handbook-serve-status.json", script.src);

  function element(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(status) {
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
      item.appendChild(document.createTextNode(" " + finding.message + " "));
      if (status.rules) {
        var link = element("a", finding.code + " " + finding.rule);
        link.href = new URL(status.rules + "#" + finding.code.toLowerCase(), statusUrl).href;
        item.appendChild(link);
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    article.replaceChildren(panel);
    document.title = status.title;
  }

  fetch(statusUrl, { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (status) { if (status && status.findings && status.findings.length) show(status); })
    .catch(function () { /* no status file: not a preview, or the server is gone */ });
})();
