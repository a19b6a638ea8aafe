#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Helper of tests/bench/docs-vs-doxygen (standard library only).
#
#   docs-vs-doxygen.py compare XML_DIR API_MD SOURCE_DIR OUT_JSON [SAMPLES]
#       Reads Doxygen's XML output (index.xml and the compound files) for the
#       documented functions and structs/unions/classes, reads the symbols
#       REALM lists in its Markdown reference (api.md), and counts how many of
#       Doxygen's documented entities REALM lists as documented, by name and
#       path relative to SOURCE_DIR. Sorts the misses into categories by
#       looking at the source lines, prints a summary and writes OUT_JSON.
#
#   docs-vs-doxygen.py table TIMINGS_TSV COVERAGE_JSON...
#       Prints the Markdown tables of a run (timings: subtree, tool, run,
#       wall seconds, peak RSS KiB).
import json
import os
import re
import statistics
import sys
import xml.etree.ElementTree as ET

FUNCTION_KINDS = {"function", "prototype"}
TYPE_KINDS = {"struct", "union", "class", "typedef"}


def text_of(element):
    return "".join(element.itertext()).strip() if element is not None else ""


def documented(element):
    return bool(text_of(element.find("briefdescription")) or text_of(element.find("detaileddescription")))


def relative(path, root):
    path = os.path.normpath(path)
    root = os.path.normpath(root)
    return os.path.relpath(path, root) if os.path.isabs(path) else path


def doxygen_entities(xml_dir, root):
    """Doxygen's documented functions and compounds: dicts with kind, name, files, line."""
    index = ET.parse(os.path.join(xml_dir, "index.xml")).getroot()
    entities, seen = [], set()
    for compound in index.findall("compound"):
        kind = compound.get("kind")
        if kind not in ("file", "struct", "union", "class"):
            continue
        tree = ET.parse(os.path.join(xml_dir, compound.get("refid") + ".xml")).getroot()
        for cdef in tree.findall("compounddef"):
            if kind in ("struct", "union", "class") and documented(cdef):
                loc = cdef.find("location")
                if loc is None:
                    continue
                name = text_of(cdef.find("compoundname")).split("::")[-1]
                entities.append({"kind": kind, "name": name, "files": [relative(loc.get("file"), root)],
                                 "line": int(loc.get("line") or 0)})
            for mdef in cdef.iter("memberdef"):
                if mdef.get("kind") != "function" or mdef.get("id") in seen or not documented(mdef):
                    continue
                seen.add(mdef.get("id"))
                loc = mdef.find("location")
                if loc is None:
                    continue
                files = []
                for attr in ("file", "declfile", "bodyfile"):
                    if loc.get(attr) and relative(loc.get(attr), root) not in files:
                        files.append(relative(loc.get(attr), root))
                entities.append({"kind": "function", "name": text_of(mdef.find("name")), "files": files,
                                 "line": int(loc.get("line") or 0)})
    return entities


# The built-in template: a chapter per file, its symbols at level 3 and the
# members of types at level 4.
HEADING = re.compile(r"^####? (\w+) `(.+)`$")
LOCATION = re.compile(r"^\*Source:\* `(.+):(\d+)`$")
FILE_HEADING = re.compile(r"^## `(.+)`$")


