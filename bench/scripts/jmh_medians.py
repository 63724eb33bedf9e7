#!/usr/bin/env python3
"""Prints medians from JMH JSON results (java -jar bench/target/tickforge-bench.jar ... -rf json -rff FILE).

SampleTime results: the p50/p90/p99 JMH computed over every sampled call. Throughput results: the median of the
per-iteration scores (ops/s) and, when the benchmark has the auxiliary counter "values", of values/s. Medians, not
JMH's means, because the machines are shared and a burst of load drags a mean down.

Usage: python3 bench/scripts/jmh_medians.py FILE.json [FILE.json ...]
"""
import json
import statistics
import sys


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            results = json.load(f)
        for r in results:
            name = r["benchmark"].rsplit(".", 2)
            label = f"{name[1]}.{name[2]}"
            params = " ".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items()))
            metric = r["primaryMetric"]
            if r["mode"] == "sample":
                p = metric["scorePercentiles"]
                unit = metric["scoreUnit"]
                print(f"{label:48s} {params:24s} p50 {p['50.0']:10.3f}  p90 {p['90.0']:10.3f}  "
                      f"p99 {p['99.0']:10.3f} {unit}")
            else:
                ops = [x for it in metric["rawData"] for x in it]
                line = f"{label:48s} {params:24s} median {statistics.median(ops):12.1f} {metric['scoreUnit']}"
                values = r.get("secondaryMetrics", {}).get("values")
                if values:
                    v = [x for it in values["rawData"] for x in it]
                    line += f"  values/s median {statistics.median(v):12.0f} (min {min(v):.0f}, max {max(v):.0f})"
                print(line)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
