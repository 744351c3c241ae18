// Remembers the settings of the version for the visually impaired between pages.
// The settings work without this script (CSS :has on the radio buttons); the script
// only restores the saved choice and mirrors it as classes on <html> for browsers
// without :has.
(function () {
  'use strict';
  var KEY = 'msoko-a11y';
  var NAMES = ['size', 'font', 'scheme', 'images', 'letters', 'lines'];
  var root = document.documentElement;
  var saved = {};
  try { saved = JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { saved = {}; }

  function apply(settings) {
    NAMES.forEach(function (name) {
      var value = settings[name];
      root.className = root.className.replace(new RegExp('\\ba11y-' + name + '-\\S+', 'g'), '').trim();
      if (value) { root.classList.add('a11y-' + name + '-' + value); }
    });
  }

  NAMES.forEach(function (name) {
    var value = saved[name];
    if (!value) { return; }
    var input = document.getElementById('a11y-' + name + '-' + value);
    if (input) { input.checked = true; }
  });
  apply(saved);

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.name || input.name.indexOf('a11y-') !== 0) { return; }
    saved[input.name.slice(5)] = input.value;
    try { window.localStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { /* private mode */ }
    apply(saved);
  });
}());
