#!/usr/bin/env python3
"""Real-world sweep: run `workshop validate` over KEDA and Karpenter manifests taken from upstream docs and
examples, and compare each document's outcome with a hand-made verdict (verdicts.tsv beside this script).

Steps, all in one run:
  1. checkout  - a work tree per source (git archive of a pinned ref from a bare mirror), unless a checkout
                 is given with --checkout NAME=DIR;
  2. extract   - every KEDA/Karpenter document of the sources' markdown ```yaml blocks and YAML files,
                 one document per corpus file; fragments and templated documents are counted as skipped;
  3. validate  - `java -jar JAR validate [--provider=azure|aws] CORPUS/<group>`: one JVM for each of the three
                 folders (keda, azure, aws), since an excerpt of a karpenter.sh NodePool without nodeClassRef
                 names no provider, while its source does;
  4. compare   - results.tsv beside the corpus, then documents / rejected / false alarms / misses.

Nothing fetched or extracted goes to git: the corpus, checkouts and results live under --work.
"""
import argparse
import collections
import csv
import os
import re
import shutil
import subprocess
import sys
import tarfile
import io

HERE = os.path.dirname(os.path.abspath(__file__))

# name, mirror folder under --mirrors, pinned ref, paths inside the repository, provider for karpenter.sh kinds
Source = collections.namedtuple("Source", "name mirror ref paths provider")
SOURCES = [
    Source("keda-docs", "kedacore+keda-docs", "a55c5d345e2cbd9923ab4936f1cabc2a17e9abac",
           ["content/docs/2.20"], None),
    Source("keda-samples", "kedacore+samples", "9db5a444ce092f8fd25e8cb63781084e93ab9c34", ["."], None),
    Source("sample-dotnet-servicebus", "kedacore+sample-dotnet-worker-servicebus-queue",
           "32347a91bfbd0ca30c9b337dec669502ef019e99", ["."], None),
    Source("sample-go-rabbitmq", "kedacore+sample-go-rabbitmq", "ce5dcd6a1a8050847bd0f136b15bb68a5aadcfd8",
           ["."], None),
    Source("sample-go-gcppubsub", "kedacore+sample-go-gcppubsub", "2fa93ed7be934aad0a1d8ed19cac628388a18cb9",
           ["manifests", "Readme.md"], None),
    Source("karpenter-azure", "Azure+karpenter-provider-azure", "v1.14.2",
           ["README.md", "examples", "docs", "designs"], "azure"),
    Source("karpenter-aws", "aws+karpenter-provider-aws", "v1.14.1",
           ["examples", "website/content/en/docs"], "aws"),
    Source("karpenter-core", "kubernetes-sigs+karpenter", "v1.14.1",
           ["README.md", "kwok/README.md", "test/README.md", "test/pkg/environment/common"], "azure"),
]

KINDS_OF_INTEREST = re.compile(r"^(keda\.sh|eventing\.keda\.sh|karpenter\.sh|karpenter\.azure\.com|"
                               r"karpenter\.k8s\.aws)/")
SKIPPED_FOLDERS = {"vendor", ".github", "node_modules", "charts", "hack"}
FENCE = re.compile(r"^(\s*)(```|~~~)\s*([A-Za-z]*)")
TOP_FIELD = re.compile(r"^(apiVersion|kind):\s*['\"]?([^'\"\s#]+)")


