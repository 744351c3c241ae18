/* msoko: search on the page /search/ over search/index.json.
 *
 * Plain ES5 with no dependencies, so that it runs on old phones. Words become
 * terms exactly as in src/output/search/terms.rs (the build checks both sides give
 * the same terms for every word of the demo site): letters and digits make words,
 * «ё» is «е», one-letter and function words are dropped, Russian words are reduced
 * to their Snowball stem. A query finds the documents that have every word (the
 * last word as a prefix while it is being typed); those with the words in the
 * title come first, then those with more of them. Without JavaScript the page
 * still lists every page of the site.
 */
(function (root) {
  'use strict';

  var STOP_WORDS = {};
  ('а без бы в во вот все да для до его ее если же за и из или им их к как ко ли на ' +
    'над не нет ни но о об обо от по под при про с со так также то только у что чтобы ' +
    'это это этот эта эти этой').split(' ').forEach(function (w) { STOP_WORDS[w] = true; });
  var MAX_WORD = 40;
  var MAX_RESULTS = 20;
  /* A word being typed matches terms that are its prefix down to this length
   * (shorter ones are prepositions and junk: «прикз» must not find «при»), */
  var MIN_PREFIX = 4;
  /* and at most this much shorter than the word (the longest usual ending). */
  var MAX_ENDING = 5;

  /* The lower-case form of a character that belongs to words, or null. */
  function wordChar(c) {
    var code = c.charCodeAt(0);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0x430 && code <= 0x44f)) return c;
    if ((code >= 65 && code <= 90) || (code >= 0x410 && code <= 0x42f)) return String.fromCharCode(code + 32);
    if (code === 0x451 || code === 0x401) return '\u0435';
    return null;
  }

  function keep(word) {
    var oneLetter = word.length === 1 && !(word >= '0' && word <= '9');
    return !oneLetter && word.length <= MAX_WORD && !STOP_WORDS[word];
  }

  /* The words of a text, normalised, without one-letter and function words. */
  function words(text) {
    var out = [];
    var word = '';
    for (var i = 0; i <= text.length; i++) {
      var c = i < text.length ? wordChar(text.charAt(i)) : null;
      if (c !== null) {
        word += c;
      } else {
        if (word && keep(word)) out.push(word);
        word = '';
      }
    }
    return out;
  }

  /* ---- Snowball Russian, as in rust-stemmers 1.2 (algorithms/russian.sbl) ---- */

  var VOWELS = '\u0430\u0435\u0438\u043e\u0443\u044b\u044d\u044e\u044f'; /* аеиоуыэюя */
  function list(text) { return text.split(' '); }
  var GERUND = [list('в вши вшись'), list('ив ивши ившись ыв ывши ывшись')];
  var ADJECTIVE = [list('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею')];
  var PARTICIPLE = [list('ем нн вш ющ щ'), list('ивш ывш ующ')];
  var REFLEXIVE = [list('ся сь')];
  var VERB = [
    list('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно'),
    list('ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю')
  ];
  var NOUN = [list('а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я')];
  var DERIVATIONAL = [list('ост ость')];
  var TIDY = [list('ейш ейше'), list('н'), list('ь')];

  function isVowel(c) { return VOWELS.indexOf(c) >= 0; }

  /* The longest suffix of `w` from `groups` that starts at or after `limit`:
   * {group, length}, or null (Snowball's `[substring] among`). */
  function among(w, limit, groups) {
    var found = null;
    for (var g = 0; g < groups.length; g++) {
      for (var i = 0; i < groups[g].length; i++) {
        var s = groups[g][i];
        if (w.length - s.length >= limit && (!found || s.length > found.length) &&
            w.slice(w.length - s.length) === s) {
          found = { group: g, length: s.length };
        }
      }
    }
    return found;
  }

  /* Whether the letter before position `end` is «а» or «я», inside the region. */
  function afterAOrYa(w, end, limit) {
    var c = w.charAt(end - 1);
    return end - 1 >= limit && (c === '\u0430' || c === '\u044f');
  }

  function stemRussian(word) {
    var n = word.length;
    var pV = n;
    var p2 = n;
    var i = 0;
    while (i < n && !isVowel(word.charAt(i))) i++;
    if (i < n) {
      pV = i + 1;
      i = pV;
      while (i < n && isVowel(word.charAt(i))) i++;
      if (i < n) {
        i++;
        while (i < n && !isVowel(word.charAt(i))) i++;
        if (i < n) {
          i++;
          while (i < n && isVowel(word.charAt(i))) i++;
          if (i < n) p2 = i + 1;
        }
      }
    }
    var w = word;
    var limit = pV;
    var cut = function (length) { w = w.slice(0, w.length - length); };
    /* An ending whose first group needs «а»/«я» before it; false when it does not fit. */
    var ending = function (groups) {
      var m = among(w, limit, groups);
      if (!m) return false;
      if (m.group === 0 && groups.length > 1 && !afterAOrYa(w, w.length - m.length, limit)) return false;
      cut(m.length);
      return true;
    };
    if (!ending(GERUND)) {
      ending(REFLEXIVE);
      if (ending(ADJECTIVE)) {
        ending(PARTICIPLE);
      } else if (!ending(VERB)) {
        ending(NOUN);
      }
    }
    if (w.length - 1 >= limit && w.charAt(w.length - 1) === '\u0438') cut(1);
    var d = among(w, limit, DERIVATIONAL);
    if (d && w.length - d.length >= p2) cut(d.length);
    var t = among(w, limit, TIDY);
    if (t) {
      if (t.group === 0) {
        cut(t.length);
        if (w.length - 2 >= limit && w.slice(w.length - 2) === '\u043d\u043d') cut(1);
      } else if (t.group === 1) {
        if (w.length - 2 >= limit && w.charAt(w.length - 2) === '\u043d') cut(1);
      } else {
        cut(1);
      }
    }
    return w;
  }

  /* The term of a normalised word: the stem of a Russian word, anything else as is. */
  function stem(word) {
    for (var i = 0; i < word.length; i++) {
      var code = word.charCodeAt(i);
      if (code < 0x430 || code > 0x44f) return word;
    }
    return stemRussian(word);
  }

  function terms(text) { return words(text).map(stem); }

  /* ---- the query ---- */

  /* Index of the first term not less than `key` (terms are sorted). */
  function lowerBound(sorted, key) {
    var lo = 0;
    var hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Numbers of the terms equal to `term`, or starting with it. */
  function matchingTerms(index, term, prefix) {
    var found = [];
    for (var i = lowerBound(index.terms, term); i < index.terms.length; i++) {
      var t = index.terms[i];
      if (t === term || (prefix && t.lastIndexOf(term, 0) === 0)) found.push(i); else break;
    }
    return found;
  }

  /* Terms a word being typed may become: those starting with what is typed, and,
   * since a stem is often shorter than the word («объективнос…» -> «объективн»),
   * those that what is typed starts with, if at most an ending shorter. */
  function typedTerms(index, word) {
    var found = matchingTerms(index, word, true);
    var shortest = Math.max(MIN_PREFIX, word.length - MAX_ENDING);
    for (var length = word.length - 1; length >= shortest; length--) {
      found = found.concat(matchingTerms(index, word.slice(0, length), false));
    }
    return found;
  }

  /* Documents with any of the terms: document -> {count, title, exact}; `exact`
   * when the document has term number `exactTerm`. */
  function hitsOf(index, termNumbers, exactTerm) {
    var hits = {};
    var seen = {};
    for (var k = 0; k < termNumbers.length; k++) {
      if (seen[termNumbers[k]]) continue;
      seen[termNumbers[k]] = true;
      var postings = index.postings[termNumbers[k]];
      var exact = termNumbers[k] === exactTerm;
      var doc = 0;
      for (var j = 0; j < postings.length; j += 2) {
        doc += postings[j];
        var weight = postings[j + 1];
        var hit = hits[doc] || (hits[doc] = { count: 0, title: false, exact: false });
        hit.count += weight >> 1;
        hit.title = hit.title || (weight & 1) === 1;
        hit.exact = hit.exact || exact;
      }
    }
    return hits;
  }

  /* Every document with all words of the query, best first:
   * [{doc, titleWords, exactWords, count}]. The last word is taken as being typed
   * unless the query ends after it (a space, a full stop). Documents with more of
   * the words in the title come first, then those with more words found as
   * written (not only as a beginning), then those with more occurrences. */
  function search(index, query) {
    var queryWords = words(query);
    if (!queryWords.length) return [];
    var typing = query.length > 0 && wordChar(query.charAt(query.length - 1)) !== null;
    var perWord = [];
    for (var i = 0; i < queryWords.length; i++) {
      var term = stem(queryWords[i]);
      var exact = matchingTerms(index, term, false);
      var numbers = typing && i === queryWords.length - 1
        ? exact.concat(typedTerms(index, queryWords[i]))
        : exact;
      if (!numbers.length) return [];
      perWord.push(hitsOf(index, numbers, exact.length ? exact[0] : -1));
    }
    var results = [];
    for (var key in perWord[0]) {
      if (!Object.prototype.hasOwnProperty.call(perWord[0], key)) continue;
      var result = { doc: +key, titleWords: 0, exactWords: 0, count: 0 };
      for (var w = 0; w < perWord.length; w++) {
        var hit = perWord[w][key];
        if (!hit) { result = null; break; }
        result.count += hit.count;
        if (hit.title) result.titleWords++;
        if (hit.exact) result.exactWords++;
      }
      if (result) results.push(result);
    }
    results.sort(function (a, b) {
      return (b.titleWords - a.titleWords) || (b.exactWords - a.exactWords) ||
        (b.count - a.count) || (a.doc - b.doc);
    });
    return results;
  }

  /* ---- the page ---- */

  function plural(n, one, few, many) {
    var tens = n % 100;
    var units = n % 10;
    if (units === 1 && tens !== 11) return one;
    if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return few;
    return many;
  }

  function queryParameter(name) {
    var pairs = window.location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      var eq = pairs[i].indexOf('=');
      var key = eq < 0 ? pairs[i] : pairs[i].slice(0, eq);
      if (key === name) {
        try {
          return decodeURIComponent(pairs[i].slice(eq + 1).replace(/\+/g, ' '));
        } catch (e) {
          return '';
        }
      }
    }
    return '';
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.appendChild(document.createTextNode(text));
    return e;
  }

  function init() {
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-q');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var note = document.getElementById('search-nojs');
    if (!form || !input || !status || !list || !window.XMLHttpRequest || !window.JSON) return;
    var base = form.getAttribute('data-base') || '/';
    var title = document.title;
    var index = null;
    var loading = false;
    var pending = null;
    var timer = null;
    if (note) note.hidden = true;

    function say(text) { status.textContent = text; }

    function show(query) {
      var shown = query.replace(/^\s+|\s+$/g, '');
      while (list.firstChild) list.removeChild(list.firstChild);
      list.hidden = true;
      document.title = shown ? '«' + shown + '» — ' + title : title;
      if (!shown) { say(''); return; }
      if (!words(shown).length) {
        say('Введите слово подлиннее: короткие слова вроде «и», «в», «по» не ищутся.');
        return;
      }
      var results = search(index, query);
      if (!results.length) {
        say('По запросу «' + shown + '» ничего не найдено. Проверьте написание, ' +
          'уберите лишние слова или найдите страницу в перечне всех страниц ниже.');
        return;
      }
      var n = results.length;
      say(plural(n, 'Найден ', 'Найдено ', 'Найдено ') + n + ' ' +
        plural(n, 'результат', 'результата', 'результатов') + ' по запросу «' + shown + '»' +
        (n > MAX_RESULTS ? '; показаны первые ' + MAX_RESULTS + '.' : '.'));
      for (var i = 0; i < results.length && i < MAX_RESULTS; i++) {
        var doc = index.docs[results[i].doc];
        var item = element('li');
        var link = element('a', '', doc[1]);
        link.href = base + doc[0];
        item.appendChild(link);
        item.appendChild(document.createTextNode(' '));
        item.appendChild(element('span', 'search-kind', index.kinds[doc[2]] || ''));
        if (doc[3]) item.appendChild(element('span', 'search-snippet', doc[3]));
        list.appendChild(item);
      }
      list.hidden = false;
    }

    function remember(query) {
      if (!window.history || !window.history.replaceState) return;
      var url = window.location.pathname + (query ? '?q=' + encodeURIComponent(query).replace(/%20/g, '+') : '');
      window.history.replaceState(null, '', url);
    }

    function run(query) {
      if (index) { show(query); return; }
      pending = query;
      if (loading) return;
      loading = true;
      say('Загружается указатель для поиска…');
      var request = new XMLHttpRequest();
      request.open('GET', form.getAttribute('data-index'));
      request.onload = function () {
        var parsed = null;
        try { parsed = JSON.parse(request.responseText); } catch (e) { parsed = null; }
        if (request.status !== 200 || !parsed || parsed.version !== 1) { failed(); return; }
        index = parsed;
        show(pending);
      };
      request.onerror = failed;
      request.send();
    }

    function failed() {
      loading = false;
      say('Не удалось загрузить указатель для поиска. Найдите страницу в перечне всех страниц ниже.');
      if (note) note.hidden = false;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      remember(input.value);
      run(input.value);
    });
    input.addEventListener('input', function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () {
        remember(input.value);
        run(input.value);
      }, 200);
    });
    var query = queryParameter('q');
    if (query) {
      input.value = query;
      run(query);
    }
  }

  root.msokoSearch = { words: words, stem: stem, terms: terms, search: search };
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})(this);
