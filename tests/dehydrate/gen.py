#!/usr/bin/env python3
"""tests/dehydrate/gen.py TODAY OUTDIR - the rows of the insurance platform.

Writes OUTDIR/data.pg.sql (COPY blocks, for psql after schema.pg.sql) and
OUTDIR/data.mysql.sql (INSERTs, for mariadb after schema.mysql.sql): the
same rows, about 140 000 of them.  The output is a function of TODAY
(YYYY-MM-DD) alone: a fixed-seed generator of our own (splitmix64), not
Python's random, so that every Python gives the same rows.  Dates are
relative to TODAY so that app.rules.in's "applications of the last 400
days or renewals" keeps a fraction of the applications, whatever the day.

Tricky values sit in the key columns and in the columns the rules test:
quotes, backslashes, a tab, a newline, "\\.", unicode and emoji in
product codes (a composite FK), broker licences (an FK to a UNIQUE
column) and template codes (a relation); licences that look like other
brokers' ids; '007' next to '7'; kinds that are almost 'renewal'
('Renewal', 'renewal ', ...); subject types that are almost 'Application';
applications at the first and the last second around the cut-off day.
"""

import datetime
import os
import sys

M64 = (1 << 64) - 1


class Rng:
    """splitmix64: small, fast, and the same everywhere."""

    def __init__(self, seed):
        self.s = seed & M64

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, lo, hi):
        return lo + self.below(hi - lo + 1)

    def chance(self, per_mille):
        return self.below(1000) < per_mille

    def pick(self, seq):
        return seq[self.below(len(seq))]


class Num(str):
    """A number written unquoted (numeric/decimal columns)."""


N_AGENCIES = 3000
N_BROKERS = 2500
N_PRODUCERS = 6000
N_OFFICES = 40
N_TEAMS = 200
N_STAFF = 2000
N_THREADS = 5000
N_APPS = 20000
N_RATINGS = 20000
N_DOCS = 24000
N_SIGS = 12000
N_VIEWS = 8000
N_NOTES = 10000
N_AUDIT = 12000
N_CHAT = 15000
N_REGIONS = 30
N_CITIES = 600
N_HOLIDAYS = 365
N_MIGRATIONS = 80

# Product codes: a composite FK's text column.  '007' and '7' are two
# codes; one has a tab, one a newline, one is a backslash and a dot.
TRICKY_PRODUCTS = [
    "HOME'S", "BACK\\SLASH", 'LIFE "Q"', "Zürich-Ü", "日本-1", "😀-PET",
    "TAB\tX", "NL\nX", "\\.", "NULL", "007", "7", "semi;colon", "paren)(",
    "comma,", "pct%_", "a'b\\c", "\\N", "-- x", "é",
]
# 30 products most applications are for, 300 rare ones (a few
# applications each: some kept, some not); the tricky codes in both.
COMMON_PRODUCTS = TRICKY_PRODUCTS[:10] + ["P-%02d" % i for i in range(1, 21)]
RARE_PRODUCTS = TRICKY_PRODUCTS[10:] + ["R-%03d" % i for i in range(1, 291)]
PRODUCTS = COMMON_PRODUCTS + RARE_PRODUCTS
LINES = ["auto", "home", "life", "pet", "travel"]

# 40 templates most documents use, 200 rare ones; tricky codes in both
COMMON_TEMPLATES = (["TPL-%02d" % i for i in range(1, 36)] +
                    ["O'Neil form", "back\\slash", "Ünïcödé", "日本語", "😀"])
RARE_TEMPLATES = (["7", "007", "tab\there", "\\.", "x'\\'y"] +
                  ["RT-%03d" % i for i in range(1, 196)])
TEMPLATES = COMMON_TEMPLATES + RARE_TEMPLATES
# template codes documents use that no doc_templates row has
RETIRED = ["RETIRED-1", "RETIRED'2", "RETIRED\\3"]

