/*
 * Cut a Chinese search query into the handbook's own words before Material's
 * search worker sees it.
 *
 * Why: Material's experimental Chinese segmentation (integrations/search/query/
 * segment in Material for MkDocs 9) looks up words that start in the query but
 * never one that ends it, so the last word of a query is lost: 品牌推廣 becomes
 * 品牌* and also finds every other 品牌 page. Separated by spaces, each word is
 * looked up on its own and keeps its place in the query.
 *
 * How: the page sends the search index to the worker in a "setup" message and
 * each query in a "query" message (Material's SearchMessageType: 0 and 2). This
 * script wraps Worker.postMessage, collects the Chinese words of the index from
 * the setup message, and rewrites each run of Han characters of a query as the
 * words of the index found inside it, separated by spaces. The page may have sent the
 * setup message before this script ran, so the script also reads the index itself
 * (the browser has it cached). Until the words are known, and if the index
 * cannot be read (another theme version), queries go out unchanged.
 */
(function () {
  "use strict"
  var SETUP = 0
  var QUERY = 2
  var HAN_RUN = /\p{sc=Han}+/gu
  var words = null
  var longest = 0

  function collect(index) {
    var found = new Set()
    var fields = Object.keys((index.config && index.config.fields) || { title: 1, text: 1 })
    for (var i = 0; i < index.docs.length; i++) {
      for (var f = 0; f < fields.length; f++) {
        var value = index.docs[i][fields[f]]
        if (typeof value !== "string") continue
        var runs = value.match(HAN_RUN) || []
        for (var r = 0; r < runs.length; r++) {
          if (runs[r].length > 1) found.add(runs[r])
        }
      }
    }
    found.forEach(function (word) { longest = Math.max(longest, word.length) })
    return found
  }

  function cut(run) {
    // Every known word inside the run, short and long: Material keeps a word of two
    // characters whole (the index has no one-character words, see search_terms.py),
    // and a page that has all the parts ranks first.
    var found = []
    for (var start = 0; start < run.length - 1; start++) {
      var end = Math.min(run.length, start + longest)
      for (var stop = start + 2; stop <= end; stop++) {
        var part = run.slice(start, stop)
        if (words.has(part) && found.indexOf(part) < 0) found.push(part)
      }
    }
    return found.length ? found.join(" ") : run
  }

  function indexUrl() {
    var config = document.getElementById("__config")
    if (!config) return null
    var base = JSON.parse(config.textContent).base
    return new URL("search/search_index.json", new URL(base.replace(/\/?$/, "/"), location.href)).href
  }

  var url = indexUrl()
  if (url && window.fetch) {
    fetch(url)
      .then(function (response) { return response.ok ? response.json() : null })
      .then(function (index) { if (index && !words) words = collect(index) })
      .catch(function () { /* search works as before, only without the cutting */ })
  }

  var send = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs)) {
      words = collect(message.data)
    } else if (message && message.type === QUERY && typeof message.data === "string" && words) {
      // Quoted phrases are left as typed: the reader asked for them exactly.
      if (message.data.indexOf('"') < 0)
        message = { type: message.type, data: message.data.replace(HAN_RUN, cut) }
    }
    return send.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)))
  }
})()
