/* The handbook's search: one box in the header, the same under every engine.
 *
 * Reads the index generator/search/index.py writes next to this script
 * (search/meta.json, then only the shards a query's tokens hash to, then only the
 * section texts of the results shown). Words are cut and compared exactly as
 * generator/search/text.py does: NFKC, lower case, variants folded; Han text as pairs
 * of characters (a single character when typed alone), other words whole.
 *
 * Ranking: a section whose *name* (a role's title, a step's, a document's, a glossary
 * term or synonym, a former id) is exactly the query comes first; then sections by
 * their names' likeness to the query and their words' BM25F weight, times the page's
 * weight (pages that list many things weigh less). One result per page, linked to its
 * best section. Everything from the index is inserted as text, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.__handbookSearch) return;
  var base = script.src.replace(/assets\/handbook\/handbook-search\.js(\?.*)?$/, "");
  var indexBase = base + "assets/handbook/search/";
  var FIRST = 20; // results shown at once; "more" shows the next as many
  var RERANKED = 20; // the first results looked at again for the query's words side by side
  // The ranking's weights (tuned on tests/search/queries.yml and heldout.yml only).
  var weights = {
    name: 40, // a name fully alike the query, against words' weights (BM25F, about 2–8 a token)
    otherSections: 0.25, // how much a page's other matching sections add to its best one
    phrase: 3, // a section holding the whole query as typed counts (1 + this) times
    synonym: 0.8, // the query with a glossary synonym in place of a word, against the query as typed
  };

  // How alike a name one character off the query counts (1: the very name).
  var NEAR_NAME = 0.85;
  // A name at most this many characters longer than such a query may hold it (a title's 專員, 團隊).
  var NEAR_PART_LONGER = 3;

  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  var WORD_RUN = /[\p{L}\p{N}]+/gu;

  var meta = null;
  var metaPromise = null;
  var foldMap = null;
  var shardCache = new Map();
  var sectionCache = new Map();

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function loadMeta() {
    if (!metaPromise) {
      metaPromise = fetchJson(indexBase + "meta.json").then(
        function (value) {
          meta = value;
          foldMap = new Map();
          var chars = Array.from(value.fold);
          for (var i = 0; i + 1 < chars.length; i += 2) foldMap.set(chars[i], chars[i + 1]);
          return value;
        },
        function (error) {
          metaPromise = null; // the next query asks again (see kept)
          throw error;
        }
      );
    }
    return metaPromise;
  }

  /* Text in the one form search compares (text.py's Folding). */
  function fold(text) {
    var normal = text.normalize("NFKC").toLowerCase();
    var out = "";
    for (var ch of normal) out += foldMap.get(ch) || ch;
    return out;
  }

  function isHan(ch) {
    return HAN.test(ch);
  }

  /* (isHan, text) for each run of letters or digits (text.py's segments). */
  function segments(folded) {
    var result = [];
    var runs = folded.match(WORD_RUN) || [];
    runs.forEach(function (run) {
      var part = "";
      var partHan = null;
      for (var ch of run) {
        var han = isHan(ch);
        if (partHan !== null && han !== partHan) {
          result.push([partHan, part]);
          part = "";
        }
        partHan = han;
        part += ch;
      }
      if (part) result.push([partHan, part]);
    });
    return result;
  }

  /* text.py's query_tokens. */
  function queryTokens(folded) {
    var tokens = [];
    segments(folded).forEach(function (segment) {
      var chars = Array.from(segment[1]);
      if (segment[0] && chars.length > 1) {
        for (var i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
      } else {
        tokens.push(segment[1]);
      }
    });
    return Array.from(new Set(tokens));
  }

  function fnv1a(token) {
    var value = 0x811c9dc5;
    for (var ch of token) value = Math.imul(value ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return value;
  }

  /* A file of the index, fetched once and kept; a fetch that failed is forgotten, so the next
     query asks again (a dropped connection, or a preview replacing its index just then). */
  function kept(cache, name) {
    if (!cache.has(name)) {
      cache.set(
        name,
        fetchJson(indexBase + name).catch(function (error) {
          cache.delete(name);
          throw error;
        })
      );
    }
    return cache.get(name);
  }

  function shard(number) {
    return kept(shardCache, "shards/" + number + ".json");
  }

  function sectionFile(number) {
    return kept(sectionCache, "sections/" + number + ".json");
  }

  function editDistanceAtMostOne(a, b) {
    if (a === b) return true;
    var la = a.length;
    var lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    if (la > lb) return a.slice(i + 1) === b.slice(i);
    return a.slice(i) === b.slice(i + 1);
  }

  /* A word of other letters the index lacks: the index's words it begins (escal → escalation),
     else those one letter away (KOI → KOL, ROI); none: the word itself. */
  function corrections(token) {
    if (isHan(token) || token.length < 3 || meta.words.indexOf(token) >= 0) return [token];
    var longer = meta.words.filter(function (word) {
      return word.indexOf(token) === 0;
    });
    if (longer.length) return longer.slice(0, 4);
    var near = meta.words.filter(function (word) {
      return editDistanceAtMostOne(token, word);
    });
    return near.length ? near.slice(0, 4) : [token];
  }

  /* The query's tokens, once for each correction of a mistyped word (at most a few forms). */
  function correctedForms(tokens) {
    var forms = [[]];
    tokens.forEach(function (token) {
      var next = [];
      corrections(token).forEach(function (choice) {
        forms.forEach(function (form) {
          next.push(form.concat([choice]));
        });
      });
      forms = next.slice(0, 8);
    });
    return forms;
  }

  /* The query, and the query with each glossary synonym it contains replaced by the others. */
  function alternatives(folded) {
    var result = [folded];
    (meta.synonyms || []).forEach(function (group) {
      group.forEach(function (member) {
        if (member.length < 2 || folded.indexOf(member) < 0) return;
        group.forEach(function (other) {
          // Not a longer name holding the word typed (輿情 → 品牌輿情): that adds words the reader did not ask for.
          if (other !== member && other.indexOf(member) < 0) result.push(folded.split(member).join(" " + other + " "));
        });
      });
    });
    return Array.from(new Set(result)).slice(0, 12);
  }

  function postingsOf(tokens) {
    var wanted = new Set();
    tokens.forEach(function (token) {
      wanted.add(fnv1a(token) % meta.shards);
    });
    return Promise.all(
      Array.from(wanted).map(function (number) {
        return shard(number).then(function (value) {
          return [number, value];
        });
      })
    ).then(function (loaded) {
      var byNumber = new Map(loaded);
      var found = new Map();
      tokens.forEach(function (token) {
        var values = byNumber.get(fnv1a(token) % meta.shards);
        found.set(token, {
          words: values[token] || null,
          names: values["!" + token] || null,
          characters: Array.from(token).length === 1 ? values["~" + token] || null : null,
        });
      });
      return found;
    });
  }

  /* Each section's score for one form of the query: Map section → {score, coverage, exact, name}. */
  /* Sections with a Han name one character off the query's (活動策化專員 for 活動策劃專員), or holding
     it with one character wrong: [section, likeness]. */
  function nearNames(characters, found) {
    var sections = [];
    if (!characters || characters.length < 3) return sections;
    var matches = new Map();
    new Set(characters).forEach(function (ch) {
      var entry = found.get(ch);
      var values = entry && entry.characters;
      if (!values) return;
      var section = 0;
      for (var i = 0; i + 2 < values.length; i += 3) {
        section += values[i];
        var key = section + ":" + values[i + 1];
        var match = matches.get(key) || { section: section, matched: 0, length: values[i + 2] };
        match.matched += 1;
        matches.set(key, match);
      }
    });
    var wanted = characters.length;
    matches.forEach(function (match) {
      if (Math.abs(match.length - wanted) <= 1 && match.matched >= Math.max(match.length, wanted) - 1) {
        sections.push([match.section, NEAR_NAME]);
      } else if (match.length > wanted && match.length <= wanted + NEAR_PART_LONGER && match.matched >= wanted - 1) {
        // A longer name holding the query with one character wrong (新媒體運瑩 in 新媒體運營專員):
        // a name typed in part, as likely as the part would be.
        sections.push([match.section, NEAR_NAME * (wanted / match.length)]);
      }
    });
    return sections;
  }

  function scoreAlternative(tokens, found, useNames, characters) {
    var present = tokens.filter(function (token) {
      return found.get(token).words;
    });
    var totalIdf = 0;
    present.forEach(function (token) {
      totalIdf += found.get(token).words[0];
    });
    var body = new Map();
    var matchedIdf = new Map();
    present.forEach(function (token) {
      var values = found.get(token).words;
      var idf = values[0];
      var section = 0;
      for (var i = 1; i + 1 < values.length; i += 2) {
        section += values[i];
        body.set(section, (body.get(section) || 0) + values[i + 1] / 100);
        matchedIdf.set(section, (matchedIdf.get(section) || 0) + idf);
      }
    });
    var nameMatches = new Map();
    tokens.forEach(function (token) {
      var values = useNames ? found.get(token).names : null;
      if (!values) return;
      var section = 0;
      for (var i = 0; i + 2 < values.length; i += 3) {
        section += values[i];
        var key = section + ":" + values[i + 1];
        var entry = nameMatches.get(key) || { section: section, matched: 0, length: values[i + 2] };
        entry.matched += 1;
        nameMatches.set(key, entry);
      }
    });
    var nameScore = new Map();
    nearNames(characters, found).forEach(function (near) {
      if (near[1] > (nameScore.get(near[0]) || 0)) nameScore.set(near[0], near[1]);
    });
    nameMatches.forEach(function (entry) {
      // Against the query's tokens the index holds: a pair no page says (員負 in 市場調研專員負責什麼,
      // where two words meet) is no word of the query that a name could miss.
      var likeness = (entry.matched * entry.matched) / (Math.max(present.length, entry.matched) * entry.length);
      // A name the query holds whole is what a question is about (客戶關係專員 in 客戶關係專員如何做回訪):
      // the question's other words dilute it by half at most.
      if (entry.matched >= entry.length && entry.length > 1) likeness = Math.max(likeness, 0.5 + likeness / 2);
      if (likeness > (nameScore.get(entry.section) || 0)) nameScore.set(entry.section, likeness);
    });
    var scores = new Map();
    var sections = new Set(Array.from(body.keys()).concat(Array.from(nameScore.keys())));
    sections.forEach(function (section) {
      var page = meta.pages[meta.sections[section]];
      var coverage = totalIdf > 0 ? (matchedIdf.get(section) || 0) / totalIdf : 0;
      var name = nameScore.get(section) || 0;
      // A name that is only part of the query counts as much as the section also holds the rest.
      var nameCoverage = name >= 0.999 ? 1 : coverage;
      var score = page[5] * (body.get(section) || 0) * coverage * coverage + weights.name * name * name * nameCoverage * nameCoverage;
      scores.set(section, { score: score, coverage: coverage, exact: name >= 0.999, name: name });
    });
    return scores;
  }

  /* Every page that matches, best first: [{page, section, score, exact}]. */
  function search(query, department) {
    return loadMeta().then(function () {
      var folded = fold(query);
      var forms = [];
      alternatives(folded).forEach(function (form, index) {
        var tokens = queryTokens(form);
        if (!tokens.length) return;
        correctedForms(tokens).forEach(function (corrected) {
          // A synonym's form matches words only: the term's own section holds every synonym as a name.
          forms.push({ tokens: corrected, factor: index === 0 ? 1 : weights.synonym, names: index === 0 });
        });
      });
      if (!forms.length) return [];
      // The query's characters when it is one Han word (a name, perhaps with one character wrong).
      var parts = segments(folded);
      var hanCharacters = parts.length === 1 && parts[0][0] ? Array.from(parts[0][1]) : null;
      var allTokens = Array.from(new Set([].concat.apply(hanCharacters || [], forms.map(function (form) {
        return form.tokens;
      }))));
      return postingsOf(allTokens).then(function (found) {
        var best = new Map();
        forms.forEach(function (form) {
          scoreAlternative(form.tokens, found, form.names, form.names ? hanCharacters : null).forEach(function (value, section) {
            value.score *= form.factor;
            var known = best.get(section);
            if (!known || value.score > known.score || (value.exact && !known.exact)) best.set(section, value);
          });
        });
        var topCoverage = 0;
        best.forEach(function (value) {
          if (value.coverage > topCoverage) topCoverage = value.coverage;
        });
        var pages = new Map();
        best.forEach(function (value, section) {
          if (value.coverage < topCoverage * 0.5 && value.name < 0.3) return;
          var pageNumber = meta.sections[section];
          if (department && meta.pages[pageNumber][4] !== department) return;
          var known = pages.get(pageNumber);
          if (!known) {
            pages.set(pageNumber, { page: pageNumber, section: section, score: value.score, exact: value.exact, rest: 0 });
          } else if (better(value, known)) {
            known.rest += known.score;
            known.section = section;
            known.score = value.score;
            known.exact = value.exact;
          } else {
            known.rest += value.score;
          }
        });
        // A page's other sections that match add a little: a role's duties, tools and plan together.
        pages.forEach(function (result) {
          result.score += weights.otherSections * result.rest;
        });
        var ranked = Array.from(pages.values()).sort(byRank);
        return withPhrases(ranked, folded);
      });
    });
  }

  function byRank(a, b) {
    if (a.exact !== b.exact) return a.exact ? -1 : 1;
    return b.score - a.score || a.page - b.page;
  }

  function compact(folded) {
    return (folded.match(WORD_RUN) || []).join("");
  }

  /* The first results again, those whose section holds the query's words as typed (side by side) first.
     Character pairs say which words a section holds, not whether they stand together: 輿情監測
     in a duty, against 輿情 and 監測 in two sentences of a step. Only the first results are looked
     at: their texts are fetched for the list anyway. */
  function withPhrases(ranked, folded) {
    var head = ranked.slice(0, RERANKED);
    var parts = segments(folded).map(function (segment) {
      return segment[1];
    }).filter(function (part) {
      return Array.from(part).length > 1;
    });
    var whole = compact(folded);
    if (!head.length || !whole) return Promise.resolve(ranked);
    return Promise.all(
      head.map(function (result) {
        return sectionData(result.section).then(function (data) {
          var text = compact(fold(data[1] + "\n" + data[4]));
          var factor = 1;
          if (text.indexOf(whole) >= 0) factor += weights.phrase;
          else if (parts.length > 1) {
            var together = parts.filter(function (part) {
              return text.indexOf(part) >= 0;
            }).length;
            factor += (weights.phrase / 2) * (together / parts.length);
          }
          result.score *= factor;
        });
      })
    ).then(
      function () {
        return head.sort(byRank).concat(ranked.slice(RERANKED));
      },
      function () {
        return ranked;
      }
    );
  }

  function better(value, known) {
    if (value.exact !== known.exact) return value.exact;
    return value.score > known.score;
  }

  /* ---- The box and the result list ---- */

  var labels = {};
  var labelsPromise = null;

  /* The box's words, in the handbook's language: a small file fetched with the page. */
  function loadLabels() {
    if (!labelsPromise) {
      labelsPromise = fetchJson(indexBase + "labels.json").then(
        function (value) {
          labels = value || {};
        },
        function () {}
      );
    }
    return labelsPromise;
  }

  function label(key, fallback) {
    return labels[key] || fallback;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The sentence of a section's text that holds most of the query, with the query's words marked. */
  function excerpt(text, tokens) {
    var lines = text.split("\n");
    var bestLine = "";
    var bestHits = -1;
    lines.forEach(function (line) {
      var folded = foldedChars(line);
      var hits = 0;
      tokens.forEach(function (token) {
        if (folded.joined.indexOf(token) >= 0) hits += 1;
      });
      if (hits > bestHits) {
        bestHits = hits;
        bestLine = line;
      }
    });
    return bestLine;
  }

  function foldedChars(text) {
    var chars = Array.from(text);
    var joined = "";
    var starts = [];
    chars.forEach(function (ch, index) {
      var folded = fold(ch);
      for (var k = 0; k < folded.length; k++) starts.push(index);
      joined += folded;
    });
    return { chars: chars, joined: joined, starts: starts };
  }

  function marked(container, text, tokens) {
    var folded = foldedChars(text);
    var marks = new Array(folded.chars.length).fill(false);
    tokens.forEach(function (token) {
      if (!token) return;
      var from = 0;
      var at;
      while ((at = folded.joined.indexOf(token, from)) >= 0) {
        var end = at + token.length;
        for (var p = at; p < end; p++) marks[folded.starts[p]] = true;
        from = end;
      }
    });
    var chars = folded.chars;
    var first = marks.indexOf(true);
    var start = 0;
    var limit = 120;
    if (chars.length > limit && first > 40) start = first - 30;
    var end = Math.min(chars.length, start + limit);
    if (start > 0) container.appendChild(document.createTextNode("…"));
    var run = "";
    var runMarked = false;
    function flush() {
      if (!run) return;
      container.appendChild(runMarked ? element("mark", "", run) : document.createTextNode(run));
      run = "";
    }
    for (var i = start; i < end; i++) {
      if (marks[i] !== runMarked) {
        flush();
        runMarked = marks[i];
      }
      run += chars[i];
    }
    flush();
    if (end < chars.length) container.appendChild(document.createTextNode("…"));
  }

  function sectionData(section) {
    var per = meta.sectionsPerFile;
    return sectionFile(Math.floor(section / per)).then(function (rows) {
      return rows[section % per];
    });
  }

  function kindLabel(kind) {
    return label("kind." + kind, "");
  }

  var ui = null;

  function buildUi() {
    var header = document.querySelector(".md-header__inner") || document.querySelector("header");
    if (!header) return null;
    document.documentElement.classList.add("hb-search-on");
    var root = element("div", "hb-search");
    var opener = element("button", "hb-search__open");
    opener.type = "button";
    opener.setAttribute("aria-label", label("search", "搜尋"));
    opener.appendChild(searchIcon());
    var form = element("form", "hb-search__form");
    form.setAttribute("role", "search");
    var input = element("input", "hb-search__input");
    input.type = "search";
    input.id = "hb-search-input";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "hb-search-results");
    var close = element("button", "hb-search__close", "×");
    close.type = "button";
    var panel = element("div", "hb-search__panel");
    var filter = element("select", "hb-search__department");
    filter.hidden = true;
    var status = element("p", "hb-search__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var list = element("ul", "hb-search__results");
    list.id = "hb-search-results";
    list.setAttribute("role", "listbox");
    var more = element("button", "hb-search__more");
    more.type = "button";
    more.hidden = true;
    panel.appendChild(filter);
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(more);
    form.appendChild(searchIcon());
    form.appendChild(input);
    form.appendChild(close);
    form.appendChild(panel);
    root.appendChild(opener);
    root.appendChild(form);
    var before = header.querySelector(".md-header__source") || null;
    header.insertBefore(root, before);
    ui = { root: root, opener: opener, input: input, close: close, panel: panel, filter: filter, status: status, list: list, more: more, results: [], shown: 0, active: -1, tokens: [], generation: 0 };
    applyLabels();
    return ui;
  }

  function searchIcon() {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "hb-search__icon");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5");
    svg.appendChild(path);
    return svg;
  }

  function applyLabels() {
    var words = label("search", "搜尋");
    ui.input.placeholder = label("placeholder", words);
    ui.input.setAttribute("aria-label", label("placeholder", words));
    ui.opener.setAttribute("aria-label", words);
    ui.close.setAttribute("aria-label", label("close", "×"));
    ui.list.setAttribute("aria-label", label("results", words));
    ui.more.textContent = label("more", "…");
    if (meta && meta.departments && meta.departments.length > 1 && !ui.filter.options.length) {
      ui.filter.setAttribute("aria-label", label("department", ""));
      ui.filter.appendChild(new Option(label("all_departments", "—"), "0"));
      meta.departments.forEach(function (title, index) {
        ui.filter.appendChild(new Option(title, String(index + 1)));
      });
      ui.filter.hidden = false;
    }
  }

  function open() {
    ui.root.classList.add("hb-search--open");
    // The index's meta file (pages, fold, synonyms) comes when the reader turns to the box.
    loadMeta().then(applyLabels, function () {});
  }

  function shut() {
    ui.root.classList.remove("hb-search--open");
    ui.root.classList.remove("hb-search--results");
    ui.input.setAttribute("aria-expanded", "false");
    ui.input.removeAttribute("aria-activedescendant");
  }

  function run() {
    var query = ui.input.value.trim();
    var generation = ++ui.generation;
    if (!query) {
      ui.list.textContent = "";
      ui.status.textContent = "";
      ui.more.hidden = true;
      ui.root.classList.remove("hb-search--results");
      ui.input.setAttribute("aria-expanded", "false");
      return;
    }
    var department = Number(ui.filter.value || 0);
    search(query, department).then(
      function (results) {
        if (generation !== ui.generation) return;
        ui.results = results;
        ui.tokens = Array.from(new Set([].concat.apply([], alternatives(fold(query)).map(queryTokens))));
        ui.shown = 0;
        ui.active = -1;
        ui.list.textContent = "";
        ui.root.classList.add("hb-search--results");
        ui.input.setAttribute("aria-expanded", "true");
        ui.input.removeAttribute("aria-activedescendant");
        ui.status.textContent = results.length
          ? label("count", "{n}").replace("{n}", String(results.length))
          : label("none", "");
        showMore(generation).then(function () {
          // Says which query the list shows, once every result in it is filled in.
          if (generation === ui.generation) ui.root.setAttribute("data-searched", query);
        });
      },
      function () {
        if (generation !== ui.generation) return;
        ui.status.textContent = label("failed", "!");
      }
    );
  }

  function showMore(generation) {
    var from = ui.shown;
    var slice = ui.results.slice(from, from + FIRST);
    ui.shown = from + slice.length;
    ui.more.hidden = ui.shown >= ui.results.length;
    var items = slice.map(function (result, offset) {
      var item = element("li", "hb-search__result");
      item.setAttribute("role", "option");
      item.id = "hb-search-result-" + (from + offset);
      item.setAttribute("aria-selected", "false");
      ui.list.appendChild(item);
      return item;
    });
    return Promise.all(
      slice.map(function (result, offset) {
        return sectionData(result.section).then(function (data) {
          if (generation !== ui.generation) return;
          fillResult(items[offset], result, data);
        });
      })
    );
  }

  function fillResult(item, result, data) {
    var page = meta.pages[result.page];
    var anchor = data[0];
    var link = element("a", "hb-search__link");
    link.href = base + page[0] + (anchor ? "#" + encodeURIComponent(anchor) : "");
    link.tabIndex = -1;
    // A section that is a thing of its own (a step, a document, a term, a metric) is the
    // result; any other section is a part of its page, which the result is named after.
    var own = Boolean(data[2]);
    var kind = own ? data[2] : page[2];
    var context = own ? data[3] : page[3];
    var headline = element("span", "hb-search__title");
    headline.textContent = own ? data[1] || page[1] : page[1];
    var where = element("span", "hb-search__kind");
    var parts = [kindLabel(kind), context];
    if (!own && anchor && data[1] !== page[1]) parts.push(data[1]);
    if (own && anchor && context.indexOf(page[1]) < 0) parts.push(page[1]);
    // On a company handbook, whose the page is.
    if (page[4] && meta.departments.length > 1) parts.push(meta.departments[page[4] - 1]);
    var whereText = parts
      .filter(function (part, index, all) {
        return part && all.indexOf(part) === index;
      })
      .join(" · ");
    where.textContent = whereText;
    link.appendChild(headline);
    if (whereText) link.appendChild(where);
    var sentence = excerpt(data[4] || "", ui.tokens);
    if (sentence) {
      var text = element("span", "hb-search__excerpt");
      marked(text, sentence, ui.tokens);
      link.appendChild(text);
    }
    item.textContent = "";
    item.appendChild(link);
  }

  function move(step) {
    var items = ui.list.querySelectorAll(".hb-search__result");
    if (!items.length) return;
    if (ui.active >= 0 && items[ui.active]) items[ui.active].setAttribute("aria-selected", "false");
    ui.active = Math.max(0, Math.min(items.length - 1, ui.active + step));
    var current = items[ui.active];
    current.setAttribute("aria-selected", "true");
    ui.input.setAttribute("aria-activedescendant", current.id);
    current.scrollIntoView({ block: "nearest" });
  }

  function follow() {
    var items = ui.list.querySelectorAll(".hb-search__result");
    var item = items[ui.active >= 0 ? ui.active : 0];
    var link = item && item.querySelector("a");
    if (link) window.location.href = link.href;
  }

  function wire() {
    var timer = null;
    ui.opener.addEventListener("click", function () {
      open();
      ui.input.focus();
    });
    ui.close.addEventListener("click", function () {
      ui.input.value = "";
      run();
      shut();
      ui.opener.focus();
    });
    ui.input.addEventListener("focus", open);
    ui.root.addEventListener("pointerenter", function () {
      loadMeta().then(applyLabels, function () {});
    });
    ui.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    ui.filter.addEventListener("change", run);
    ui.more.addEventListener("click", function () {
      showMore(ui.generation);
    });
    ui.root.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      follow();
    });
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        move(1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        move(-1);
      } else if (event.key === "Escape") {
        shut();
        ui.input.blur();
      }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!typing && (event.key === "/" || (event.key === "k" && (event.ctrlKey || event.metaKey)))) {
        event.preventDefault();
        open();
        ui.input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!ui.root.contains(event.target)) shut();
    });
  }

  function start() {
    if (!buildUi()) return;
    wire();
    // For tests and benchmarks: the result pages of a query (site paths, best first), without the box.
    window.__handbookSearch = {
      ready: loadMeta,
      weights: weights,
      results: function (query, department) {
        return search(query, department || 0).then(function (results) {
          return results.map(function (result) {
            return { page: meta.pages[result.page][0], section: result.section, score: result.score, exact: result.exact };
          });
        });
      },
      pages: function (query, department) {
        return search(query, department || 0).then(function (results) {
          return results.map(function (result) {
            return meta.pages[result.page][0];
          });
        });
      },
    };
    loadLabels().then(function () {
      applyLabels();
      // The box shows its own words now (screenshots and tests wait for this).
      ui.root.setAttribute("data-ready", "");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