KINDS = [  # (per mille, kind)
    (700, "new"), (60, "renewal"), (90, "endorsement"), (20, "Renewal"),
    (10, "renewal "), (5, "renew'al"), (5, "renewal\\"), (5, " renewal"),
    (30, None), (75, "quote"),
]
SUBJECTS = [  # (per mille, subject_type)
    (600, "Application"), (250, "Producer"), (30, "application"),
    (20, "Application "), (10, "Applic'ation"), (40, "Broker"), (30, None),
    (20, "Producer\\"),
]
NAMES = ["Ann", "O'Brien", "Zoë", "José", "李", "back\\slash", 'dq"q',
         "tab\tin", "multi\nline", "Émile", "😀 Smile", "Bob", "Carol",
         "Dave", "Eve", "Frank", "Grace", "Heidi", "Ivan", "Judy"]
BODIES = ["plain text", "it's a 'quote'", "back\\slash \\N \\.",
          "line one\nline two\n\\.\nafter", "tab\tseparated\tvalues",
          "INSERT INTO applications VALUES (1, 2);", "');\nDROP TABLE x; --",
          "COPY public.notes (id) FROM stdin;", "ünïcödé 日本語 😀",
          "a,b,(c),'d'", "\r\ncrlf", "", "NULL", "\\\\"]


def weighted(rng, table):
    r = rng.below(1000)
    for w, v in table:
        if r < w:
            return v
        r -= w
    return table[-1][1]


