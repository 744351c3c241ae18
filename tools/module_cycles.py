#!/usr/bin/env python3
"""Import cycles between the files of one source folder, and functions over a length.

Usage: tools/module_cycles.py [FOLDER] [--max-lines N]
       (defaults: src/render, 120; run from the repository root)

Why a script and not a crate: the question is about our own layout rule (issue 16: "render/
as leaves under one router", "no function over 120 lines outside tests"), not about Rust in
general, and rustc has no switch that reports either. The script reads the text, so it is an
approximation, kept deliberately simple:

- a file is a node; `foo.rs` and `foo/mod.rs` are the module `foo`;
- an edge A -> B is any path in A that names B: `use super::…`, `use crate::<folder>::…`,
  inline `super::x::f(…)`, and a parent naming its child (`words::percent`), with `use`
  groups (`use super::{a, b::c}`) expanded;
- a path names the longest module it starts with, so `super::{OutputFile}` from a page is an
  edge to the folder's mod.rs (the router): a page that needs a type from the router closes
  a loop with it, which is exactly what the rule forbids;
- `#[cfg(test)]` items and `tests.rs` files are left out: tests may reach anywhere;
- function length is counted from the `fn` line to its closing brace, inclusive, with
  strings, characters and comments skipped while matching braces.

Exit status 1 when there is a cycle or a long function, so CI could run it.
"""

import os
import re
import sys


def strip_code(text):
    """Blank out comments, strings and char literals (keeping newlines and length)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(blank(text[i:j]))
            i = j
        elif (m := re.match(r'(?:b|c)?r(#*)"', text[i:i + 260])) and not prev_ident(text, i):
            end = '"' + m.group(1)
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append(blank(text[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append(blank(text[i:j]))
            i = j
        elif c == "'":
            m = re.match(r"'(\\(x..|u\{[0-9a-fA-F]+\}|.)|[^\\'])'", text[i:i + 12], re.S)
            if m:
                out.append(blank(m.group(0)))
                i += m.end()
            else:  # a lifetime
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def prev_ident(text, i):
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")


def blank(s):
    return "".join("\n" if ch == "\n" else " " for ch in s)


def matching_brace(code, open_at):
    depth = 0
    for j in range(open_at, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code) - 1


def drop_tests(code):
    """Blank every item marked #[cfg(test)] (a module, a function, a use)."""
    while True:
        m = re.search(r"#\[cfg\(test\)\]", code)
        if not m:
            return code
        j = m.end()
        # The item ends at its block's closing brace or at a `;` before any brace.
        brace = code.find("{", j)
        semi = code.find(";", j)
        if semi >= 0 and (brace < 0 or semi < brace):
            end = semi
        else:
            end = matching_brace(code, brace)
        code = code[:m.start()] + blank(code[m.start():end + 1]) + code[end + 1:]


def module_of(path, root):
    rel = os.path.relpath(path, root)[:-3].split(os.sep)
    if rel[-1] == "mod":
        rel = rel[:-1]
    return tuple(rel)


def expand_use(tree):
    """`a::{b, c::{d, self}}` -> [a::b, a::c::d, a::c]."""
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix, s):
        parts, depth, cur = [], 0, ""
        for ch in s:
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
                continue
            depth += ch == "{"
            depth -= ch == "}"
            cur += ch
        parts.append(cur)
        for p in filter(None, parts):
            if "{" in p:
                head, rest = p.split("{", 1)
                walk(prefix + [x for x in head.split("::") if x], rest[:-1])
            else:
                segs = [x for x in re.sub(r"\bas\b.*", "", p).split("::") if x]
                segs = [x for x in segs if x != "self"]
                out.append(prefix + segs)

    walk([], tree)
    return out


def resolve(segs, here, folder, modules):
    """Absolute module path (tuple) a relative `segs` names, or None if outside."""
    if not segs:
        return None
    # `foo.rs` and `foo/mod.rs` are the same module, so `self`/`super` do not depend on
    # which of the two the file is.
    base, i = list(here), 0
    if segs[0] == "crate":
        if segs[1:2] != [folder]:
            return None
        base, i = [folder], 2
    elif segs[0] == "self":
        i = 1
    elif segs[0] == "super":
        base = list(here[:-1])
        i = 1
        while i < len(segs) and segs[i] == "super":
            base = base[:-1]
            i += 1
    else:
        # A plain first segment names a child of this module only.
        if tuple(list(here) + [segs[0]]) not in modules:
            return None
    full = base + segs[i:]
    for k in range(len(full), 0, -1):
        if tuple(full[:k]) in modules:
            return tuple(full[:k])
    return None


def edges_of(code, here, folder, modules):
    found = set()
    for m in re.finditer(r"\buse\s+([^;]*);", code):
        for segs in expand_use(m.group(1)):
            found.add(resolve(segs, here, folder, modules))
    no_use = re.sub(r"\buse\s+[^;]*;", "", code)
    for m in re.finditer(r"(?<![\w:])((?:crate|super|self|[a-z_]\w*)(?:::\w+)+)", no_use):
        found.add(resolve(m.group(1).split("::"), here, folder, modules))
    found.discard(None)
    found.discard(here)
    return found


def long_functions(code, limit):
    out = []
    pat = r"^[ \t]*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+(\w+)"
    for m in re.finditer(pat, code, re.M):
        brace, semi = code.find("{", m.end()), code.find(";", m.end())
        if brace < 0 or (0 <= semi < brace and "(" not in code[m.end():semi].split(")")[-1]):
            if semi >= 0 and (brace < 0 or semi < brace):
                continue  # a trait method without a body
        end = matching_brace(code, brace)
        first = code.count("\n", 0, m.start()) + 1
        last = code.count("\n", 0, end) + 1
        if last - first + 1 > limit:
            out.append((last - first + 1, m.group(1), first))
    return out


def tarjan(graph):
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [c for c in sccs if len(c) > 1]


def main(argv):
    folder_path, limit = "src/render", 120
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--max-lines":
            limit = int(args.pop(0))
        else:
            folder_path = a
    root = os.path.dirname(folder_path.rstrip("/"))
    folder = os.path.basename(folder_path.rstrip("/"))
    files = {}
    for dirpath, _, names in os.walk(folder_path):
        for name in names:
            if name.endswith(".rs") and name != "tests.rs":
                path = os.path.join(dirpath, name)
                files[module_of(path, root)] = path
    modules = set(files)
    graph, long_fns = {}, []
    for mod, path in sorted(files.items()):
        with open(path, encoding="utf-8") as f:
            code = drop_tests(strip_code(f.read()))
        graph[mod] = edges_of(code, mod, folder, modules)
        long_fns += [(n, name, path, line) for n, name, line in long_functions(code, limit)]
    cycles = tarjan(graph)
    name = "::".join
    print(f"{len(files)} files, {sum(len(e) for e in graph.values())} edges in {folder_path}")
    print(f"import cycles (strongly connected components): {len(cycles)}")
    for comp in cycles:
        print(f"  {len(comp)} files: " + ", ".join(name(c) for c in comp))
        members = set(comp)
        for v in comp:
            inner = sorted(name(w) for w in graph[v] if w in members)
            print(f"    {name(v)} -> {', '.join(inner)}")
    print(f"functions over {limit} lines (tests excluded): {len(long_fns)}")
    for n, fn, path, line in sorted(long_fns, reverse=True):
        print(f"  {n:4} {fn}  {path}:{line}")
    return 1 if cycles or long_fns else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