def checkout(source, mirrors, into):
    """A work tree of the source's pinned paths, from its bare mirror."""
    target = os.path.join(into, f"{source.name}@{source.ref[:12]}")
    if os.path.isdir(target):  # made by an earlier run from the same ref
        return target
    git_dir = os.path.join(mirrors, source.mirror, "repo")
    run = subprocess.run(["git", "--git-dir", git_dir, "archive", "--format=tar", source.ref, *source.paths],
                         capture_output=True)
    if run.returncode != 0:
        sys.exit(f"{source.name}: git archive failed: {run.stderr.decode(errors='replace').strip()}")
    archive = run.stdout
    os.makedirs(target)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def yaml_texts(path):
    """The text of every YAML piece of a file: the file itself, or each yaml fence of a markdown page."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    if not path.endswith(".md"):
        yield "\n".join(lines)
        return
    block, indent, fence, lang = None, "", "", ""
    for line in lines:
        if block is None:
            m = FENCE.match(line)
            if m:  # every fence opens a block, so that a shell block's closing fence is not taken for an opening
                block, indent, fence, lang = [], m.group(1), m.group(2), m.group(3).lower()
        elif line.strip().startswith(fence) and line.strip().strip("`~") == "":
            text = "\n".join(block)
            if lang in ("yaml", "yml") or (lang == "" and "apiVersion:" in text):
                yield text
            block = None
        else:
            block.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
    # an unclosed fence is not a manifest a reader could copy: ignored


def documents(text):
    """The text of each YAML document, split where kubectl splits ('---' lines)."""
    doc = []
    for line in text.split("\n"):
        if re.match(r"^---\s*(#.*)?$", line):
            yield "\n".join(doc)
            doc = []
        else:
            doc.append(line)
    yield "\n".join(doc)


def why_skipped(doc):
    """None for a document to validate, else the reason it is not one."""
    top = dict(m.groups() for m in map(TOP_FIELD.match, doc.split("\n")) if m)
    if not doc.strip() or all(not l.strip() or l.lstrip().startswith("#") for l in doc.split("\n")):
        return "empty"
    if "apiVersion" not in top or "kind" not in top:
        return "fragment: no apiVersion/kind"
    if not KINDS_OF_INTEREST.match(top["apiVersion"]):
        return "other kind"
    if "{{" in doc:
        return "templated: {{ }}"
    if re.search(r"\$\{?[A-Z_][A-Z0-9_]*\}?", doc):
        return "templated: $VAR"
    if re.search(r"^\s*(- )?<[^>]+>\s*:", doc, re.M):
        return "templated: <placeholder> key"
    if re.search(r"^\s*(\.\.\.|…)\s*$", doc, re.M):
        return "elided: ... line"
    return None


def extract(checkouts, corpus):
    """Writes the corpus (one document per file); returns {corpus file: document id} and the skipped ids."""
    shutil.rmtree(corpus, ignore_errors=True)
    index, skipped = {}, []
    for source in SOURCES:
        root = checkouts[source.name]
        group = source.provider or "keda"
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS)
            for name in sorted(files):
                if not name.endswith((".md", ".yaml", ".yml")):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)
                n = 0
                for text in yaml_texts(path):
                    for doc in documents(text):
                        reason = why_skipped(doc)
                        if reason == "empty":
                            continue
                        n += 1
                        doc_id = f"{source.name}/{rel}#{n}"
                        if reason is not None:
                            skipped.append((doc_id, reason))
                            continue
                        out = os.path.join(corpus, group, source.name, rel.replace("/", "__") + f"-{n}.yaml")
                        os.makedirs(os.path.dirname(out), exist_ok=True)
                        with open(out, "w", encoding="utf-8") as f:
                            f.write(doc.strip("\n") + "\n")
                        index[os.path.abspath(out)] = doc_id
    return index, skipped


LINE = re.compile(r"^(?P<file>\S+?):(?P<doc>-?\d+)(?: \(line \d+\))?(?: items\[\d+\])? (?P<what>(?:<no kind>|[^\s:/]+)/(?:<no name>|[^\s:]+))"
                  r"(?P<rest>.*)$")
# a document that could not be read has no kind/name, only where it stops: "FILE:DOC line L, column C: MESSAGE"
UNREADABLE = re.compile(r"^(?P<file>\S+?):(?P<doc>-?\d+) (?P<what>line \d+(?:, column \d+)?)(?P<rest>: .*)$")


def validate(jar, corpus, index):
    """{id: {"kind", "errors": [...], "warnings": [...]}}, read from the validator's one line per violation."""
    results = {doc_id: {"errors": [], "warnings": [], "kind": ""} for doc_id in index.values()}
    for group in sorted(os.listdir(corpus)):
        cmd = ["java", "-jar", jar, "validate"]
        if group in ("azure", "aws"):
            cmd.append("--provider=" + group)
        run = subprocess.run(cmd + [os.path.join(corpus, group)], capture_output=True, text=True)
        # exit 1 means "some document rejected"; without the closing count line the JVM itself failed
        if run.returncode not in (0, 1) or not re.search(r"^\d+ document\(s\)", run.stdout, re.M):
            sys.exit(f"validate failed ({run.returncode}): {run.stderr.strip()[:2000]}")
        for line in run.stdout.splitlines():
            m = LINE.match(line) or UNREADABLE.match(line)
            if not m or os.path.abspath(m.group("file")) not in index:
                continue  # the summary line
            doc_id = index[os.path.abspath(m.group("file"))]
            # documents are numbered from 1 (0 before the CLI counted like kubectl); -1/0 mark a file-level problem
            if m.group("doc") not in ("0", "1", "-1"):  # the validator saw more documents than the split did
                doc_id += f" (part {m.group('doc')})"
                results.setdefault(doc_id, {"errors": [], "warnings": [], "kind": ""})
            result = results[doc_id]
            result["kind"] = m.group("what")
            rest = m.group("rest")
            if rest.startswith(": "):
                path, message = "", rest[2:]
            else:
                path, _, message = rest.strip().partition(": ")
            if message.startswith("warning: "):
                result["warnings"].append((path + ": " if path else "") + message[len("warning: "):])
            elif not (message.startswith("ok (") or message.startswith("not checked")):
                result["errors"].append((path + ": " if path else "") + message)
    return results