def licence(i):
    """Broker i's licence number: mostly LIC-nnnnn, some tricky, some
    that look like another broker's id."""
    k = i % 50
    if k == 3:
        return str(i // 50)          # '0'..'49': other brokers' ids
    if k == 7:
        return "O'Brien-%d" % i
    if k == 11:
        return "back\\slash-%d" % i
    if k == 13:
        return "Zürich-%d" % i
    if k == 17:
        return "日本-%d" % i
    if k == 19:
        return "😀%d" % i
    if k == 23:
        return 'dq"%d' % i
    if k == 29:
        return "tab\t%d" % i
    return "LIC-%05d" % i


def main():
    today = datetime.date.fromisoformat(sys.argv[1])
    out = sys.argv[2]
    since = today - datetime.timedelta(days=400)
    rng = Rng(20261121)
    midnight = datetime.datetime.combine(today, datetime.time())

    def ts(days_ago, secs=None):
        if secs is None:
            secs = rng.below(86400)
        t = midnight - datetime.timedelta(days=days_ago) + \
            datetime.timedelta(seconds=secs)
        return t.strftime("%Y-%m-%d %H:%M:%S")

    tables = []  # (name, columns, rows)

    def table(name, cols, rows):
        tables.append((name, cols, rows))

    # agencies: a bushy tree, 30 roots, each other agency under one with
    # an id about a quarter to an eighth of its own
    table("agencies", ["id", "parent_id", "name"],
          [(i, None if i <= 30 else rng.between(i // 8, i // 4),
            "%s Agency %d" % (rng.pick(NAMES), i))
           for i in range(1, N_AGENCIES + 1)])
    table("brokers", ["id", "license_no", "agency_id", "name"],
          [(i, licence(i), rng.between(1, N_AGENCIES),
            "%s %d" % (rng.pick(NAMES), i))
           for i in range(1, N_BROKERS + 1)])
    table("producers", ["id", "broker_license", "name", "email"],
          [(i, None if rng.chance(100)
            else licence(rng.between(1, N_BROKERS)),
            rng.pick(NAMES), None if rng.chance(50) else "p%d@example.com" % i)
           for i in range(1, N_PRODUCERS + 1)])
    table("products", ["code", "name", "line"],
          [(c, "Product %d" % n, LINES[n % len(LINES)])
           for n, c in enumerate(PRODUCTS)])
    table("rate_tables", ["product_code", "version", "base_rate", "effective"],
          [(c, v, Num("%d.%04d" % (rng.between(1, 99), rng.below(10000))),
            (today - datetime.timedelta(days=365 * (7 - v))).isoformat())
           for c in PRODUCTS for v in range(1, 7)])
    # the cycle offices.manager_id -> staff -> teams -> offices
    table("offices", ["id", "manager_id", "city"],
          [(i, None if rng.chance(300) else rng.between(1, N_STAFF),
            rng.pick(["Berlin", "Zürich", "Köln", "São Paulo", "東京"]))
           for i in range(1, N_OFFICES + 1)])
    table("teams", ["id", "office_id", "name"],
          [(i, rng.between(1, N_OFFICES), "Team %d" % i)
           for i in range(1, N_TEAMS + 1)])
    # staff: the first 300 underwrite and rate, the first 600 write
    # notes; those work in the first 40 teams
    table("staff", ["id", "team_id", "name", "email"],
          [(i, rng.between(1, 40 if i <= 600 else N_TEAMS), rng.pick(NAMES),
            "s%d@example.com" % i)
           for i in range(1, N_STAFF + 1)])
    table("chat_threads", ["id", "topic", "opened_at"],
          [(i, rng.pick(BODIES), ts(rng.below(3650)))
           for i in range(1, N_THREADS + 1)])

    # applications: created over ten years, newest ids newest; some at
    # the cut-off's edges, some without a date
    apps = []
    product_of = {}
    edge_before = (since - datetime.timedelta(days=1)).isoformat() + \
        " 23:59:59"
    edge_after = since.isoformat() + " 00:00:00"
    for i in range(1, N_APPS + 1):
        kind = weighted(rng, KINDS)
        if i % 997 == 0:
            created = edge_before
        elif i % 997 == 1 and i > 1:
            created = edge_after
        elif rng.chance(10):
            created = None
        else:
            back = 3650 * (N_APPS - i) // N_APPS + rng.between(-30, 30)
            created = ts(max(back, -5))
        renewal_of = None
        if kind is not None and "enew" in kind and i > 1 and \
                not rng.chance(100):
            renewal_of = rng.between(max(1, i - 8000), i - 1)
        code = rng.pick(RARE_PRODUCTS if rng.chance(50) else COMMON_PRODUCTS)
        product_of[i] = code
        apps.append((i, rng.between(1, N_PRODUCERS), code, kind, created,
                     renewal_of,
                     None if rng.chance(200) else rng.between(1, 300),
                     rng.between(1, N_THREADS) if rng.chance(300) else None,
                     rng.pick(NAMES), rng.pick(["open", "bound", "declined"])))
    table("applications",
          ["id", "producer_id", "product_code", "kind", "created_at",
           "renewal_of_id", "underwriter_id", "chat_thread_id", "applicant",
           "status"], apps)

    rows = []
    for i in range(1, N_RATINGS + 1):
        a = rng.between(1, N_APPS)
        rows.append((i, a, product_of[a],
                     None if rng.chance(30) else rng.between(1, 6),
                     None if rng.chance(150) else rng.between(1, 300),
                     Num("%d.%02d" % (rng.between(100, 99999),
                                      rng.below(100)))))
    table("ratings", ["id", "application_id", "product_code", "rate_version",
                      "rated_by", "premium"], rows)

    table("doc_templates", ["code", "title"],
          [(c, "Template %d" % n) for n, c in enumerate(TEMPLATES)])
    rows = []
    docs_of = {}
    for i in range(1, N_DOCS + 1):
        a = rng.between(1, N_APPS)
        docs_of.setdefault(a, []).append(i)
        if rng.chance(20):
            tpl = None
        elif rng.chance(30):
            tpl = rng.pick(RETIRED)
        else:
            tpl = rng.pick(RARE_TEMPLATES if rng.chance(10)
                           else COMMON_TEMPLATES)
        rows.append((i, a, tpl, rng.pick(BODIES), ts(rng.below(3650))))
    table("documents", ["id", "application_id", "template_code", "body",
                        "created_at"], rows)

    # signatures: mostly of a document of the same application, some of
    # another application's document
    rows = []
    for i in range(1, N_SIGS + 1):
        a = rng.between(1, N_APPS)
        if a in docs_of and not rng.chance(30):
            d = rng.pick(docs_of[a])
        else:
            d = rng.between(1, N_DOCS)
        rows.append((i, a, d, rng.pick(NAMES),
                     None if rng.chance(50) else ts(rng.below(3650))))
    table("signatures", ["id", "application_id", "document_id", "signer",
                         "signed_at"], rows)
    table("document_views", ["id", "document_id", "staff_id", "viewed_at"],
          [(i, rng.between(1, N_DOCS),
            None if rng.chance(100) else rng.between(1, N_STAFF),
            ts(rng.below(3650)))
           for i in range(1, N_VIEWS + 1)])

    rows = []
    for i in range(1, N_NOTES + 1):
        st = weighted(rng, SUBJECTS)
        if st is None:
            sid = None if rng.chance(500) else rng.between(1, N_APPS)
        elif st.startswith("Producer"):
            sid = rng.between(1, N_PRODUCERS)
        elif st == "Broker":
            sid = rng.between(1, N_BROKERS)
        else:
            sid = rng.between(1, N_APPS)
        rows.append((i, st, sid,
                     None if rng.chance(100) else rng.between(1, 600),
                     rng.pick(BODIES)))
    table("notes", ["id", "subject_type", "subject_id", "author_id", "body"],
          rows)

    table("audit_log", ["id", "staff_id", "action", "at", "payload"],
          [(10000000000 + i,
            None if rng.chance(100) else rng.between(1, N_STAFF),
            rng.pick(["insert", "update", "delete"]), ts(rng.below(3650)),
            rng.pick(BODIES))
           for i in range(1, N_AUDIT + 1)])
    table("chat_messages", ["id", "thread_id", "application_id", "body",
                            "sent_at"],
          [(i, rng.between(1, N_THREADS),
            None if rng.chance(200) else rng.between(1, N_APPS),
            rng.pick(BODIES), ts(rng.below(3650)))
           for i in range(1, N_CHAT + 1)])

    table("regions", ["id", "name"],
          [(i, "Region %d" % i) for i in range(1, N_REGIONS + 1)])
    table("cities", ["id", "region_id", "name"],
          [(i, rng.between(1, N_REGIONS), rng.pick(NAMES) + "ville")
           for i in range(1, N_CITIES + 1)])
    table("holidays", ["day", "name"],
          [((datetime.date(2020, 1, 1) + datetime.timedelta(days=5 * i))
            .isoformat(), "Holiday %d" % i) for i in range(N_HOLIDAYS)])
    table("schema_migrations", ["version"],
          [("2020%04d%06d" % (i, i * 7),) for i in range(1, N_MIGRATIONS + 1)])

    write_pg(os.path.join(out, "data.pg.sql"), tables)
    write_my(os.path.join(out, "data.mysql.sql"), tables)


def pg_field(v):
    if v is None:
        return "\\N"
    if isinstance(v, int):
        return str(v)
    return (v.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def my_value(v):
    if v is None:
        return "NULL"
    if isinstance(v, (int, Num)):
        return str(v)
    return "'" + (v.replace("\\", "\\\\").replace("'", "\\'")
                  .replace("\n", "\\n").replace("\r", "\\r")
                  .replace("\t", "\\t")) + "'"


def write_pg(path, tables):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("SET client_encoding = 'UTF8';\n")
        for name, cols, rows in tables:
            f.write("COPY %s (%s) FROM stdin;\n" % (name, ", ".join(cols)))
            for r in rows:
                f.write("\t".join(pg_field(v) for v in r) + "\n")
            f.write("\\.\n")


def my_ident(s):
    return "`" + s + "`"


def write_my(path, tables):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("SET NAMES utf8mb4;\nSET FOREIGN_KEY_CHECKS = 0;\n"
                "SET UNIQUE_CHECKS = 0;\nSET autocommit = 0;\n")
        for name, cols, rows in tables:
            head = "INSERT INTO %s (%s) VALUES\n" % (
                my_ident(name), ", ".join(my_ident(c) for c in cols))
            for k in range(0, len(rows), 1000):
                f.write(head)
                f.write(",\n".join("(" + ", ".join(my_value(v) for v in r)
                                   + ")" for r in rows[k:k + 1000]))
                f.write(";\n")
        f.write("COMMIT;\n")


if __name__ == "__main__":
    main()
