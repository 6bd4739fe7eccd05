#!/usr/bin/env python3
"""Checks `kpitop report --format openmetrics` output with prometheus_client's strict
OpenMetrics parser (pip install prometheus_client).

    kpitop report --data DIR --format openmetrics | python3 Scripts/check_openmetrics.py

Prints one line per metric family and exits 0 when the exposition parses, 1 when it does not.
"""
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families


def main() -> int:
    text = sys.stdin.read()
    try:
        families = list(text_string_to_metric_families(text))
    except Exception as error:  # the parser raises ValueError and friends
        print(f"invalid OpenMetrics: {error}", file=sys.stderr)
        return 1
    for family in families:
        unit = f" [{family.unit}]" if family.unit else ""
        print(f"{family.name} {family.type}{unit}: {len(family.samples)} samples")
    print(f"ok: {len(families)} families, {sum(len(f.samples) for f in families)} samples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
