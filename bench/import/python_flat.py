#!/usr/bin/env python3
"""Baseline for the import benchmark: Python's csv module reads FILE and
sqlite3's executemany inserts every row into a flat table `flat` with one TEXT
column per header cell, in batches of 10,000 rows inside one transaction.

    python3 bench/import/python_flat.py FILE DB

Prints the number of rows inserted.
"""
import csv
import sqlite3
import sys

BATCH = 10_000


def main():
    path, db = sys.argv[1], sys.argv[2]
    conn = sqlite3.connect(db, isolation_level=None)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        width = len(header)
        columns = ", ".join('"%s" TEXT' % h.replace('"', '""') for h in header)
        conn.execute("CREATE TABLE flat (%s)" % columns)
        insert = "INSERT INTO flat VALUES (%s)" % ", ".join("?" * width)
        conn.execute("BEGIN")
        rows = 0
        batch = []
        for row in reader:
            if len(row) != width:  # pad or cut a short/long row to the header
                row = (row + [""] * width)[:width]
            batch.append(row)
            if len(batch) == BATCH:
                conn.executemany(insert, batch)
                rows += len(batch)
                batch = []
        if batch:
            conn.executemany(insert, batch)
            rows += len(batch)
        conn.execute("COMMIT")
    conn.close()
    print(rows)


if __name__ == "__main__":
    main()
