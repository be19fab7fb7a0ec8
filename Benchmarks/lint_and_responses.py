#!/usr/bin/env python3
"""Two command-level benchmarks, release build, peers in the same run:

1. `schemata lint` of the 3.3 MB FHIR schema (../shared/bench/validators/
   fhir-patient; override the folder with SCHEMATA_SHARED) beside
   Sourcemeta's `jsonschema lint` (PyPI sourcemeta-jsonschema, its native
   binary called directly). The rule sets differ (Sourcemeta: 103 rules,
   Schemata: its catalogue); both report every finding.
2. `schemata validate-response` throughput on a generated 100,000-line JSONL
   of chat.completion responses (valid, invalid, truncated, refusals).

Wall-clock medians of several runs, process start included."""
import glob, json, os, random, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.environ.get("SCHEMATA_SHARED") or os.path.join(root, "..", "shared")
schemata = os.path.join(root, ".build", "release", "schemata")
runs = int(os.environ.get("BENCH_RUNS", "5"))


def median_seconds(command, runs=runs):
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def lint_benchmark():
    schema = os.path.join(shared, "bench", "validators", "fhir-patient", "schema.json")
    if not os.path.exists(schema):
        print(f"skipping lint benchmark: {schema} is absent")
        return
    binaries = glob.glob(os.path.join(root, ".venv", "lib", "python*", "site-packages", "sourcemeta_jsonschema", "jsonschema-linux-*"))
    ours, result = median_seconds([schemata, "lint", schema])
    our_findings = max(0, result.stdout.decode().count("\n") - 1)
    print(f"lint FHIR ({os.path.getsize(schema) / 1e6:.1f} MB), median of {runs} runs")
    print(f"  schemata lint            {ours * 1000:8.0f} ms  {our_findings:6d} findings")
    if not binaries:
        print("  sourcemeta jsonschema lint: not installed (run scripts/setup-peers.sh)")
        return
    theirs, result = median_seconds([binaries[0], "lint", schema])
    their_findings = (result.stdout + result.stderr).decode().count(" at location ")
    print(f"  sourcemeta jsonschema lint {theirs * 1000:6.0f} ms  {their_findings:6d} findings")
    print(f"  ratio: schemata is {theirs / ours:.1f}x faster")


def responses_benchmark(lines=100_000):
    schema = os.path.join(root, "Schemas", "examples", "weather-schema.json")
    random.seed(7)
    cities = ["Oslo", "Cairo", "Lima", "Hanoi", "Quito", "Perth", "Accra", "Riga"]
    conditions = ["sunny", "cloudy", "rain", "snow", "fog", "storm"]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "responses.jsonl")
        with open(path, "w") as out:
            for index in range(lines):
                content = {
                    "city": random.choice(cities),
                    "temperature_c": random.randint(-30, 45),
                    "conditions": random.choice(conditions),
                    "humidity_percent": random.choice([None, random.randint(0, 100)]),
                    "observed_at": "2026-11-25T%02d:00:00Z" % (index % 24),
                }
                finish = "stop"
                text = json.dumps(content)
                kind = index % 20
                if kind == 0:
                    content["temperature_c"] = "warm"  # schema violation
                    text = json.dumps(content)
                elif kind == 1:
                    text = text[: len(text) // 2]
                    finish = "length"
                message = {"role": "assistant", "content": text}
                response = {
                    "id": f"chatcmpl-{index}", "object": "chat.completion", "created": 1764086400 + index,
                    "model": "meta/llama-4-scout",
                    "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                    "usage": {"prompt_tokens": 80, "completion_tokens": 30, "total_tokens": 110},
                }
                out.write(json.dumps(response) + "\n")
        size = os.path.getsize(path)
        seconds, result = median_seconds([schemata, "validate-response", "--schema", schema, path, "--json"], runs=3)
        reported = result.stdout.decode().count("\n")
        print(f"validate-response, {lines} JSONL responses ({size / 1e6:.1f} MB, 10% invalid or truncated), median of 3 runs")
        print(f"  {seconds * 1000:.0f} ms = {lines / seconds:,.0f} responses/s, {size / seconds / 1e6:.0f} MB/s ({reported} results)")


if __name__ == "__main__":
    if not os.path.exists(schemata):
        sys.exit("build first: swift build -c release --product schemata")
    lint_benchmark()
    print()
    responses_benchmark()
