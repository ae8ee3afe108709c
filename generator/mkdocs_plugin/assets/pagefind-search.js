/*
 * Answer Material's search box from Pagefind, in Material's own result list.
 *
 * Why: on a big handbook Material's search downloads its whole index and builds
 * it in the reader's browser before the first result (seconds on a phone);
 * Pagefind fetches only the index chunks a query needs. The plugin renames
 * Material's search form on Pagefind sites (generator/mkdocs_plugin/pagefind.py),
 * so Material never fetches its index; its box, overlay and keyboard handling stay.
 *
 * Every text shown comes from Pagefind's title and excerpt and is inserted as
 * text (textContent); only Pagefind's <mark> highlights become elements, made
 * here. Pagefind escapes the page's text in excerpts, so the excerpt's pieces
 * between marks are decoded from HTML entities as text, never parsed as markup.
 *
 * A query typed in the other Chinese script or another regional standard is
 * written in the handbook's own characters first (调 → 調, 周 → 週), from the
 * table the build made from OpenCC's (pagefind/handbook-spellings.json, see
 * generator/search_terms.py handbook_spellings): Pagefind's index is not folded.
 */
(function () {
  "use strict"
  var SHOWN = 10
  var HAN = /\p{sc=Han}/gu
  var config = readConfig()
  if (!config) return
  var base = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href)
  var translations = config.translations || {}
  var loading = null
  var latest = 0

  function readConfig() {
    var element = document.getElementById("__config")
    try { return element ? JSON.parse(element.textContent) : null } catch (error) { return null }
  }

  function pagefind() {
    if (!loading) {
      var api = import(new URL("pagefind/pagefind.js", base).href).then(function (api) {
        // Results' URLs start at the site's folder, also under a site_url path.
        return api.options({ baseUrl: base.pathname }).then(function () { return api })
      })
      // Without the table (a site without Material's search plugin) queries go as typed.
      var spellings = fetch(new URL("pagefind/handbook-spellings.json", base).href)
        .then(function (response) { return response.ok ? response.json() : {} })
        .catch(function () { return {} })
      loading = Promise.all([api, spellings])
    }
    return loading
  }

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'" }

  function decoded(text) {
    return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, function (_, name) { return ENTITIES[name] })
  }

  // Pagefind's excerpt: escaped text with <mark> around the words found.
  function highlighted(parent, excerpt) {
    var pieces = String(excerpt || "").split(/(<mark>|<\/mark>)/)
    var marked = false
    for (var i = 0; i < pieces.length; i++) {
      if (pieces[i] === "<mark>") { marked = true; continue }
      if (pieces[i] === "</mark>") { marked = false; continue }
      if (!pieces[i]) continue
      var text = document.createTextNode(decoded(pieces[i]))
      if (marked) {
        var mark = document.createElement("mark")
        mark.appendChild(text)
        parent.appendChild(mark)
      } else {
        parent.appendChild(text)
      }
    }
  }

  function item(data) {
    var li = document.createElement("li")
    li.className = "md-search-result__item"
    var link = document.createElement("a")
    link.className = "md-search-result__link"
    link.tabIndex = -1
    link.href = new URL(String(data.url || ""), location.href).href
    var article = document.createElement("article")
    article.className = "md-search-result__article md-typeset"
    var icon = document.createElement("div")
    icon.className = "md-search-result__icon md-icon"
    var title = document.createElement("h1")
    title.textContent = decoded(String((data.meta && data.meta.title) || data.url || ""))
    var excerpt = document.createElement("p")
    highlighted(excerpt, data.excerpt)
    article.append(icon, title, excerpt)
    link.appendChild(article)
    li.appendChild(link)
    return li
  }

  function count(n, query) {
    var key = n === 0 ? (query ? "search.result.none" : "search.result.placeholder")
      : n === 1 ? "search.result.one" : "search.result.other"
    return String(translations[key] || "").replace("#", String(n))
  }

  // Pagefind finds a run of Han characters typed whole only when it is one of the words
  // its index cut the page into (歐洲 is, 歐洲銷售部 is not), so a longer title finds
  // nothing; each character on its own is looked up as the start of an index word,
  // and a page must have them all.
  function spaced(query, spellings) {
    return query.replace(HAN, function (character) {
      var own = Object.prototype.hasOwnProperty.call(spellings, character) ? spellings[character] : character
      return " " + own + " "
    }).replace(/\s+/g, " ").trim()
  }

  function show(query) {
    var result = document.querySelector(".md-search-result")
    if (!result) return
    var meta = result.querySelector(".md-search-result__meta")
    var list = result.querySelector(".md-search-result__list")
    var asked = ++latest
    if (!query.trim()) {
      if (meta) meta.textContent = count(0, "")
      if (list) list.replaceChildren()
      return
    }
    pagefind()
      .then(function (loaded) { return loaded[0].search(spaced(query, loaded[1])) })
      .then(function (search) {
        if (asked !== latest || !search) return null
        return Promise.all(search.results.slice(0, SHOWN).map(function (r) { return r.data() }))
          .then(function (pages) { return [search.results.length, pages] })
      })
      .then(function (found) {
        if (!found || asked !== latest) return
        if (meta) meta.textContent = count(found[0], query)
        if (list) list.replaceChildren.apply(list, found[1].map(item))
      })
      .catch(function () { /* a failed load leaves the list as it was; the next keystroke tries again */ loading = null })
  }

  function wire() {
    var input = document.querySelector("input.md-search__input")
    if (!input) return
    // Material's line says "initializing" until its own worker is ready, which it never is here.
    var meta = document.querySelector(".md-search-result__meta")
    if (meta) meta.textContent = count(0, "")
    input.addEventListener("input", function () { show(input.value) })
    // Start loading Pagefind's API as soon as the reader heads for the box.
    input.addEventListener("focus", function () { pagefind().catch(function () { loading = null }) })
    if (input.value) show(input.value)
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire)
  else wire()
})()
