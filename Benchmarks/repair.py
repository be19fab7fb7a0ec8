#!/usr/bin/env python3
"""Repair benchmark: `schemata repair` beside PyPI json-repair (installed into
.venv by scripts/setup-peers.sh), same run.

1. The shared corpus (../shared/repair-cases/cases.jsonl, or under
   SCHEMATA_SHARED): how many cases each gets right.
2. Damaged documents of 1, 2 and 5 MB, generated here (seeded): unquoted
   keys, single quotes, Python literals, comments, trailing and missing
   commas, and a truncated end (inside a string, where both tools agree on
   the repair). Both are timed in process: Schemata's JSONRepairer through
   `schemata-bench --repair FILE` (best of 5), json_repair's
   `repair_json(text, return_objects=True)` (best of 3); the whole
   `schemata repair FILE` process (start-up and output included) is shown
   too. The two results are compared value for value."""
import json, os, random, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.environ.get("SCHEMATA_SHARED") or os.path.join(root, "..", "shared")
schemata = os.path.join(root, ".build", "release", "schemata")
bench = os.path.join(root, ".build", "release", "schemata-bench")

try:
    import json_repair
except ImportError:
    json_repair = None
    print("note: json-repair is not installed (run scripts/setup-peers.sh); its column is empty")


def corpus():
    path = os.path.join(shared, "repair-cases", "cases.jsonl")
    if not os.path.exists(path):
        print(f"skipping the corpus: {path} is absent")
        return
    cases = [json.loads(line) for line in open(path, encoding="utf-8")]
    ours = theirs = 0
    for case in cases:
        stable = case.get("options", {}).get("stream_stable", False)
        run = subprocess.run([schemata, "repair", "--json", "-"] + (["--stream-stable"] if stable else []), input=case["input"].encode(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        report = json.loads(run.stdout) if run.stdout else {"found": False}
        if case["no_json"]:
            ours += not report.get("found")
        else:
            ours += report.get("found") and report.get("value") == case["expected"]
        if json_repair:
            try:
                value = json_repair.repair_json(case["input"], return_objects=True, stream_stable=stable)
            except Exception:
                value = None
            theirs += (value in ("", None)) if case["no_json"] else (value == case["expected"])
    print(f"corpus ({len(cases)} cases, options such as stream_stable passed to both): schemata {ours} as expected "
          f"(the others follow the conventions listed in the README), json_repair {theirs if json_repair else '-'}")


def damaged_document(size, seed):
    rng = random.Random(seed)
    words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "lambda"]
    parts = ["Here is the data you asked for:\n```json\n{\n  \"records\": ["]
    length = len(parts[0])
    index = 0
    while length < size:
        name = f"{rng.choice(words)} {rng.choice(words)}"
        key = (lambda k: k if rng.random() < 0.3 else f'"{k}"')
        value_name = f"'{name}'" if rng.random() < 0.2 else f'"{name}"'
        flag = rng.choice(["True", "False", "true", "None", "null"])
        comma = "," if rng.random() < 0.9 else ""
        comment = " // checked" if rng.random() < 0.1 else ""
        trailing = "," if rng.random() < 0.2 else ""
        record = (f'\n    {{{key("id")}: {index}, {key("name")}: {value_name}{comma} {key("active")}: {flag},{comment}\n'
                  f'     {key("score")}: {rng.randint(0, 10**6) / 100}, {key("tags")}: ["{rng.choice(words)}", "{rng.choice(words)}"{trailing}]{trailing}}}{"," if rng.random() < 0.95 else ""}')
        parts.append(record)
        length += len(record)
        index += 1
    # Cut off inside a string, as at a token limit.
    parts.append('\n    {"id": %d, "name": "trunc' % index)
    return "".join(parts)


def best(function, runs=3):
    result, times = None, []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def documents():
    print("damaged documents (best of 3):")
    print("| size | Schemata ms | Schemata MB/s | `schemata repair` process ms | json_repair ms | json_repair MB/s | Schemata vs json_repair | same value |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in (1, 2, 5):
            text = damaged_document(megabytes * 1_000_000, seed=megabytes)
            path = os.path.join(folder, f"damaged-{megabytes}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            size = len(text.encode())
            process, run = best(lambda: subprocess.run([schemata, "repair", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL))
            our_value = json.loads(run.stdout)
            line = subprocess.run([bench, "--repair", path], stdout=subprocess.PIPE, check=True).stdout.decode().split()
            ours = float(line[1]) / 1000
            if json_repair:
                theirs, their_value = best(lambda: json_repair.repair_json(text, return_objects=True))
                same = "yes" if their_value == our_value else "no"
                print(f"| {size / 1e6:.1f} MB | {ours * 1000:.0f} | {size / ours / 1e6:.0f} | {process * 1000:.0f} | {theirs * 1000:.0f} | {size / theirs / 1e6:.2f} | {theirs / ours:.0f}× | {same} |")
            else:
                print(f"| {size / 1e6:.1f} MB | {ours * 1000:.0f} | {size / ours / 1e6:.0f} | {process * 1000:.0f} | - | - | - | - |")


if __name__ == "__main__":
    if not (os.path.exists(schemata) and os.path.exists(bench)):
        sys.exit("build first: swift build -c release --product schemata && swift build -c release --product schemata-bench")
    corpus()
    print()
    documents()
