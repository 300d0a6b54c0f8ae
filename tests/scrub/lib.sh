# shellcheck shell=bash
# tests/scrub/lib.sh - code of tests/real-scrub.sh shared by its
# PostgreSQL and MariaDB halves.
#
# Source after tests/lib.sh, tests/rig/*.sh and tests/rig/checks.sh.
# use_pg / use_my define the dialect layer: q (run a query), the SQL
# snippets the checks are written with (nse, rxm, bin, ...), and the
# database helpers (db_create, db_load, db_counts, db_table).  The checks
# below are written once against that layer; they run under check()
# (lib.sh), so each returns 1 with "# ..." diagnostics on failure.
#
# Conventions: the scrubbed database has the app's tables; the originals
# are reachable as orig.<table> (PostgreSQL: a schema orig loaded into
# the same database; MariaDB: the database orig the dumps come from).
# $SCRUB_DIR is tests/scrub; $DUMPSCRUB and $DUMPROWS the programs.

# shellcheck disable=SC2317 # functions run through check()
# shellcheck disable=SC2016 # `...` in SQL quote identifiers, '$' is text
# shellcheck disable=SC2034 # DIALECT, META_SQL, LEN_SQL: for the callers

# The literal of app.rules' `set` on customers.password_hash.
PW_LIT='$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW'
# The condition of app.rules' credit_card rule (PCRE = POSIX ERE here).
CARD_RX='^[0-9][0-9 -]{11,21}[0-9]$'
# What the email action writes (dumprules(5)): first.last.13 base32
# characters of keyed hash @ example.com/net/org; truncated names when the
# column is short.
EMAIL_RX='^[a-z]+\.[a-z]+\.[a-z0-9]{13}@example\.(com|net|org)$'
SHORT_EMAIL_RX='^[a-z0-9.]*[a-z0-9]{13}@example\.(com|net|org)$'
USERNAME_RX='^[a-z_]+_[a-z0-9]{13}$'
UUID4_RX='^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
# The actions app.rules uses at top level (json sub-actions aside):
# every action of dumprules(5) but relink.
ALL_ACTIONS='keep null empty set hash email first_name last_name full_name
    username company street city zip country phone digits partial replace
    uuid ipv4 ipv6 credit_card date_shift noise map json'

###
### The dialect layer
###

use_pg() {
	DIALECT=pg
	# q DB SQL: tab-separated rows, \N for NULL.
	q() {
		psql -X -q -At -F "$(printf '\t')" -P 'null=\N' \
		    -v ON_ERROR_STOP=1 -d "$1" -c "$2"
	}
	db_create() {
		dropdb --if-exists "$1" 2>/dev/null
		createdb "$1"
	}
	# db_load DB FILE ERRFILE [SCHEMA]: run a SQL file (in a new
	# schema SCHEMA: search_path); errors and notices go to ERRFILE.
	# Returns 1 on error or if stderr got anything.
	db_load() {
		local pre=()
		[ -n "${4:-}" ] && pre=(-c "CREATE SCHEMA $4" -c "SET search_path = $4")
		if ! psql -X -q -v ON_ERROR_STOP=1 -d "$1" "${pre[@]}" \
		    -f "$2" >/dev/null 2>"$3" || [ -s "$3" ]; then
			echo "# psql -d $1 -f $2 failed or complained:" >&2
			head -n 10 "$3" | cut -c1-300 | sed 's/^/#   /' >&2
			return 1
		fi
	}
	db_counts() { pg_counts "$1" | sed 's/^[^.]*\.//'; }
	db_table() {
		psql -X -q -v ON_ERROR_STOP=1 -d "$1" \
		    -c "COPY (SELECT * FROM $2 ORDER BY 1) TO STDOUT"
	}
	# SQL snippets.
	lit() { printf "'%s'" "${1//\'/\'\'}"; }
	nse() { printf '(%s IS NOT DISTINCT FROM %s)' "$1" "$2"; }
	rxm() { printf '(%s ~ %s)' "$1" "$(lit "$2")"; }
	bin() { printf '%s' "$1"; }
	txt() { printf '(%s)::text' "$1"; }
	hx() { printf "coalesce(encode(convert_to((%s)::text, 'UTF8'), 'hex'), 'N')" "$1"; }
	ddays() { printf '((%s)::date - (%s)::date)' "$1" "$2"; }
	tod() { printf '(%s)::time' "$1"; }
	num() { printf '(%s)::numeric' "$1"; }
	# decs X: the number of digits after the point of the text X.
	decs() { printf "length(split_part(%s, '.', 2))" "$1"; }
	shape9() { printf "regexp_replace(%s, '[0-9]', '9', 'g')" "$1"; }
	word1() { printf "split_part(%s, ' ', 1)" "$1"; }
	ssnmask() {
		printf "regexp_replace(%s, '([0-9]{3})-[0-9]{2}-[0-9]{4}', '\\\\1-**-****', 'g')" "$1"
	}
	# jtxt DOC a,b,0,c: the JSON scalar at that path as text.
	jtxt() { printf "(%s #>> '{%s}')" "$1" "$2"; }
	jnull() { printf "(jsonb_typeof(%s -> '%s') = 'null')" "$1" "$2"; }
	# The address of an ipv4 column, without a /prefix.
	ipaddr() { printf 'host(%s)' "$1"; }
	ipcol() { printf 'abbrev(%s)' "$1"; }
	ipv4_bad() {
		printf 'family(s.ip) <> 4 OR masklen(s.ip) <> masklen(o.ip)'
	}
	ipv6_bad() { printf 'family(last_ip::inet) <> 6'; }
	# The columns of the tables of schema orig, for check.pl.
	META_SQL="SELECT table_name, ordinal_position, column_name,
	    coalesce(character_maximum_length, -1),
	    CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END
	    FROM information_schema.columns WHERE table_schema = 'orig'
	    ORDER BY 1, 2"
	# A query that lists "table, column, declared, max(char_length)"
	# of every character column of the scrubbed tables.
	LEN_SQL="SELECT string_agg(format(
	    'SELECT %L AS t, %L AS c, %s AS declared,
		max(char_length(%I)) AS len FROM public.%I',
	    table_name, column_name, character_maximum_length, column_name,
	    table_name), ' UNION ALL ')
	    FROM information_schema.columns
	    WHERE table_schema = 'public' AND character_maximum_length IS NOT NULL"
}

