#!/usr/bin/env python3
"""PostgreSQL full-text peer: time the benchmark questions through psql's \\timing (the
round trip of one statement over the local TCP connection, as an application sees it):
top 10 by ts_rank, ts_headline for the page only. Prints key=value lines.

    pg_bench.py "psql -h 127.0.0.1 -p PORT -U postgres -d quorum" bench/queries.txt REPEAT [PER_QUERY_TSV]
"""
import re
import shlex
import subprocess
import sys


def percentile(values, p):
    v = sorted(values)
    if not v:
        return 0.0
    rank = p / 100.0 * (len(v) - 1)
    lo = int(rank)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (rank - lo)


def statement(tsq, where, order):
    parts = order.split(":")
    kind = parts[0]
    offset = int(parts[1]) if len(parts) > 1 else 0
    limit = int(parts[2]) if len(parts) > 2 else 10
    by_date = {"newest": "date DESC NULLS LAST", "oldest": "date ASC NULLS LAST"}
    if tsq == "-":
        w = "" if where == "-" else f" WHERE {where}"
        return (f"SELECT id, left(body, 200) FROM units{w} "
                f"ORDER BY {by_date.get(kind, 'date DESC NULLS LAST')} LIMIT {limit} OFFSET {offset};")
    cond = "" if where == "-" else f" AND ({where})"
    lit = tsq.replace("'", "''")
    sort = by_date.get(kind, "r DESC")
    return (f"SELECT id, ts_headline('english', body, q, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=1') "
            f"FROM (SELECT id, body, date, q, ts_rank(tsv, q) AS r FROM units, to_tsquery('english', '{lit}') q "
            f"WHERE tsv @@ q{cond} ORDER BY {sort} LIMIT {limit} OFFSET {offset}) t ORDER BY {sort};")


def main():
    psql, queries_file, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
    questions = []
    ids = []
    with open(queries_file, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            questions.append(statement(cols[4], cols[5], cols[6]))
            ids.append(cols[0])
    script = ["\\set ON_ERROR_STOP 0", "\\timing on", "\\o /dev/null"]
    script += questions  # warm-up round, discarded
    for _ in range(repeat):
        script += questions
    run = subprocess.run(shlex.split(psql) + ["-X", "-q"], input="\n".join(script) + "\n",
                         capture_output=True, text=True, check=False)
    times = [float(m.group(1)) for m in re.finditer(r"^Time: ([0-9.]+) ms", run.stdout, re.M)]
    errors = run.stderr.count("ERROR")
    if run.returncode != 0 or len(times) != len(questions) * (repeat + 1):
        sys.stderr.write(run.stderr[-2000:])
    measured = times[len(questions):]
    if len(sys.argv) > 4 and len(measured) == len(questions) * repeat:
        with open(sys.argv[4], "w", encoding="utf-8") as out:
            out.write("id\tp50_ms\tp99_ms\n")
            for i, q in enumerate(ids):
                mine = measured[i::len(questions)]
                out.write(f"{q}\t{percentile(mine, 50):.4f}\t{percentile(mine, 99):.4f}\n")
    print(f"questions={len(questions)}\nerrors={errors}\ncalls={len(measured)}")
    if measured:
        print(f"mean_ms={sum(measured) / len(measured):.4f}")
        for p in (50, 95, 99):
            print(f"p{p}_ms={percentile(measured, p):.4f}")
        print(f"max_ms={max(measured):.4f}")


if __name__ == "__main__":
    main()
