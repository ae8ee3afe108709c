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
 * Also, a query typed in the other Chinese script or another regional standard
 * finds the handbook's own words: the query and the index's words are compared
 * folded, character by character, with the fold the build made from OpenCC's
 * tables (`handbook.fold` in the index, see generator/search_terms.py), and the
 * index's own spellings are sent: 调研 → 調研, 生命周期 → 生命週期.
 *
 * How: the page sends each query to Material's search worker in a "query"
 * message (Material's SearchMessageType 2). This script reads the search index
 * itself (the browser has it cached: Material fetched it too; the setup message
 * Material sends the worker drops the `handbook` key), wraps Worker.postMessage
 * and rewrites each run of Han characters of a query as the words of the index
 * found inside it, separated by spaces. A query typed before the index is read
 * waits for it; if the index cannot be read, queries go out unchanged.
 */
(function () {
  "use strict"
  var QUERY = 2
  var HAN_RUN = /\p{sc=Han}+/gu
  var send = Worker.prototype.postMessage
  var words = null
  var waiting = null  // the last query sent before the words were known: [worker, message]
  var reading = false
  var longest = 0
  var fold = {}

  function collect(index) {
    var pairs = (index.handbook && index.handbook.fold) || { from: "", to: "" }
    fold = {}
    var from = Array.from(pairs.from)
    var to = Array.from(pairs.to)
    for (var c = 0; c < from.length && c < to.length; c++) fold[from[c]] = to[c]
    var found = new Map()  // folded word → the index's own spellings of it
    var fields = Object.keys((index.config && index.config.fields) || { title: 1, text: 1 })
    for (var i = 0; i < index.docs.length; i++) {
      for (var f = 0; f < fields.length; f++) {
        var value = index.docs[i][fields[f]]
        if (typeof value !== "string") continue
        var runs = value.match(HAN_RUN) || []
        for (var r = 0; r < runs.length; r++) {
          var word = runs[r]
          if (word.length < 2) continue
          var key = convert(word)
          var spellings = found.get(key)
          if (!spellings) found.set(key, (spellings = []))
          if (spellings.indexOf(word) < 0) spellings.push(word)
          longest = Math.max(longest, word.length)
        }
      }
    }
    return found
  }

  function convert(run) {
    var converted = ""
    for (var i = 0; i < run.length; i++) converted += fold[run[i]] || run[i]
    return converted
  }

  function cut(typed) {
    var run = convert(typed)
    // Every known word inside the run, short and long: Material keeps a word of two
    // characters whole (the index has no one-character words, see search_terms.py),
    // and a page that has all the parts ranks first.
    var found = []
    function add(spellings) {
      for (var s = 0; s < spellings.length; s++) {
        if (found.indexOf(spellings[s]) < 0) found.push(spellings[s])
      }
    }
    for (var start = 0; start < run.length - 1; start++) {
      var end = Math.min(run.length, start + longest)
      for (var stop = start + 2; stop <= end; stop++) {
        add(words.get(run.slice(start, stop)) || [])
      }
    }
    // A run no index word matches may sit inside longer index words: jieba cut the
    // handbook's text differently (並置頂 holds 置頂). Only then (a query that found
    // something is left alone), each pair of its characters brings the few shortest
    // index words that contain it.
    if (!found.length) {
      for (var at = 0; at < run.length - 1; at++) add(containing(run.slice(at, at + 2)))
    }
    return found.length ? found.join(" ") : typed
  }

  var CONTAINING = 3  // index words per pair of characters: enough to reach the page, few enough to rank

  function containing(pair) {
    var hits = []
    words.forEach(function (spellings, key) {
      if (key.length > 2 && key.indexOf(pair) >= 0) hits.push.apply(hits, spellings)
    })
    hits.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0) })
    return hits.slice(0, CONTAINING)
  }

  function indexUrl() {
    var config = document.getElementById("__config")
    if (!config) return null
    var base = JSON.parse(config.textContent).base
    return new URL("search/search_index.json", new URL(base.replace(/\/?$/, "/"), location.href)).href
  }

  var url = indexUrl()
  if (url && window.fetch) {
    reading = true
    fetch(url)
      .then(function (response) { return response.ok ? response.json() : null })
      .then(function (index) { if (index) ready(collect(index)) })
      .catch(function () { /* search works as before, only without the cutting */ })
      .then(function () { reading = false; flush() })
  }

  function rewrite(message) {
    // Quoted phrases are left as typed: the reader asked for them exactly.
    if (!words || message.data.indexOf('"') >= 0) return message
    return { type: message.type, data: message.data.replace(HAN_RUN, cut) }
  }

  function ready(found) {
    words = found
    flush()
  }

  function flush() {
    if (!waiting || (!words && reading)) return
    var pending = waiting
    waiting = null
    send.call(pending[0], rewrite(pending[1]))
  }

  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      if (!words && reading) {
        waiting = [this, message]
        return
      }
      message = rewrite(message)
    }
    return send.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)))
  }
})()