use_my() {
	DIALECT=my
	q() {
		my_client --default-character-set=utf8mb4 -N -B "$1" -e "$2"
	}
	db_create() {
		my_client -e "DROP DATABASE IF EXISTS \`$1\`;
		    CREATE DATABASE \`$1\` CHARACTER SET utf8mb4
		    COLLATE utf8mb4_unicode_ci"
	}
	db_load() {
		if ! my_client --default-character-set=utf8mb4 "$1" <"$2" \
		    >/dev/null 2>"$3" || [ -s "$3" ]; then
			echo "# mariadb $1 <$2 failed or complained:" >&2
			head -n 10 "$3" | cut -c1-300 | sed 's/^/#   /' >&2
			return 1
		fi
	}
	db_counts() { my_counts "$1"; }
	db_table() {
		my_client --default-character-set=utf8mb4 -N -B "$1" \
		    -e "SELECT * FROM \`$2\` ORDER BY 1"
	}
	lit() {
		local s=${1//\\/\\\\}
		printf "'%s'" "${s//\'/\'\'}"
	}
	nse() { printf '(BINARY %s <=> BINARY %s)' "$1" "$2"; }
	rxm() { printf '(BINARY %s REGEXP %s)' "$1" "$(lit "$2")"; }
	bin() { printf 'BINARY %s' "$1"; }
	txt() { printf '%s' "$1"; }
	# HEX(number) is the number in hex: CONCAT makes it text first.
	hx() { printf "COALESCE(LOWER(HEX(CONCAT(%s))), 'N')" "$1"; }
	ddays() { printf 'DATEDIFF(%s, %s)' "$1" "$2"; }
	tod() { printf 'TIME(%s)' "$1"; }
	num() { printf 'CAST(%s AS DECIMAL(20, 6))' "$1"; }
	decs() { printf "LENGTH(SUBSTRING_INDEX(%s, '.', -1))" "$1"; }
	shape9() { printf "REGEXP_REPLACE(%s, '[0-9]', '9')" "$1"; }
	word1() { printf "SUBSTRING_INDEX(%s, ' ', 1)" "$1"; }
	ssnmask() {
		printf "REGEXP_REPLACE(%s, '([0-9]{3})-[0-9]{2}-[0-9]{4}', '\\\\\\\\1-**-****')" "$1"
	}
	jtxt() {
		local p='$' s
		local IFS=,
		for s in $2; do
			case $s in
			*[!0-9]*) p="$p.\"$s\"" ;;
			*) p="${p}[$s]" ;;
			esac
		done
		printf "JSON_VALUE(%s, '%s')" "$1" "$p"
	}
	jnull() {
		printf "(JSON_TYPE(JSON_EXTRACT(%s, '$.%s')) = 'NULL')" "$1" "$2"
	}
	ipaddr() { printf "SUBSTRING_INDEX(%s, '/', 1)" "$1"; }
	ipcol() { printf '%s' "$1"; }
	ipv4_bad() {
		printf "s.ip IS NOT NULL AND (NOT %s
		    OR INET_ATON(SUBSTRING_INDEX(s.ip, '/', 1)) IS NULL
		    OR (s.ip LIKE '%%/24') <> (o.ip LIKE '%%/24'))" \
		    "$(rxm s.ip '^[0-9]{1,3}(\.[0-9]{1,3}){3}(/24)?$')"
	}
	ipv6_bad() { printf "INET6_ATON(last_ip) IS NULL OR last_ip NOT LIKE '%%:%%'"; }
	META_SQL="SELECT table_name, ordinal_position, column_name,
	    COALESCE(character_maximum_length, -1),
	    CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END
	    FROM information_schema.columns WHERE table_schema = 'orig'
	    ORDER BY 1, 2"
	LEN_SQL="SET SESSION group_concat_max_len = 1000000;
	    SELECT GROUP_CONCAT(CONCAT('SELECT ''', table_name, ''' AS t, ''',
		column_name, ''' AS c, ', character_maximum_length,
		' AS declared, MAX(CHAR_LENGTH(\`', column_name,
		'\`)) AS len FROM \`', table_name, '\`') SEPARATOR ' UNION ALL ')
	    FROM information_schema.columns
	    WHERE table_schema = DATABASE()
		AND data_type IN ('char', 'varchar')"
}

###
### Small checks
###

# none DB SQL: the query (violations) returns no row.
none() {
	local out
	out=$(q "$1" "$2") || {
		printf '# query failed: %s\n' "$2" | head -n 3 >&2
		return 1
	}
	[ -z "$out" ] && return 0
	printf '# %s\n' "$(printf '%s' "$2" | tr -s '\n\t' '  ' | cut -c1-300)" >&2
	printf '%s\n' "$out" | head -n 5 | cut -c1-200 | sed 's/^/#   got: /' >&2
	return 1
}

# equals DB SQL WANT: the query prints WANT.
equals() {
	local out
	out=$(q "$1" "$2") || return 1
	[ "$out" = "$3" ] && return 0
	printf '# %s\n#   got %s, expected %s\n' \
	    "$(printf '%s' "$2" | tr -s '\n\t' '  ' | cut -c1-300)" "$out" "$3" >&2
	return 1
}

# atleast DB SQL N: the query prints a number >= N (a guard that a check
# had something to check).
atleast() {
	local out
	out=$(q "$1" "$2") || return 1
	[ "$out" -ge "$3" ] 2>/dev/null && return 0
	printf '# %s\n#   got %s, expected at least %s\n' \
	    "$(printf '%s' "$2" | tr -s '\n\t' '  ' | cut -c1-300)" "$out" "$3" >&2
	return 1
}

# scrub_run KEY OUT ARGS...: dumpscrub ARGS with DUMPFILTERS_KEY=KEY,
# stdout to OUT; exit 0 and nothing on stderr (no warning either).
scrub_run() {
	local key=$1 out=$2
	shift 2
	run_to "$out" env DUMPFILTERS_KEY="$key" "$DUMPSCRUB" "$@" || return 1
	[ -s "$out.err" ] || return 0
	printf '# dumpscrub %s: stderr:\n' "$*" >&2
	head -n 5 "$out.err" | cut -c1-300 | sed 's/^/#   /' >&2
	return 1
}

###
### --check and --strict
###

# cov_check CHECKTSV RULES: the --check listing covers every column of
# customers but id, names every action of $ALL_ACTIONS, attributes
# customers.email to the `column` statement, and lists products (safe)
# without rules.
cov_check() {
	local tsv=$1 rules=$2 line a err=0 acts
	line=$(grep -n '^column ' "$rules" | cut -d: -f1)
	awk -F '\t' '!/^#/ && $1 ~ /(^|\.)customers$/ && $2 != "id" &&
	    $4 == "-" { print "# customers." $2 ": not covered"; bad = 1 }
	    END { exit bad }' "$tsv" >&2 || err=1
	awk -F '\t' '!/^#/ && $1 ~ /(^|\.)products$/ && $4 != "-" {
	    print "# products." $2 ": covered by " $5 " (safe table)"; bad = 1 }
	    END { exit bad }' "$tsv" >&2 || err=1
	acts=" $(awk -F '\t' '!/^#/ { print $4 }' "$tsv" | sort -u | tr '\n' ' ') "
	for a in $ALL_ACTIONS; do
		case $acts in
		*" $a "*) ;;
		*) echo "# action $a not in the --check listing" >&2; err=1 ;;
		esac
	done
	awk -F '\t' -v want="app.rules:$line" '!/^#/ &&
	    $1 ~ /(^|\.)customers$/ && $2 == "email" {
		seen = 1
		n = length(want)
		if ($4 != "email" || substr($5, length($5) - n + 1) != want) {
			print "# customers.email: " $4 " " $5 ", expected email " want
			exit 1
		}
	    } END { if (!seen) { print "# customers.email not listed"; exit 1 } }' \
	    "$tsv" >&2 || err=1
	awk -F '\t' '!/^#/ && $1 ~ /(^|\.)loyalty_cards$/ &&
	    $2 == "loyalty_number" && $4 == "hash" { ok = 1 }
	    END { if (!ok) print "# loyalty_cards.loyalty_number: not hash (table /regex/ block)"; exit !ok }' \
	    "$tsv" >&2 || err=1
	return "$err"
}

# strict_missing_safe DUMP WORK: without `safe products`, --strict
# names the table products and exits 1.
strict_missing_safe() {
	local dump=$1 w=$2 rc=0
	mkdir -p "$w/nosafe"
	cp "$SCRUB_DIR/countries.tsv" "$w/nosafe/"
	sed '/^safe products/d' "$SCRUB_DIR/app.rules" >"$w/nosafe/app.rules"
	env DUMPFILTERS_KEY="$KEY1" "$DUMPSCRUB" --check --strict \
	    -r "$w/nosafe/app.rules" "$dump" >"$w/nosafe/out" \
	    2>"$w/nosafe/err" || rc=$?
	if [ "$rc" != 1 ] || ! grep -q 'products' "$w/nosafe/err"; then
		echo "# --strict without 'safe products': exit $rc, expected 1 naming products:" >&2
		head -n 5 "$w/nosafe/err" | sed 's/^/#   /' >&2
		return 1
	fi
}

###
### Leaks
###

# leak_spec: "table<TAB>expression<TAB>kind<TAB>condition" of every
# original that the rules rewrite (condition: where the rule applies).
# Columns of numbers, dates, short digit strings (zip) and the mapped
# country (its originals are real country names, which the country
# action may write) are checked by SQL instead.
leak_spec() {
	local t=$'\t'
	cat <<-EOF
	customers${t}email${t}value${t}1 = 1
	customers${t}first_name${t}value${t}1 = 1
	customers${t}last_name${t}value${t}1 = 1
	customers${t}middle_name${t}value${t}1 = 1
	customers${t}display_name${t}value${t}1 = 1
	customers${t}nickname${t}value${t}deleted_at IS NULL
	customers${t}username${t}value${t}1 = 1
	customers${t}phone${t}value${t}1 = 1
	customers${t}alt_phone${t}value${t}1 = 1
	customers${t}fax${t}value${t}1 = 1
	customers${t}ssn${t}value${t}1 = 1
	customers${t}card_number${t}value${t}$(rxm card_number "$CARD_RX")
	customers${t}iban${t}value${t}1 = 1
	customers${t}$(ipaddr ip)${t}value${t}1 = 1
	customers${t}last_ip${t}value${t}1 = 1
	customers${t}profile${t}json${t}1 = 1
	customers${t}notes${t}ssn${t}1 = 1
	customers${t}vip_note${t}value${t}tier = 'vip'
	customers${t}company${t}value${t}segment <> 'individual'
	customers${t}api_token${t}value${t}1 = 1
	customers${t}session_key${t}value${t}1 = 1
	customers${t}$(txt external)${t}value${t}1 = 1
	customers${t}country_de${t}value${t}1 = 1
	customers${t}birth_country${t}value${t}1 = 1
	customers${t}city${t}value${t}1 = 1
	customers${t}street${t}value${t}1 = 1
	customers${t}password_hash${t}value${t}1 = 1
	orders${t}customer_email${t}value${t}1 = 1
	orders${t}shipping_phone${t}value${t}1 = 1
	orders${t}shipping_name${t}value${t}1 = 1
	orders${t}coupon${t}value${t}1 = 1
	newsletter${t}email${t}value${t}1 = 1
	EOF
}

# leak_patterns DB DIR: write DIR/pats.copy and DIR/pats.raw (check.pl
# patterns) from the originals in DB's orig tables.
leak_patterns() {
	local db=$1 dir=$2 t e k c
	: >"$dir/leak.in"
	while IFS=$'\t' read -r t e k c; do
		q "$db" "SELECT CASE WHEN ($c) THEN 1 ELSE 0 END, '$k', $(hx "$e")
		    FROM orig.$t WHERE ($e) IS NOT NULL" >>"$dir/leak.in" || {
			echo "# leak query on $t.$e failed" >&2
			return 1
		}
	done < <(leak_spec)
	perl "$SCRUB_DIR/check.pl" patterns "$dir/pats.copy" "$dir/pats.raw" \
	    <"$dir/leak.in"
}

# leak_sanity PATS ROWS: the patterns find the originals in the decoded
# rows of the original dump (else the leak check would be vacuous).
leak_sanity() {
	local n found
	n=$(wc -l <"$1")
	found=$(LC_ALL=C grep -F -a -o -f "$1" "$2" | LC_ALL=C sort -u | wc -l)
	if [ "$n" -lt 5000 ] || [ "$((found * 100))" -lt "$((n * 99))" ]; then
		echo "# $1: $n patterns, $found found in the original rows" >&2
		return 1
	fi
}

# leak_check PATS_COPY PATS_RAW ROWS DUMP: no original in the decoded
# rows of the scrubbed dump (ROWS, tests/dumprows output) nor, verbatim,
# anywhere in the scrubbed dump.
leak_check() {
	local hits err=0
	hits=$(LC_ALL=C grep -F -a -n -o -f "$1" "$3" | head -n 5) || true
	if [ -n "$hits" ]; then
		echo "# originals in the decoded rows ($3):" >&2
		printf '%s\n' "$hits" | cut -c1-200 | sed 's/^/#   /' >&2
		err=1
	fi
	hits=$(LC_ALL=C grep -F -a -n -o -f "$2" "$4" | head -n 5) || true
	if [ -n "$hits" ]; then
		echo "# originals in the dump ($4):" >&2
		printf '%s\n' "$hits" | cut -c1-200 | sed 's/^/#   /' >&2
		err=1
	fi
	return "$err"
}

# col_check META ROWS TABLE COLUMN AWKCOND: every non-NULL value of
# the column in the dump (tests/dumprows output ROWS; $2 in AWKCOND)
# satisfies AWKCOND.
col_check() {
	perl "$SCRUB_DIR/check.pl" column "$1" "$3" "$4" <"$2" |
	    awk -F '\t' -v what="$3.$4" "
	    { n++ }
	    \$2 != \"\\\\N\" && !($5) {
		if (++bad <= 5) print \"# \" what \": id \" \$1 \": \" \$2
	    }
	    END { if (n < 1000) print \"# \" what \": only \" n \" rows\";
		exit bad > 0 || n < 1000 }" >&2
}

###
### Determinism
###

# keys_differ META ROWS1 ROWS2 TABLE COLUMN: row by row (same input, so
# the same order), every non-NULL value of the column differs between
# the two scrubbed dumps.
keys_differ() {
	local meta=$1 r1=$2 r2=$3 t=$4 c=$5
	paste <(perl "$SCRUB_DIR/check.pl" column "$meta" "$t" "$c" <"$r1") \
	    <(perl "$SCRUB_DIR/check.pl" column "$meta" "$t" "$c" <"$r2") |
	    awk -F '\t' -v what="$t.$c" '
	    { n++ }
	    $1 != $3 { print "# " what ": rows out of step at " $1 " / " $3; bad = 1; exit }
	    $2 != "\\N" && $2 == $4 { same++; if (same <= 3) print "# " what ": id " $1 ": same value " $2 " under both keys" }
	    END {
		if (n < 1000) { print "# " what ": only " n " rows"; bad = 1 }
		exit bad || same > 0
	    }' >&2
}

###
### The app's checks on the restored, scrubbed database
###

# C: customers, scrubbed (s) and original (o), by id.
C='customers s JOIN orig.customers o USING (id)'
O='orders s JOIN orig.orders o USING (id)'

# app_checks LABEL DB: every promise of the rules, on DB.
app_checks() {
	local L=$1 db=$2 c nullcols w orders
	orders=$(q "$db" "SELECT count(*) FROM orig.orders")

	# UNIQUE held (the restore with the constraints passed too).
	for c in customers.email customers.username customers.ssn \
	    customers.api_token customers.external newsletter.email \
	    loyalty_cards.loyalty_number; do
		check "$L: $c unique" none "$db" "SELECT count(${c#*.}),
		    count(DISTINCT ${c#*.}) FROM ${c%%.*}
		    HAVING count(${c#*.}) <> count(DISTINCT ${c#*.})"
	done

	# Lengths respected.
	check "$L: max(char_length) <= declared length" lengths_ok "$db"

	# The join on a scrubbed column across two tables.
	check "$L: every order joins its customer by email" equals "$db" \
	    "SELECT count(*) FROM orders s JOIN customers c
	    ON c.email = s.customer_email" "$orders"
	check "$L: ... and the same customer as before" equals "$db" \
	    "SELECT count(*) FROM orders s JOIN orig.orders o USING (id)
	    JOIN orig.customers oc ON oc.email = o.customer_email
	    JOIN customers sc ON sc.email = s.customer_email
	    WHERE sc.id = oc.id" "$orders"

	# keep, and the rows a `when` does not select keep their value.
	check "$L: keep: tier, segment, created_at, deleted_at" none "$db" \
	    "SELECT id FROM $C WHERE NOT ($(nse s.tier o.tier) AND
	    $(nse s.segment o.segment) AND $(nse s.created_at o.created_at)
	    AND $(nse s.deleted_at o.deleted_at))"
	check "$L: when tier = 'vip': other rows keep vip_note" none "$db" \
	    "SELECT id FROM $C WHERE NOT (o.tier = 'vip')
	    AND NOT $(nse s.vip_note o.vip_note)"
	check "$L: when tier = 'vip': set" none "$db" \
	    "SELECT id FROM $C WHERE o.tier = 'vip' AND NOT $(nse s.vip_note \
	    "CASE WHEN o.vip_note IS NULL THEN NULL
	    ELSE 'VIP: call before delivery' END")"
	check "$L: when tier = 'vip': rows to check" atleast "$db" \
	    "SELECT count(*) FROM orig.customers
	    WHERE tier = 'vip' AND vip_note IS NOT NULL" 100
	check "$L: when segment != 'individual': NULL and 'individual' keep company" \
	    none "$db" "SELECT id FROM $C
	    WHERE (o.segment IS NULL OR o.segment = 'individual')
	    AND NOT $(nse s.company o.company)"
	check "$L: ... rows with a NULL segment to check" atleast "$db" \
	    "SELECT count(*) FROM orig.customers
	    WHERE segment IS NULL AND company IS NOT NULL" 100
	check "$L: when segment != 'individual': company" none "$db" \
	    "SELECT id FROM $C WHERE o.segment <> 'individual'
	    AND o.company IS NOT NULL AND (s.company IS NULL
	    OR s.company = '' OR $(nse s.company o.company))"
	check "$L: when deleted_at is null: empty" none "$db" \
	    "SELECT id FROM $C WHERE o.deleted_at IS NULL
	    AND char_length(s.nickname) <> 0"
	check "$L: when deleted_at is null: other rows keep nickname" none "$db" \
	    "SELECT id FROM $C WHERE o.deleted_at IS NOT NULL
	    AND NOT $(nse s.nickname o.nickname)"
	check "$L: ... rows to check" atleast "$db" \
	    "SELECT count(*) FROM orig.customers
	    WHERE deleted_at IS NOT NULL AND nickname <> ''" 50
	check "$L: when card_number ~ /re/: credit_card, others kept" \
	    pairs_check "$db" customers card_number card "$CARD_RX"

	# NULL stays NULL; NOT NULL gets no NULL (the restore checks that
	# in PostgreSQL; check_shape checks the dump in both).
	nullcols='first_name last_name display_name nickname username phone
	    alt_phone fax birth_date ssn card_number iban ip last_ip profile
	    notes vip_note company salary api_token session_key external
	    country_de birth_country city street zip postal_code
	    password_hash'
	w=
	for c in $nullcols; do
		w="$w${w:+ OR }(s.$c IS NULL) <> (o.$c IS NULL)"
	done
	check "$L: customers: NULL stays NULL, nothing else becomes NULL" \
	    none "$db" "SELECT id FROM $C WHERE $w"
	check "$L: orders: NULL stays NULL" none "$db" \
	    "SELECT id FROM $O WHERE (s.shipping_phone IS NULL) <>
	    (o.shipping_phone IS NULL) OR (s.shipping_name IS NULL) <>
	    (o.shipping_name IS NULL) OR (s.coupon IS NULL) <> (o.coupon IS NULL)"
	check "$L: loyalty_cards: NULL stays NULL" none "$db" \
	    "SELECT id FROM loyalty_cards s JOIN orig.loyalty_cards o USING (id)
	    WHERE (s.pin IS NULL) <> (o.pin IS NULL)"
	check "$L: null: middle_name" none "$db" \
	    "SELECT id FROM customers WHERE middle_name IS NOT NULL"

	# Every non-NULL original changed (the dictionary actions: every
	# non-empty one, since the originals carry tags no dictionary has).
	for c in email first_name last_name display_name username phone \
	    alt_phone fax ssn iban last_ip api_token session_key country_de \
	    birth_country city street password_hash; do
		check "$L: customers.$c changed" none "$db" \
		    "SELECT id, o.$c, s.$c FROM $C WHERE o.$c IS NOT NULL
		    AND o.$c <> '' AND (s.$c = '' OR $(nse "s.$c" "o.$c"))"
	done
	for c in birth_date ip external; do
		check "$L: customers.$c changed" none "$db" \
		    "SELECT id FROM $C WHERE o.$c IS NOT NULL AND $(nse "s.$c" "o.$c")"
	done
	check "$L: orders: customer_email, shipping_phone, shipping_name, coupon changed" \
	    none "$db" "SELECT id FROM $O WHERE $(nse s.customer_email o.customer_email)
	    OR (o.shipping_phone IS NOT NULL AND $(nse s.shipping_phone o.shipping_phone))
	    OR (o.shipping_name IS NOT NULL AND $(nse s.shipping_name o.shipping_name))
	    OR (o.coupon IS NOT NULL AND $(nse s.coupon o.coupon))"
	check "$L: newsletter.email changed" none "$db" \
	    "SELECT id FROM newsletter s JOIN orig.newsletter o USING (id)
	    WHERE $(nse s.email o.email)"

	# Each action's shape.
	check "$L: email" none "$db" "SELECT id, email FROM customers
	    WHERE NOT $(rxm email "$EMAIL_RX")"
	check "$L: email in orders" none "$db" "SELECT id, customer_email
	    FROM orders WHERE NOT $(rxm customer_email "$EMAIL_RX")"
	check "$L: email in varchar(30)" none "$db" "SELECT id, email
	    FROM newsletter WHERE NOT $(rxm email "$SHORT_EMAIL_RX")"
	check "$L: username" none "$db" "SELECT id, username FROM customers
	    WHERE NOT $(rxm username "$USERNAME_RX")"
	check "$L: hash 64, hash, hash 10" none "$db" "SELECT id FROM $C
	    WHERE NOT $(rxm s.api_token '^[0-9a-f]{64}$')
	    OR NOT $(rxm s.session_key '^[0-9a-f]{32}$')
	    UNION ALL SELECT id FROM orders
	    WHERE NOT $(rxm coupon '^[0-9a-f]{10}$')"
	check "$L: hash on integers" atleast "$db" "SELECT count(*)
	    FROM loyalty_cards s JOIN orig.loyalty_cards o USING (id)
	    WHERE s.loyalty_number <> o.loyalty_number" 1990
	check "$L: hash on integers: other columns kept" none "$db" "SELECT id
	    FROM loyalty_cards s JOIN orig.loyalty_cards o USING (id)
	    WHERE s.customer_id <> o.customer_id OR s.points <> o.points"
	check "$L: uuid" none "$db" "SELECT id FROM customers
	    WHERE NOT $(rxm "$(txt external)" "$UUID4_RX")"
	check "$L: ipv4, /prefix kept" none "$db" \
	    "SELECT id FROM $C WHERE $(ipv4_bad)"
	check "$L: ipv6 in a varchar" none "$db" "SELECT id, last_ip
	    FROM customers WHERE last_ip IS NOT NULL AND ($(ipv6_bad))"
	for c in phone alt_phone fax ssn; do
		check "$L: customers.$c keeps its shape" none "$db" \
		    "SELECT id, o.$c, s.$c FROM $C
		    WHERE $(shape9 "s.$c") <> $(shape9 "o.$c")"
	done
	check "$L: orders.shipping_phone keeps its shape" none "$db" \
	    "SELECT id FROM $O WHERE $(shape9 s.shipping_phone) <>
	    $(shape9 o.shipping_phone)"
	check "$L: phone keeps +CC" none "$db" "SELECT id, o.phone, s.phone
	    FROM $C WHERE $(rxm o.phone '^\+[0-9]{1,3} ')
	    AND $(word1 s.phone) <> $(word1 o.phone)"
	check "$L: partial 4 4" none "$db" "SELECT id, o.iban, s.iban FROM $C
	    WHERE o.iban IS NOT NULL AND NOT $(nse s.iban \
	    "CASE WHEN char_length(o.iban) < 8
	    THEN repeat('*', char_length(o.iban))
	    ELSE concat(left(o.iban, 4), repeat('*', char_length(o.iban) - 8),
	    right(o.iban, 4)) END")"
	check "$L: set" none "$db" "SELECT id, password_hash FROM customers
	    WHERE NOT $(nse password_hash "$(lit "$PW_LIT")")"
	check "$L: replace with \$1" none "$db" "SELECT id FROM $C
	    WHERE NOT $(nse s.notes "$(ssnmask o.notes)")"
	check "$L: replace: rows to check" atleast "$db" "SELECT count(*)
	    FROM orig.customers WHERE $(rxm notes '[0-9]{3}-[0-9]{2}-[0-9]{4}')" 1000
	check "$L: map with default" pairs_check "$db" customers country map \
	    "$SCRUB_DIR/countries.tsv" Elsewhere
	check "$L: date_shift 30 on a date" none "$db" "SELECT id FROM $C
	    WHERE $(ddays s.birth_date o.birth_date) NOT BETWEEN -30 AND 30
	    OR $(ddays s.birth_date o.birth_date) = 0"
	check "$L: date_shift 7 on a timestamp: days, time kept" none "$db" \
	    "SELECT id FROM $O WHERE $(ddays s.created_at o.created_at)
	    NOT BETWEEN -7 AND 7 OR $(ddays s.created_at o.created_at) = 0
	    OR $(tod s.created_at) <> $(tod o.created_at)"
	check "$L: date_shift: offsets vary" atleast "$db" "SELECT count(DISTINCT
	    $(ddays s.birth_date o.birth_date)) FROM $C" 40
	check "$L: noise 10 on numeric(10,2)" none "$db" "SELECT id, o.salary,
	    s.salary FROM $C WHERE abs(s.salary - o.salary) > o.salary * 0.1 + 0.01"
	check "$L: noise 10 changes values" atleast "$db" "SELECT count(*)
	    FROM $C WHERE s.salary <> o.salary" 1900
	check "$L: noise 20 on smallint" none "$db" "SELECT id, o.quantity,
	    s.quantity FROM $O
	    WHERE abs(s.quantity - o.quantity) > o.quantity * 0.2 + 0.5"
	check "$L: zip, zip de" none "$db" "SELECT id, zip, postal_code
	    FROM customers WHERE NOT $(rxm zip '^[0-9]{5}(-[0-9]{4})?$')
	    OR NOT $(rxm postal_code '^[0-9]{5}$')"
	check "$L: zip changes values" atleast "$db" "SELECT count(*) FROM $C
	    WHERE s.zip <> o.zip AND s.postal_code <> o.postal_code" 1500
	check "$L: other columns kept (orders, newsletter, products)" none "$db" \
	    "SELECT id FROM $O WHERE s.amount <> o.amount
	    UNION ALL SELECT id FROM newsletter s JOIN orig.newsletter o
	    USING (id) WHERE s.confirmed <> o.confirmed
	    OR NOT $(nse s.source o.source)
	    UNION ALL SELECT id FROM products s JOIN orig.products o USING (id)
	    WHERE NOT ($(nse s.sku o.sku) AND $(nse s.title o.title)
	    AND s.price = o.price)"

	# Same key, same value: same fake, in every row and table.
	for c in last_name company city street; do
		check "$L: equal $c in, equal $c out" none "$db" \
		    "SELECT $(bin "o.$c") FROM $C WHERE o.$c IS NOT NULL
		    AND (o.segment <> 'individual' OR '$c' <> 'company')
		    GROUP BY $(bin "o.$c")
		    HAVING count(DISTINCT $(bin "s.$c")) > 1"
	done
	check "$L: ... duplicates to check" atleast "$db" "SELECT count(*) -
	    count(DISTINCT $(bin last_name)) FROM orig.customers" 1000
	check "$L: orders.shipping_phone = customers.phone where it was" \
	    none "$db" "SELECT s.id FROM $O
	    JOIN orig.customers oc ON oc.email = o.customer_email
	    JOIN customers sc ON sc.id = oc.id
	    WHERE $(bin o.shipping_phone) = $(bin oc.phone)
	    AND NOT $(nse s.shipping_phone sc.phone)"
	check "$L: ... rows to check" atleast "$db" "SELECT count(*)
	    FROM orig.orders o JOIN orig.customers oc
	    ON oc.email = o.customer_email
	    WHERE $(bin o.shipping_phone) = $(bin oc.phone)" 3000
	check "$L: salt: alt_phone != phone where they were equal" none "$db" \
	    "SELECT id FROM $C WHERE $(bin o.alt_phone) = $(bin o.phone)
	    AND $(nse s.alt_phone s.phone)"
	check "$L: ... rows to check" atleast "$db" "SELECT count(*)
	    FROM orig.customers WHERE $(bin alt_phone) = $(bin phone)" 400

	# json { }.
	check "$L: json items[].email = that customer's scrubbed email" \
	    none "$db" "SELECT s.id FROM customers s
	    JOIN customers r ON r.id = (s.id * 13) % 2400 + 1
	    WHERE NOT $(nse "$(jtxt s.profile items,0,email)" r.email)
	    AND $(jtxt s.profile items,0,email) IS NOT NULL"
	check "$L: ... rows to check" atleast "$db" "SELECT count(*)
	    FROM customers WHERE $(jtxt profile items,0,email) IS NOT NULL" 1500
	check "$L: json items[1].email" none "$db" "SELECT id FROM $C
	    WHERE NOT $(rxm "$(jtxt s.profile items,1,email)" "$EMAIL_RX")"
	check "$L: json ssn null, tags[] hash 8" none "$db" "SELECT id FROM $C
	    WHERE o.profile IS NOT NULL AND NOT COALESCE($(jnull s.profile ssn)
	    AND $(rxm "$(jtxt s.profile tags,0)" '^[0-9a-f]{8}$')
	    AND $(rxm "$(jtxt s.profile tags,1)" '^[0-9a-f]{8}$'), 1 = 0)"
	check "$L: json nested street, city de, zip, \"house no\", geo.lat" \
	    none "$db" "SELECT id FROM $C WHERE o.profile IS NOT NULL
	    AND NOT COALESCE(
	    NOT $(nse "$(jtxt s.profile address,street)" "$(jtxt o.profile address,street)")
	    AND NOT $(nse "$(jtxt s.profile address,city)" "$(jtxt o.profile address,city)")
	    AND $(rxm "$(jtxt s.profile address,zip)" '^[0-9]{5}$')
	    AND $(shape9 "$(jtxt s.profile 'address,house no')") =
		$(shape9 "$(jtxt o.profile 'address,house no')")
	    AND abs($(num "$(jtxt s.profile address,geo,lat)") -
		$(num "$(jtxt o.profile address,geo,lat)")) <=
		$(num "$(jtxt o.profile address,geo,lat)") * 0.01 + 0.0005, 1 = 0)"
	check "$L: json noise keeps the number of decimals" none "$db" \
	    "SELECT id, $(jtxt o.profile address,geo,lat),
	    $(jtxt s.profile address,geo,lat) FROM $C
	    WHERE $(decs "$(jtxt s.profile address,geo,lat)") <>
	    $(decs "$(jtxt o.profile address,geo,lat)")"
	check "$L: json: other members kept" none "$db" "SELECT id FROM $C
	    WHERE NOT ($(nse "$(jtxt s.profile score)" "$(jtxt o.profile score)")
	    AND $(nse "$(jtxt s.profile note)" "$(jtxt o.profile note)")
	    AND $(nse "$(jtxt s.profile items,0,sku)" "$(jtxt o.profile items,0,sku)")
	    AND $(nse "$(jtxt s.profile address,geo,lng)" "$(jtxt o.profile address,geo,lng)"))"
}

# lengths_ok DB: max(char_length(col)) <= the declared length.
lengths_ok() {
	local sql
	sql=$(q "$1" "$LEN_SQL") && [ -n "$sql" ] || return 1
	none "$1" "SELECT * FROM ($sql) x WHERE x.len > x.declared"
}

# pairs_check DB TABLE COLUMN CMD ARGS...: check.pl CMD ARGS on
# "id, original, scrubbed" of the column.
pairs_check() {
	local db=$1 t=$2 c=$3
	shift 3
	q "$db" "SELECT id, $(hx "o.$c"), $(hx "s.$c") FROM $t s
	    JOIN orig.$t o USING (id) ORDER BY id" |
	    perl "$SCRUB_DIR/check.pl" "$@"
}

# xd_export DB: the scrubbed values the two dialects must agree on, as
# hex (the app's data are the same in both).
xd_export() {
	local db=$1 cols='' c
	for c in email first_name last_name display_name nickname username \
	    phone alt_phone fax birth_date ssn card_number iban "$(ipcol ip)" \
	    last_ip notes vip_note company salary api_token session_key \
	    "$(txt external)" country country_de birth_country city street \
	    zip postal_code password_hash \
	    "$(jtxt profile items,0,email)" "$(jtxt profile address,street)" \
	    "$(jtxt profile tags,0)"; do
		cols="$cols, $(hx "$c")"
	done
	q "$db" "SELECT id$cols FROM customers ORDER BY id" &&
	    q "$db" "SELECT id, $(hx customer_email), $(hx shipping_phone),
		$(hx shipping_name), $(hx coupon), $(hx quantity),
		$(hx created_at) FROM orders ORDER BY id" &&
	    q "$db" "SELECT id, $(hx email) FROM newsletter ORDER BY id" &&
	    q "$db" "SELECT id, loyalty_number, $(hx pin) FROM loyalty_cards
		ORDER BY id"
}
