#!/usr/bin/env python3
"""tests/relink/keymap.py - a dumprelink key map, decompressed, on stdin:
check its format against dumprelink(1)'s KEY MAP FORMAT and print its
content in the canonical form of gen.py's exp-keymap.tsv:

    pointer<TAB>NAME<TAB>NKEYS<TAB>exact|lower<TAB>NENTRIES
    entry<TAB>NAME<TAB>KEYHEX[,KEYHEX...]<TAB>VALUEHEX|N
    table<TAB>NAME<TAB>COL,COL...<TAB>NROWS
    row<TAB>NAME<TAB>HEX|N,HEX|N...

(a field as the hex of its bytes, N for NULL; the schema of a kept table
left out: a key map captured from MariaDB names none).  A format error:
a message on stderr, exit 1.
"""

import sys

ESC = {"t": b"\t", "n": b"\n", "r": b"\r", "\\": b"\\"}


class Bad(Exception):
    pass


def field(s, lineno, nullable):
    if s == b"\\N":
        if not nullable:
            raise Bad("line %d: a NULL key" % lineno)
        return "N"
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i:i + 1]
        if c == b"\\":
            e = s[i + 1:i + 2].decode("latin-1")
            if e not in ESC:
                raise Bad("line %d: bad escape \\%s" % (lineno, e))
            out += ESC[e]
            i += 2
        else:
            out += c
            i += 1
    return out.hex()


def main():
    data = sys.stdin.buffer.read()
    if not data.endswith(b"\n"):
        raise Bad("no newline at the end")
    lines = data[:-1].split(b"\n")
    out = []
    if lines[0] != b"dumprelink-keymap\t1":
        raise Bad("first line %r" % lines[0][:60])
    i = 1
    npointers = ntables = 0
    while i < len(lines):
        f = lines[i].split(b"\t")
        if f[0] == b"pointer":
            if ntables:
                raise Bad("line %d: a pointer after a table" % (i + 1))
            if len(f) != 5 or f[3] not in (b"exact", b"lower"):
                raise Bad("line %d: pointer line %r" % (i + 1, lines[i]))
            name = f[1].decode()
            nkeys, n = int(f[2]), int(f[4])
            out.append("pointer\t%s\t%d\t%s\t%d" % (name, nkeys,
                                                    f[3].decode(), n))
            for j in range(i + 1, i + 1 + n):
                if j >= len(lines):
                    raise Bad("pointer %s: %d entries announced" % (name, n))
                e = lines[j].split(b"\t")
                if len(e) != nkeys + 1:
                    raise Bad("line %d: %d fields, %d keys" % (j + 1, len(e),
                                                               nkeys))
                out.append("entry\t%s\t%s\t%s" % (
                    name, ",".join(field(k, j + 1, False) for k in e[:-1]),
                    field(e[-1], j + 1, True)))
            i += 1 + n
            npointers += 1
        elif f[0] == b"table":
            if len(f) != 5:
                raise Bad("line %d: table line %r" % (i + 1, lines[i]))
            name = f[2].decode()
            ncols, n = int(f[3]), int(f[4])
            cols = lines[i + 1].split(b"\t")
            if len(cols) != ncols:
                raise Bad("table %s: %d columns announced, %d named" %
                          (name, ncols, len(cols)))
            out.append("table\t%s\t%s\t%d" % (
                name, ",".join(c.decode() for c in cols), n))
            for j in range(i + 2, i + 2 + n):
                if j >= len(lines):
                    raise Bad("table %s: %d rows announced" % (name, n))
                r = lines[j].split(b"\t")
                if len(r) != ncols:
                    raise Bad("line %d: %d fields, %d columns" % (j + 1,
                                                                  len(r), ncols))
                out.append("row\t%s\t%s" % (name, ",".join(
                    field(v, j + 1, True) for v in r)))
            i += 2 + n
            ntables += 1
        elif f[0] == b"end":
            if f != [b"end", str(npointers).encode(),
                     str(ntables).encode()]:
                raise Bad("end line %r: %d pointers, %d tables" % (
                    lines[i], npointers, ntables))
            if i != len(lines) - 1:
                raise Bad("lines after the end line")
            break
        else:
            raise Bad("line %d: %r" % (i + 1, lines[i][:60]))
    else:
        raise Bad("no end line")
    sys.stdout.write("".join(s + "\n" for s in out))


if __name__ == "__main__":
    try:
        main()
    except (Bad, ValueError, UnicodeDecodeError) as e:
        sys.stderr.write("# key map: %s\n" % e)
        sys.exit(1)
