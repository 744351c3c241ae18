// Loads the theme's search.js (a browser script) into node: it exposes
// `msokoSearch` on its global object when there is no document.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

export function loadSearch(path) {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(path, 'utf8'), context, { filename: path });
  return context.msokoSearch;
}