def read_verdicts(path):
    verdicts = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            doc_id, expected, cause, reason, must_name, bad_warning = (row + [""] * 5)[:6]
            verdicts[doc_id] = (expected, cause, reason, must_name, bad_warning)
    return verdicts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jar", default=os.path.join(HERE, "..", "..", "samples", "target", "workshop.jar"))
    parser.add_argument("--work", default="/work/sweep", help="corpus, checkouts and results (outside git)")
    parser.add_argument("--mirrors", default="/work/.mirror", help="bare git mirrors, owner+name/repo")
    parser.add_argument("--checkout", action="append", default=[], metavar="NAME=DIR",
                        help="use an existing work tree for a source instead of its mirror")
    parser.add_argument("--verdicts", default=os.path.join(HERE, "verdicts.tsv"))
    args = parser.parse_args()

    given = dict(c.split("=", 1) for c in args.checkout)
    checkouts = {s.name: given.get(s.name) or checkout(s, args.mirrors, os.path.join(args.work, "src"))
                 for s in SOURCES}
    corpus = os.path.join(args.work, "corpus")
    index, skipped = extract(checkouts, corpus)
    results = validate(os.path.abspath(args.jar), corpus, index)
    verdicts = read_verdicts(args.verdicts) if os.path.exists(args.verdicts) else {}

    with open(os.path.join(args.work, "results.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tkind\toutcome\texpected\tcause\terrors\twarnings\n")
        for doc_id in sorted(results):
            r = results[doc_id]
            expected, cause = verdicts.get(doc_id, ("?", ""))[:2]
            f.write("\t".join([doc_id, r["kind"], "reject" if r["errors"] else "accept", expected, cause,
                               " | ".join(r["errors"]), " | ".join(r["warnings"])]).replace("\n", " ") + "\n")
    with open(os.path.join(args.work, "skipped.tsv"), "w", encoding="utf-8") as f:
        f.writelines(f"{doc_id}\t{reason}\n" for doc_id, reason in skipped)

    per_source = collections.Counter(doc_id.split("/", 1)[0] for doc_id in results)
    rejected = sorted(d for d, r in results.items() if r["errors"])
    false_alarms = [d for d in rejected if verdicts.get(d, ("?",))[0] == "accept"]
    misses = [d for d, r in sorted(results.items()) if not r["errors"] and verdicts.get(d, ("?",))[0] == "reject"]
    # a true rejection whose verdict names the place at fault must name it too, or it is right by chance
    wrong_reason = [d for d in rejected if verdicts.get(d, ("?",))[0] == "reject" and verdicts[d][3]
                    and not any(name in e for name in verdicts[d][3].split("|") for e in results[d]["errors"])]
    wrong_warnings = [d for d, r in sorted(results.items()) if d in verdicts and verdicts[d][4]
                      and any(verdicts[d][4] in w for w in r["warnings"])]
    unclassified = [d for d in sorted(results) if d not in verdicts]
    stale = [d for d in sorted(verdicts) if d not in results]
    warned = [d for d, r in results.items() if r["warnings"]]

    print("documents per source: " + ", ".join(f"{s.name} {per_source[s.name]}" for s in SOURCES))
    skip_reasons = collections.Counter(r for _, r in skipped if r != "other kind")
    print("skipped (not validated): " + ", ".join(f"{r} {n}" for r, n in sorted(skip_reasons.items())))
    print(f"documents: {len(results)}")
    print(f"rejected: {len(rejected)}")
    print(f"with warnings: {len(warned)}")
    print(f"false alarms (rejected, expected accept): {len(false_alarms)}")
    for d in false_alarms:
        print(f"  {d}  [{verdicts[d][1]}]  {results[d]['errors'][0][:160]}")
    print(f"misses (accepted, expected reject): {len(misses)}")
    for d in misses:
        print(f"  {d}  [{verdicts[d][1]}]  {verdicts[d][2]}")
    print(f"rejected for another reason than the expected one: {len(wrong_reason)}")
    for d in wrong_reason:
        print(f"  {d}  [{verdicts[d][1]}] expected {verdicts[d][3]!r}, got: {results[d]['errors'][0][:120]}")
    print(f"warnings that should not be given: {len(wrong_warnings)}")
    for d in wrong_warnings:
        print(f"  {d}  {next(w for w in results[d]['warnings'] if verdicts[d][4] in w)}")
    if unclassified:
        print(f"unclassified (no verdict): {len(unclassified)}")
        for d in unclassified:
            print(f"  {d}  {'reject' if results[d]['errors'] else 'accept'}")
    if stale:
        print(f"verdicts for documents no longer found: {len(stale)}")
        for d in stale:
            print(f"  {d}")
    print(f"results: {os.path.join(args.work, 'results.tsv')}")
    return 1 if false_alarms or misses else 0


if __name__ == "__main__":
    sys.exit(main())