def realm_symbols(api_md):
    """REALM's listed symbols: list of dicts kind, name, path, line, documented."""
    symbols, current, in_fence, files = [], None, False, set()
    with open(api_md, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("```"):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            m = HEADING.match(line)
            if m:
                current = {"kind": m.group(1), "name": m.group(2).split("::")[-1], "documented": True}
                continue
            m = FILE_HEADING.match(line)
            if m:
                files.add(m.group(1))
                continue
            if current is None:
                continue
            if line == "*Not documented.*":
                current["documented"] = False
            m = LOCATION.match(line)
            if m:
                current["path"], current["line"] = m.group(1), int(m.group(2))
                symbols.append(current)
                current = None
    return symbols, files


def source_lines(root, path, cache={}):
    if path not in cache:
        try:
            with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
                cache[path] = f.read().split("\n")
        except OSError:
            cache[path] = []
    return cache[path]


def doc_block_above(lines, index):
    """If lines[index] (0-based) ends a /** or /*! block, its first line's index, else None."""
    if index < 0 or not lines[index].strip().endswith("*/"):
        return None
    start = index
    while start >= 0 and "/*" not in lines[start]:
        start -= 1
    if start < 0:
        return None
    opener = lines[start].strip()
    return start if opener.startswith("/**") or opener.startswith("/*!") else -1


def why_undocumented(root, symbol):
    """Why REALM found no comment for a symbol it listed: (category, detail)."""
    lines = source_lines(root, symbol["path"])
    at = symbol["line"] - 1  # 0-based line of the name
    if not lines or at >= len(lines):
        return "source not readable", ""
    above = at - 1
    if above >= 0 and lines[above].strip() == "":
        k = above
        while k >= 0 and lines[k].strip() == "":
            k -= 1
        start = doc_block_above(lines, k)
        if start not in (None, -1):
            names_it = re.search(r"(^|[\s*])(struct |union )?" + re.escape(symbol["name"]) + r"\b", " ".join(lines[start:start + 2]))
            return ("blank line between the comment and the declaration"
                    + (" (the comment names the symbol)" if names_it else " (the comment is about something else)"),
                    lines[start].strip()[:60] + " … " + lines[start + 1].strip()[:60])
    if above >= 0 and doc_block_above(lines, above) == -1:
        return "plain /* */ comment directly above (Doxygen took a /** comment from elsewhere)", lines[above].strip()
    for k in range(above, max(above - 6, -1), -1):
        start = doc_block_above(lines, k)
        if start is not None and start >= 0:
            between = " / ".join(l.strip() for l in lines[k + 1:at + 1])
            if k + 1 < at and re.search(r"\b(SYSCALL_DEFINE|COMPAT_SYSCALL_DEFINE|BPF_CALL_|__bpf_kfunc)", between):
                return "macro-wrapped definition under the comment", between
            return "declaration starts above the name's line (return type / attributes on their own line)", between
        if start == -1 or lines[k].strip().endswith(";") or lines[k].strip().endswith("}"):
            break
    return "no /** comment directly above the name (Doxygen found it elsewhere)", lines[above].strip() if above >= 0 else ""


def artefact(name):
    """Doxygen reads some macro calls (LIST_HEAD(x);) and attributes as functions."""
    return bool(re.fullmatch(r"[A-Z0-9_]+", name)) or name.startswith("__attribute")


def why_not_listed(root, entity):
    name = entity["name"]
    lines = source_lines(root, entity["files"][0])
    line = lines[entity["line"] - 1].strip() if 0 < entity["line"] <= len(lines) else ""
    if re.search(r"\b[A-Z][A-Z0-9_]*\(", line) and not re.search(r"\b" + re.escape(name) + r"\s*\(", line):
        return "Doxygen artefact: a macro call or attribute taken for a function", line
    if re.match(r"\s*#\s*define\b", line):
        return "defined by a macro (#define)", line
    return "not extracted by ctags (name not in REALM's list for that file)", line


def compare(xml_dir, api_md, root, out_json, samples=5):
    entities = doxygen_entities(xml_dir, root)
    symbols, realm_files = realm_symbols(api_md)
    by_name = {}
    for s in symbols:
        by_name.setdefault(s["name"], []).append(s)
    result = {"doxygen": {}, "matched": {}, "matched_by_name": {}, "misses": {}, "realm_listed": len(symbols),
              "realm_documented": sum(1 for s in symbols if s["documented"])}
    miss_list = []
    for e in entities:
        group = "function" if e["kind"] == "function" else "struct/union/class"
        kinds = FUNCTION_KINDS if e["kind"] == "function" else TYPE_KINDS
        result["doxygen"][group] = result["doxygen"].get(group, 0) + 1
        candidates = [s for s in by_name.get(e["name"], []) if s["path"] in e["files"] and s["kind"] in kinds]
        if any(s["documented"] for s in candidates):
            result["matched"][group] = result["matched"].get(group, 0) + 1
            result["matched_by_name"][group] = result["matched_by_name"].get(group, 0) + 1
            continue
        elsewhere = [s for s in by_name.get(e["name"], []) if s["documented"] and s["kind"] in kinds]
        if elsewhere:
            result["matched_by_name"][group] = result["matched_by_name"].get(group, 0) + 1
        if artefact(e["name"]):
            category, detail, where = "Doxygen artefact: a macro call or attribute taken for a function", "", \
                "%s:%d" % (e["files"][0], e["line"])
        elif elsewhere:
            category = "REALM documents the same name in another file (Doxygen kept declaration and definition apart)"
            detail, where = "documented at %s:%d" % (elsewhere[0]["path"], elsewhere[0]["line"]), "%s:%d" % (e["files"][0], e["line"])
        elif candidates:
            # The most telling reason over all of REALM's symbols of that name in those files.
            reasons = sorted(((why_undocumented(root, c), c) for c in candidates),
                             key=lambda rc: (rc[0][0].startswith("no /**"), rc[1]["kind"] == "prototype", rc[1]["path"]))
            (category, detail), c = reasons[0]
            where = "%s:%d" % (c["path"], c["line"])
        elif not any(f in realm_files for f in e["files"]):
            category, detail, where = "file not in REALM's reference", "", "%s:%d" % (e["files"][0], e["line"])
        else:
            category, detail = why_not_listed(root, e)
            where = "%s:%d" % (e["files"][0], e["line"])
        miss_list.append({"group": group, "name": e["name"], "where": where, "category": category, "detail": detail})
    for m in miss_list:
        result["misses"].setdefault(m["category"], []).append(m)
    total = sum(result["doxygen"].values())
    matched = sum(result["matched"].values())
    result["total"], result["matched_total"] = total, matched
    result["coverage"] = matched / total if total else 0.0
    result["matched_by_name_total"] = sum(result["matched_by_name"].values())
    result["artefacts"] = sum(1 for m in miss_list if m["category"].startswith("Doxygen artefact"))
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print("Doxygen documents %d entities (%s); REALM lists %d of them as documented: %.1f %%"
          % (total, ", ".join("%d %s" % (v, k) for k, v in sorted(result["doxygen"].items())), matched,
             100.0 * result["coverage"]))
    for group in sorted(result["doxygen"]):
        print("  %-20s %5d of %5d" % (group, result["matched"].get(group, 0), result["doxygen"][group]))
    print("Matching by name alone (any file of the subtree): %d (%.1f %%); Doxygen artefacts among the misses: %d"
          % (result["matched_by_name_total"], 100.0 * result["matched_by_name_total"] / total if total else 0.0,
             result["artefacts"]))
    print("REALM lists %d symbols, %d with a comment." % (result["realm_listed"], result["realm_documented"]))
    for category, items in sorted(result["misses"].items(), key=lambda kv: -len(kv[1])):
        print("miss: %5d  %s" % (len(items), category))
        for m in items[:samples]:
            print("         %s %s (%s)%s" % (m["group"].split("/")[0], m["name"], m["where"],
                                            "  | " + m["detail"][:110] if m["detail"] else ""))


def parse_wall(text):
    parts = [float(p) for p in text.split(":")]
    seconds = 0.0
    for p in parts:
        seconds = seconds * 60 + p
    return seconds


def table(timings_tsv, coverage_files):
    runs = {}
    with open(timings_tsv, encoding="utf-8") as f:
        for line in f:
            subtree, tool, run, wall, rss = line.rstrip("\n").split("\t")
            runs.setdefault((subtree, tool), []).append((float(wall), int(rss)))
    coverage = {}
    for path in coverage_files:
        with open(path, encoding="utf-8") as f:
            coverage[os.path.basename(os.path.dirname(os.path.abspath(path)))] = json.load(f)
    subtrees = []
    for subtree, _ in runs:
        if subtree not in subtrees:
            subtrees.append(subtree)
    labels = {"realm-documented": "REALM `--documented-only`", "doxygen-documented": "Doxygen `EXTRACT_ALL = NO`",
              "realm-all": "REALM (every symbol)", "doxygen-all": "Doxygen `EXTRACT_ALL = YES`"}
    print("| subtree | tool (html) | wall (each run) | peak RSS (each run) |")
    print("|---|---|---|---|")
    for subtree in subtrees:
        for tool in labels:
            r = runs.get((subtree, tool), [])
            if r:
                print("| `%s` | %s | %s | %s |" % (subtree, labels[tool], " / ".join("%.2f s" % w for w, _ in r),
                                                  " / ".join("%.0f MiB" % (m / 1024) for _, m in r)))
    print()

    def ratio(subtree, setting):
        realm = [w for w, _ in runs.get((subtree, "realm-" + setting), [])]
        doxy = [w for w, _ in runs.get((subtree, "doxygen-" + setting), [])]
        return statistics.median(doxy) / statistics.median(realm) if realm and doxy else 0.0

    print("| subtree | speed-up, documented only (median wall, Doxygen ÷ REALM) | speed-up, every symbol | "
          "Doxygen's documented functions + structs | REALM lists them documented | coverage |")
    print("|---|---|---|---|---|---|")
    for subtree in subtrees:
        key = subtree.replace("/", "-")
        c = coverage.get(key, {})
        print("| `%s` | **%.1f×** | **%.1f×** | %s | %s | **%.1f %%** |" % (
            subtree, ratio(subtree, "documented"), ratio(subtree, "all"), c.get("total", "?"), c.get("matched_total", "?"),
            100.0 * c.get("coverage", 0.0)))


def main(argv):
    if len(argv) >= 6 and argv[1] == "compare":
        compare(argv[2], argv[3], argv[4], argv[5], int(argv[6]) if len(argv) > 6 else 5)
    elif len(argv) >= 3 and argv[1] == "table":
        table(argv[2], argv[3:])
    else:
        sys.stderr.write("usage: docs-vs-doxygen.py compare XML_DIR API_MD SOURCE_DIR OUT_JSON [SAMPLES]\n"
                         "       docs-vs-doxygen.py table TIMINGS_TSV COVERAGE_JSON...\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
