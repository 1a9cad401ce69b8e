#!/usr/bin/env python3
"""SQLite FTS5 peer: time the benchmark questions in process (Python's sqlite3 module,
the same libsqlite3 as the sqlite3 CLI), top 10 with bm25 rank and snippet(), as a user
of FTS5 would write them. Prints key=value lines like quorum-query-bench.

    sqlite_bench.py DB bench/queries.txt REPEAT [PER_QUERY_TSV]
"""
import sqlite3
import sys
import time


def percentile(values, p):
    v = sorted(values)
    if not v:
        return 0.0
    rank = p / 100.0 * (len(v) - 1)
    lo = int(rank)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (rank - lo)


def order_parts(order):
    parts = order.split(":")
    kind = parts[0]
    offset = int(parts[1]) if len(parts) > 1 else 0
    limit = int(parts[2]) if len(parts) > 2 else 10
    return kind, offset, limit


def statement(fts, where, order):
    kind, offset, limit = order_parts(order)
    cond = "" if where == "-" else f" AND ({where})"
    by_date = {"newest": "u.date DESC", "oldest": "u.date ASC"}
    if fts == "-":
        sql_where = "" if where == "-" else f" WHERE {where}"
        sort = by_date.get(kind, "u.date DESC")
        return (f"SELECT u.id, substr(u.body, 1, 200) FROM units u{sql_where} "
                f"ORDER BY {sort} LIMIT {limit} OFFSET {offset}"), ()
    sort = by_date.get(kind, "units_fts.rank")
    # Rank first, then snippets for the page only, as an FTS5 user would.
    return (f"WITH top AS (SELECT units_fts.rowid AS r, units_fts.rank AS s, u.date AS d "
            f"FROM units_fts JOIN units u ON u.rowid = units_fts.rowid "
            f"WHERE units_fts MATCH ?{cond} ORDER BY {sort} LIMIT {limit} OFFSET {offset}) "
            f"SELECT u.id, snippet(units_fts, 0, '<mark>', '</mark>', '...', 12) "
            f"FROM units_fts JOIN top ON units_fts.rowid = top.r JOIN units u ON u.rowid = top.r "
            f"WHERE units_fts MATCH ? ORDER BY top.s"), (fts, fts)


def main():
    db, queries_file, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
    questions = []
    ids = []
    with open(queries_file, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            questions.append(statement(cols[3], cols[5], cols[6]))
            ids.append(cols[0])
    con = sqlite3.connect(db)
    errors = 0
    empty = 0
    rows = []
    for sql, args in questions:  # warm the page cache, count questions without rows
        rows.append(0)
        try:
            rows[-1] = len(con.execute(sql, args).fetchall())
            if not rows[-1]:
                empty += 1
        except sqlite3.Error as e:
            errors += 1
            print(f"sqlite_bench: {e}: {sql} {args}", file=sys.stderr)
    times = []
    per = [[] for _ in questions]
    start = time.perf_counter()
    for _ in range(repeat):
        for i, (sql, args) in enumerate(questions):
            t0 = time.perf_counter()
            try:
                con.execute(sql, args).fetchall()
            except sqlite3.Error:
                pass
            per[i].append((time.perf_counter() - t0) * 1000.0)
            times.append(per[i][-1])
    seconds = time.perf_counter() - start
    if len(sys.argv) > 4:
        with open(sys.argv[4], "w", encoding="utf-8") as out:
            out.write("id\tp50_ms\tp99_ms\trows\n")
            for i, q in enumerate(ids):
                out.write(f"{q}\t{percentile(per[i], 50):.4f}\t{percentile(per[i], 99):.4f}\t{rows[i]}\n")
    print(f"questions={len(questions)}\nquestions_without_hits={empty}\nerrors={errors}")
    print(f"calls={len(times)}\nqps_one_thread={len(times) / seconds:.1f}")
    print(f"mean_ms={sum(times) / len(times):.4f}")
    for p in (50, 95, 99):
        print(f"p{p}_ms={percentile(times, p):.4f}")
    print(f"max_ms={max(times):.4f}")


if __name__ == "__main__":
    main()
