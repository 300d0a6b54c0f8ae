#!/bin/bash
# tests/real-rulesets.sh - the ready rule sets in rules/ against dumps of
# real framework schemas.
#
# Starts a private PostgreSQL and a private MariaDB server (tests/rig),
# loads the fixtures of tests/rulesets/ (Rails/Devise, Django and an
# assorted schema on PostgreSQL; WordPress/WooCommerce and Magento 2 on
# MariaDB), dumps each with the real tool (pg_dump COPY and --inserts,
# mariadb-dump's extended INSERTs) and, for each dump:
#   check      dumpscrub --check --strict -r RULES exits 0
#   scrub      dumpscrub --strict -r RULES exits 0, says nothing
#   restore    the output loads into a new database without an error,
#              warning or notice (MariaDB in strict mode, so nothing is
#              truncated); the dump's UNIQUE and NOT NULL constraints hold
#   counts     every table has its row count
#   leaks      no original value of a scrubbed column (>= 4 characters,
#              raw or as either dialect escapes it) is in the output
#   changed    no row of a scrubbed column kept its value
#   invariants per-stack queries (distinct counts, joins on scrubbed
#              columns, shapes of fakes) agree with the original
# and, for the generic set, that --check maps each column to the action
# its name calls for and leaves harmless names alone.
# Exit 0 pass, 1 fail, 77 skip (no server; a failure when CI=true).
# KEEP_TMP=1 keeps the temporary directory.

# Check functions run through check() (lib.sh), which shellcheck
# cannot follow.
# shellcheck disable=SC2317

# The harness may run us with /bin/sh.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -eu -o pipefail

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
DUMPSCRUB=${DUMPSCRUB:-$top_builddir/dumpscrub}
R=$top_srcdir/rules
F=$top_srcdir/tests/rulesets

# shellcheck source=tests/lib.sh
. "$top_srcdir/tests/lib.sh"
# shellcheck source=tests/rig/pg.sh
. "$top_srcdir/tests/rig/pg.sh"
# shellcheck source=tests/rig/mariadb.sh
. "$top_srcdir/tests/rig/mariadb.sh"
# shellcheck source=tests/rig/checks.sh
. "$top_srcdir/tests/rig/checks.sh"
# shellcheck source=tests/rig/mkdumps.sh
. "$top_srcdir/tests/rig/mkdumps.sh"

need_cmd grep perl awk sort comm cmp diff sed
command -v "$DUMPSCRUB" >/dev/null || fail "DUMPSCRUB not found: $DUMPSCRUB"

# A fixed key: runs are reproducible.
DUMPFILTERS_KEY='real-rulesets fixed test key, not a secret'
export DUMPFILTERS_KEY
export LC_ALL=C

tmpdir T
# The server runs as another user when we are root: let it reach T/pg.
chmod 711 "$T"
D=$T/dumps
W=$T/work
mkdir -p "$D" "$W"

pg_start "$T/pg"
my_start "$T/my"
echo "# servers up after ${SECONDS}s"

###
### Loading and dumping
###

# pg_load DB FIXTURE: create DB from a fixture file, dump it as
# D/DB-copy.sql and D/DB-inserts.sql, count its rows.
pg_load() {
	local db=$1 fx=$2
	createdb "$db" || fail "createdb $db"
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$fx" >"$W/$db.load" 2>&1 || {
		sed 's/^/# /' "$W/$db.load" >&2
		fail "loading $fx"
	}
	pg_dump -d "$db" -f "$D/$db-copy.sql" || fail "pg_dump $db"
	pg_dump --inserts -d "$db" -f "$D/$db-inserts.sql" ||
	    fail "pg_dump --inserts $db"
	pg_counts "$db" >"$D/$db.counts" || fail "counting rows of $db"
}

# my_load DB FIXTURE: the same for MariaDB; one dump, D/DB-default.sql.
my_load() {
	local db=$1 fx=$2
	my_client -e "CREATE DATABASE $db CHARACTER SET utf8mb4" ||
	    fail "CREATE DATABASE $db"
	my_client --default-character-set=utf8mb4 "$db" <"$fx" \
	    >"$W/$db.load" 2>&1 || {
		sed 's/^/# /' "$W/$db.load" >&2
		fail "loading $fx"
	}
	my_dump --default-character-set=utf8mb4 --routines --triggers \
	    "$db" >"$D/$db-default.sql" || fail "mariadb-dump $db"
	my_counts "$db" >"$D/$db.counts" || fail "counting rows of $db"
}

pg_load rails "$F/rails.pg.sql"
pg_load django "$F/django.pg.sql"
pg_load generic "$F/generic.pg.sql"
my_load wordpress "$F/wordpress.mysql.sql"
my_load magento2 "$F/magento2.mysql.sql"
echo "# fixtures loaded and dumped after ${SECONDS}s"

# Rules files of the test: the ready sets combined as the headers say.
cat >"$W/rails-generic.rules" <<EOF
include "$R/rails-devise.rules"
include "$R/generic-pii.rules"
EOF
# The generic set with the decisions its header asks for: the catalog
# tables are safe, and customers.is_mobile (a boolean --strict flags for
# "mobile", which generic-pii leaves alone) is kept.
cat >"$W/generic.rules" <<EOF
table customers { is_mobile keep }
include "$R/generic-pii.rules"
safe products, file_uploads
EOF

###
### What each rule set scrubs
###

# spec_STACK: one line per scrubbed column, fields separated by '|':
#   table | primary key | column | condition on the original row (SQL of
#   the dialect; the rows the rule rewrites) | flags
# flags: u  injective: the number of distinct values is kept
#        s  skip the "changed" check (a short digit string may map to
#           itself, a noise factor may round to 1)
#        g  skip the leak grep (dates and 4-digit strings: a shifted date
#           or a fake may equal another row's original)
# Identifiers are written as SQL needs them.

spec_rails() {
	cat <<-'EOF'
	public.users|id|email|true|u
	public.users|id|encrypted_password|true|
	public.users|id|reset_password_token|true|
	public.users|id|confirmation_token|true|
	public.users|id|unlock_token|true|
	public.users|id|invitation_token|true|
	public.users|id|unconfirmed_email|true|u
	public.users|id|current_sign_in_ip|true|
	public.users|id|last_sign_in_ip|true|
	public.active_storage_blobs|id|filename|true|
	EOF
}

spec_django() {
	cat <<-'EOF'
	public.auth_user|id|username|true|u
	public.auth_user|id|email|email <> ''|u
	public.auth_user|id|first_name|true|
	public.auth_user|id|last_name|true|
	public.auth_user|id|password|true|
	public.django_session|session_key|session_key|true|u
	public.django_session|session_key|session_data|true|
	public.django_admin_log|id|object_repr|true|
	public.django_admin_log|id|change_message|change_message LIKE '%"object"%'|
	public.authtoken_token|user_id|key|true|u
	public.account_emailaddress|id|email|true|u
	EOF
}

spec_generic() {
	cat <<-'EOF'
	public.customers|id|first_name|true|
	public.customers|id|last_name|true|
	public.customers|id|email|true|u
	public.customers|id|phone|true|u
	public.customers|id|mobile_phone|true|u
	public.customers|id|date_of_birth|true|g
	public.customers|id|street_address|true|
	public.customers|id|address_line_2|true|
	public.customers|id|city|true|
	public.customers|id|zip_code|true|
	public.customers|id|ssn|true|u
	public.customers|id|iban|true|
	public.customers|id|notes|notes LIKE '%@%'|
	public.payments|id|card_number|true|
	public.payments|id|cvv|true|s
	public.payments|id|billing_name|true|
	crm."Employees"|"Id"|"FirstName"|true|
	crm."Employees"|"Id"|"LastName"|true|
	crm."Employees"|"Id"|"EmailAddress"|true|u
	crm."Employees"|"Id"|"PhoneNumber"|true|u
	crm."Employees"|"Id"|"BirthDate"|true|g
	crm."Employees"|"Id"|"Salary"|true|s
	crm."Employees"|"Id"|"PassportNumber"|true|u
	crm."Employees"|"Id"|"TaxNumber"|true|u
	public.login_events|id|user_email|true|
	public.login_events|id|ip_address|true|
	public.login_events|id|user_agent|true|
	public.login_events|id|api_token|true|u
	public.contacts|id|name|true|
	public.contacts|id|company_name|true|
	public.contacts|id|fax|true|u
	public.contacts|id|postcode|true|
	EOF
}

spec_wordpress() {
	cat <<-'EOF'
	wp_users|ID|user_login|true|u
	wp_users|ID|user_pass|true|
	wp_users|ID|user_nicename|true|u
	wp_users|ID|user_email|true|u
	wp_users|ID|user_url|user_url <> ''|
	wp_users|ID|user_activation_key|true|
	wp_users|ID|display_name|true|
	wp_usermeta|umeta_id|meta_value|meta_key IN ('nickname', 'first_name', 'last_name', 'description', 'session_tokens', 'community-events-location') OR meta_key LIKE 'billing\_%' AND meta_key NOT IN ('billing_country', 'billing_state') OR meta_key LIKE 'shipping\_%'|
	wp_comments|comment_ID|comment_author|true|
	wp_comments|comment_ID|comment_author_email|true|u
	wp_comments|comment_ID|comment_author_url|true|
	wp_comments|comment_ID|comment_author_IP|true|
	wp_comments|comment_ID|comment_agent|true|
	wp_comments|comment_ID|comment_content|comment_content LIKE '%@%'|
	wp_commentmeta|meta_id|meta_value|meta_key LIKE 'akismet\_%' AND meta_key <> 'akismet_result'|
	wp_options|option_id|option_value|option_name IN ('admin_email', 'new_admin_email', 'mailserver_login', 'mailserver_pass', 'recovery_keys', 'woocommerce_email_from_address', 'woocommerce_stock_email_recipient')|
	wp_postmeta|meta_id|meta_value|meta_key LIKE '\_billing\_%' OR meta_key LIKE '\_shipping\_%' OR meta_key LIKE '\_customer\_%'|
	wp_wc_orders|id|billing_email|true|u
	wp_wc_orders|id|ip_address|true|
	wp_wc_orders|id|user_agent|true|
	wp_wc_orders|id|customer_note|customer_note LIKE '%@%'|
	wp_wc_order_addresses|id|first_name|true|
	wp_wc_order_addresses|id|last_name|true|
	wp_wc_order_addresses|id|company|true|
	wp_wc_order_addresses|id|address_1|true|
	wp_wc_order_addresses|id|address_2|true|
	wp_wc_order_addresses|id|city|true|
	wp_wc_order_addresses|id|postcode|true|
	wp_wc_order_addresses|id|email|true|u
	wp_wc_order_addresses|id|phone|true|
	wp_wc_order_operational_data|id|order_key|true|u
	wp_wc_customer_lookup|customer_id|username|true|
	wp_wc_customer_lookup|customer_id|first_name|true|
	wp_wc_customer_lookup|customer_id|last_name|true|
	wp_wc_customer_lookup|customer_id|email|true|u
	wp_wc_customer_lookup|customer_id|postcode|true|
	wp_wc_customer_lookup|customer_id|city|true|
	wp_woocommerce_sessions|session_id|session_value|true|
	EOF
}

spec_magento2() {
	cat <<-'EOF'
	customer_entity|entity_id|email|true|u
	customer_entity|entity_id|firstname|true|
	customer_entity|entity_id|middlename|true|
	customer_entity|entity_id|lastname|true|
	customer_entity|entity_id|dob|true|g
	customer_entity|entity_id|password_hash|true|
	customer_entity|entity_id|rp_token|true|
	customer_entity|entity_id|confirmation|true|u
	customer_entity|entity_id|taxvat|true|u
	customer_address_entity|entity_id|firstname|true|
	customer_address_entity|entity_id|middlename|true|
	customer_address_entity|entity_id|lastname|true|
	customer_address_entity|entity_id|company|true|
	customer_address_entity|entity_id|street|true|
	customer_address_entity|entity_id|city|true|
	customer_address_entity|entity_id|postcode|true|
	customer_address_entity|entity_id|telephone|true|
	customer_address_entity|entity_id|fax|true|
	customer_address_entity|entity_id|vat_id|true|u
	customer_grid_flat|entity_id|name|true|
	customer_grid_flat|entity_id|email|true|u
	customer_grid_flat|entity_id|dob|true|g
	customer_grid_flat|entity_id|taxvat|true|u
	customer_grid_flat|entity_id|shipping_full|true|
	customer_grid_flat|entity_id|billing_full|true|
	customer_grid_flat|entity_id|billing_firstname|true|
	customer_grid_flat|entity_id|billing_lastname|true|
	customer_grid_flat|entity_id|billing_telephone|true|
	customer_grid_flat|entity_id|billing_postcode|true|
	customer_grid_flat|entity_id|billing_street|true|
	customer_grid_flat|entity_id|billing_city|true|
	customer_grid_flat|entity_id|billing_fax|true|
	customer_grid_flat|entity_id|billing_vat_id|true|
	customer_grid_flat|entity_id|billing_company|true|
	quote|entity_id|customer_email|true|u
	quote|entity_id|customer_firstname|true|
	quote|entity_id|customer_lastname|true|
	quote|entity_id|customer_dob|true|g
	quote|entity_id|customer_taxvat|true|
	quote|entity_id|customer_note|true|
	quote|entity_id|remote_ip|true|
	quote|entity_id|password_hash|true|
	quote_address|address_id|email|true|u
	quote_address|address_id|firstname|true|
	quote_address|address_id|lastname|true|
	quote_address|address_id|company|true|
	quote_address|address_id|street|true|
	quote_address|address_id|city|true|
	quote_address|address_id|postcode|true|
	quote_address|address_id|telephone|true|
	quote_address|address_id|fax|true|
	sales_order|entity_id|customer_email|true|u
	sales_order|entity_id|customer_firstname|true|
	sales_order|entity_id|customer_lastname|true|
	sales_order|entity_id|customer_dob|true|g
	sales_order|entity_id|customer_taxvat|true|
	sales_order|entity_id|remote_ip|true|
	sales_order|entity_id|x_forwarded_for|true|
	sales_order|entity_id|customer_note|true|
	sales_order_address|entity_id|email|true|u
	sales_order_address|entity_id|firstname|true|
	sales_order_address|entity_id|lastname|true|
	sales_order_address|entity_id|company|true|
	sales_order_address|entity_id|street|true|
	sales_order_address|entity_id|city|true|
	sales_order_address|entity_id|postcode|true|
	sales_order_address|entity_id|telephone|true|
	sales_order_grid|entity_id|customer_email|true|u
	sales_order_grid|entity_id|customer_name|true|
	sales_order_grid|entity_id|billing_name|true|
	sales_order_grid|entity_id|shipping_name|true|
	sales_order_grid|entity_id|billing_address|true|
	sales_order_grid|entity_id|shipping_address|true|
	sales_order_payment|entity_id|cc_owner|true|
	sales_order_payment|entity_id|cc_last_4|true|sg
	sales_order_payment|entity_id|cc_number_enc|true|
	sales_order_payment|entity_id|additional_information|additional_information LIKE '%payer_email%'|
	newsletter_subscriber|subscriber_id|subscriber_email|true|u
	newsletter_subscriber|subscriber_id|subscriber_confirm_code|true|u
	admin_user|user_id|firstname|true|
	admin_user|user_id|lastname|true|
	admin_user|user_id|email|true|u
	admin_user|user_id|username|true|u
	admin_user|user_id|password|true|
	admin_user|user_id|rp_token|true|
	core_config_data|config_id|value|path LIKE '%/email' OR path LIKE '%recipient_email'|
	EOF
}

# invariants_STACK: queries whose results must be the same on the
# original and on the restored scrubbed database, one per line.
invariants_rails() {
	cat <<-'EOF'
	SELECT count(*) FROM users WHERE current_sign_in_ip IS NULL
	SELECT count(*) FROM users WHERE last_sign_in_ip IS NULL
	SELECT count(*), sum(sign_in_count), min(created_at), max(confirmed_at) FROM users
	SELECT count(*) FROM users WHERE unconfirmed_email IS NULL
	SELECT string_agg(content_type, ',' ORDER BY id) FROM active_storage_blobs
	EOF
}
# post_STACK: queries that must print 0 on the restored scrubbed database.
post_rails() {
	cat <<-'EOF'
	SELECT count(*) FROM users WHERE email !~ '@example\.(com|net|org)$'
	SELECT count(*) FROM users WHERE encrypted_password <> '$2a$12$DumpfiltersKnownPasswev/y7M19rIeZkYcS6zXcWyh4.TRPs6jW'
	SELECT count(*) FROM users WHERE coalesce(reset_password_token, confirmation_token, unlock_token, invitation_token) IS NOT NULL
	SELECT count(*) FROM users WHERE family(current_sign_in_ip) <> 4 OR family(last_sign_in_ip) <> 4
	SELECT count(*) FROM active_storage_blobs WHERE filename !~ '^file(\.[A-Za-z0-9]{1,10})?$'
	SELECT count(*) FROM action_text_rich_texts WHERE body ~ '@' AND body !~ 'user@example\.com'
	EOF
}

invariants_django() {
	cat <<-'EOF'
	SELECT count(*) FROM auth_user u JOIN account_emailaddress e ON e.email = u.email AND e.user_id = u.id
	SELECT count(*) FROM django_admin_log WHERE change_message = ''
	SELECT count(*), min(expire_date) FROM django_session
	EOF
}
post_django() {
	cat <<-'EOF'
	SELECT count(*) FROM auth_user WHERE password <> 'pbkdf2_sha256$600000$dumpfiltersdev$2ttcH7T8fK1yHz+KBgquljHRk0AekQgU9S5PT8qiC70='
	SELECT count(*) FROM auth_user WHERE email <> '' AND email !~ '@example\.(com|net|org)$'
	SELECT count(*) FROM django_session WHERE session_data <> '' OR session_key !~ '^[0-9a-f]{32}$'
	SELECT count(*) FROM authtoken_token WHERE key !~ '^[0-9a-f]{40}$'
	SELECT count(*) FROM django_admin_log WHERE change_message ~ '^\[' AND change_message::jsonb IS NULL
	EOF
}

invariants_generic() {
	cat <<-'EOF'
	SELECT string_agg(name || '/' || sku || '/' || description || '/' || price, ',' ORDER BY id) FROM products
	SELECT string_agg(file_name || '/' || hostname || '/' || zip_archive, ',' ORDER BY id) FROM file_uploads
	SELECT count(*) FILTER (WHERE is_mobile), string_agg(country, '' ORDER BY id) FROM customers
	SELECT sum(amount) FROM payments
	SELECT string_agg(length(card_number)::text || length(coalesce(cvv, '')), ',' ORDER BY id) FROM payments
	SELECT count(*) FROM login_events l JOIN customers c ON c.email = l.user_email
	SELECT string_agg(length(iban)::text, ',' ORDER BY id) FROM customers
	EOF
}
post_generic() {
	cat <<-'EOF'
	SELECT count(*) FROM customers WHERE email !~ '@example\.(com|net|org)$'
	SELECT count(*) FROM customers WHERE iban !~ '^GB[0-9]{2}\*+[0-9]{4}$'
	SELECT count(*) FROM payments WHERE card_number !~ '^[0-9 ]+$'
	SELECT count(*) FROM crm."Employees" WHERE "Salary" < 30000 * 0.9 OR "Salary" > (30000 + 120 * 123.45) * 1.1
	SELECT count(*) FROM login_events WHERE family(ip_address) <> 4 OR user_agent <> 'Mozilla/5.0 (scrubbed)'
	EOF
}

invariants_wordpress() {
	cat <<-'EOF'
	SELECT COUNT(*) FROM wp_users u JOIN wp_usermeta m ON m.user_id = u.ID AND m.meta_key = 'nickname' AND BINARY m.meta_value = BINARY u.user_login
	SELECT COUNT(*), SUM(user_url = '') FROM wp_users
	SELECT COUNT(*), SUM(comment_author_IP = ''), SUM(comment_author_url = ''), SUM(comment_author_email = '') FROM wp_comments
	SELECT MD5(GROUP_CONCAT(meta_value ORDER BY umeta_id SEPARATOR '|')) FROM wp_usermeta WHERE meta_key IN ('rich_editing', 'wp_capabilities', 'billing_country', 'billing_state')
	SELECT MD5(GROUP_CONCAT(post_content, post_title, post_password ORDER BY ID SEPARATOR '|')) FROM wp_posts
	SELECT MD5(GROUP_CONCAT(option_name, option_value ORDER BY option_id SEPARATOR '|')) FROM wp_options WHERE option_name NOT IN ('admin_email', 'new_admin_email', 'mailserver_login', 'mailserver_pass', 'recovery_keys', 'woocommerce_email_from_address', 'woocommerce_stock_email_recipient')
	SELECT MD5(GROUP_CONCAT(name, slug ORDER BY term_id SEPARATOR '|')) FROM wp_terms
	SELECT COUNT(*) FROM wp_wc_orders o JOIN wp_wc_order_addresses a ON a.order_id = o.id AND a.email = o.billing_email
	EOF
}
post_wordpress() {
	cat <<-'EOF'
	SELECT COUNT(*) FROM wp_users WHERE user_pass <> '$P$BDumpFiltBInqdQ9AMK9UIszbgTc5I/' OR user_email NOT REGEXP '@example\\.(com|net|org)$'
	SELECT COUNT(*) FROM wp_comments WHERE comment_author_IP <> '' AND comment_author_IP NOT REGEXP '^[0-9]{1,3}(\\.[0-9]{1,3}){3}$'
	SELECT COUNT(*) FROM wp_usermeta WHERE meta_key IN ('session_tokens', 'community-events-location') AND meta_value <> 'a:0:{}'
	SELECT COUNT(*) FROM wp_usermeta WHERE meta_key = 'description' AND meta_value <> ''
	EOF
}

invariants_magento2() {
	cat <<-'EOF'
	SELECT COUNT(*) FROM sales_order o JOIN customer_entity c ON c.entity_id = o.customer_id AND BINARY c.email = BINARY o.customer_email
	SELECT COUNT(*) FROM customer_entity a JOIN customer_entity b ON BINARY a.email = BINARY b.email AND a.website_id < b.website_id
	SELECT COUNT(*) FROM customer_grid_flat g JOIN customer_entity c ON c.entity_id = g.entity_id AND BINARY c.email = BINARY g.email AND c.dob <=> g.dob
	SELECT COUNT(*) FROM newsletter_subscriber n JOIN customer_entity c ON c.entity_id = n.customer_id AND BINARY c.email = BINARY n.subscriber_email
	SELECT SUM(gender), SUM(region_id), COUNT(*) FROM customer_entity c JOIN customer_address_entity a ON a.parent_id = c.entity_id
	SELECT MD5(GROUP_CONCAT(path, IFNULL(value, '-') ORDER BY config_id SEPARATOR '|')) FROM core_config_data WHERE path NOT LIKE '%email'
	SELECT MD5(GROUP_CONCAT(value ORDER BY value_id SEPARATOR '|')) FROM catalog_product_entity_varchar
	SELECT COUNT(*) FROM sales_order_payment WHERE additional_information LIKE '%paypal_payer_id%'
	EOF
}
post_magento2() {
	cat <<-'EOF'
	SELECT COUNT(*) FROM customer_entity WHERE password_hash <> '07bb9f60f29d03a7a6ef24bde67da325d2a717d72ecddc6ed89960e6a15c3655:DumpfiltersKnownDevPasswordSalt0:1' OR rp_token IS NOT NULL
	SELECT COUNT(*) FROM customer_entity WHERE email NOT REGEXP '@example\\.(com|net|org)$'
	SELECT COUNT(*) FROM sales_order WHERE x_forwarded_for IS NOT NULL OR remote_ip NOT REGEXP '^[0-9]{1,3}(\\.[0-9]{1,3}){3}$'
	SELECT COUNT(*) FROM admin_user WHERE CHAR_LENGTH(username) > 40
	EOF
}

###
### Helpers
###

# patterns: read values escaped as COPY text (one per line) and print
# the grep -F patterns that find each in a dump: the raw value, its pg
# COPY, SQL-standard and MySQL escapings; for a value with a line break,
# its longest line instead of the raw form.  Patterns shorter than 4
# characters are left out.
patterns() {
	perl -ne '
	BEGIN { %e = (b => "\b", f => "\f", n => "\n", r => "\r", t => "\t",
	    v => "\x0b", "0" => "\0") }
	chomp;
	(my $v = $_) =~ s/\\(.)/exists $e{$1} ? $e{$1} : $1/ge;
	my @p;
	if ($v =~ /[\n\r]/) {
		my ($long) = sort { length($b) <=> length($a) } split /[\r\n]+/, $v;
		push @p, $long if defined $long && length($long) >= 10;
	} else {
		push @p, $v;
	}
	(my $copy = $v) =~ s/([\\\t\n\r])/$1 eq "\\" ? "\\\\" : $1 eq "\t" ? "\\t" : $1 eq "\n" ? "\\n" : "\\r"/ge;
	(my $sql = $v) =~ s/\x27/\x27\x27/g;
	(my $my = $v) =~ s/([\\\x27"\n\r\0\x1a])/"\\" . ($1 eq "\n" ? "n" : $1 eq "\r" ? "r" : $1 eq "\0" ? "0" : $1 eq "\x1a" ? "Z" : $1)/ge;
	push @p, $copy, $my;
	push @p, $sql unless $sql =~ /[\n\r]/;
	for (@p) { print "$_\n" if length($_) >= 4 && !$seen{$_}++ }
	'
}

# grep_none WHAT PATTERNS FILE: no line of FILE contains a pattern.
grep_none() {
	local what=$1 pats=$2 f=$3 hits
	[ -s "$pats" ] || { echo "# $what: no patterns" >&2; return 1; }
	hits=$(grep -c -F -f "$pats" -- "$f") || true
	[ "$hits" = 0 ] && return 0
	printf '# %s: %s lines hold original values, e.g.:\n' "$what" "$hits" >&2
	grep -o -F -f "$pats" -- "$f" | sort | uniq -c | sort -rn | head -n 5 |
	    cut -c1-160 | sed 's/^/#   /' >&2
	return 1
}

# strict_scrub OUT RULES DUMP: dumpscrub --strict succeeds and says
# nothing on stderr.
strict_scrub() {
	local out=$1 rules=$2 dump=$3
	run_to "$out" "$DUMPSCRUB" --strict -r "$rules" "$dump" || return 1
	if [ -s "$out.err" ]; then
		echo "# dumpscrub --strict -r $rules $dump wrote on stderr:" >&2
		head -n 5 "$out.err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
}

# scrubbed LABEL OUT RULES DUMP: check strict_scrub; when it fails, say
# that the checks of its output did not run and return 1.
scrubbed() {
	local label=$1
	shift
	if strict_scrub "$@"; then
		check "$label: scrub --strict" true
		return 0
	fi
	check "$label: scrub --strict" false
	check "$label: checks of the output (not run: no output)" false
	return 1
}

# check_rules OUT RULES DUMP: dumpscrub --check --strict exits 0.
check_rules() {
	local out=$1 rules=$2 dump=$3
	run_to "$out" "$DUMPSCRUB" --check --strict -r "$rules" "$dump" ||
	    return 1
	[ -s "$out" ] || { echo "# --check printed nothing" >&2; return 1; }
}

# --- PostgreSQL

pg_q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$@"; }

pg_restore_into() {
	local db=$1 f=$2 err=$3
	dropdb --if-exists "$db" 2>/dev/null
	createdb "$db" || return 1
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$f" >/dev/null 2>"$err" || {
		echo "# psql -f $f failed:" >&2
		head -n 10 "$err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	}
	if [ -s "$err" ]; then
		echo "# psql -f $f complained:" >&2
		head -n 10 "$err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
}

# pg_leaks SRC SPEC OUT DUMP
pg_leaks() {
	local src=$1 spec=$2 out=$3 dump=$4 t pk c w fl
	: >"$out.vals"
	while IFS='|' read -r t pk c w fl; do
		case $fl in *g*) continue ;; esac
		pg_q "$src" -c "COPY (SELECT DISTINCT format('%s', $c) FROM $t
		    WHERE $c IS NOT NULL AND char_length(format('%s', $c)) >= 4
		    AND ($w)) TO STDOUT" >>"$out.vals" || return 1
	done <"$spec"
	patterns <"$out.vals" >"$out.pats" || return 1
	grep_none "originals in $(basename "$dump")" "$out.pats" "$dump"
}

# same_rows WHAT A B: A and B hold "key<TAB>md5" lines of the original
# and the scrubbed rows.  No row of A may keep its md5 in B; with FLAGS
# holding u, the rows of A must have as many distinct md5s in B as in A.
same_rows() {
	local what=$1 a=$2 b=$3 flags=$4 n
	sort -t "$(printf '\t')" -k1,1 -o "$a" "$a" &&
	    sort -t "$(printf '\t')" -k1,1 -o "$b" "$b" || return 1
	join -t "$(printf '\t')" "$a" "$b" >"$a.join" || return 1
	case $flags in *s*) ;; *)
		n=$(awk -F '\t' '$2 == $3' "$a.join" | wc -l)
		if [ "$n" != 0 ]; then
			echo "# $what: $n rows kept their value" >&2
			return 1
		fi
	esac
	case $flags in *u*)
		n=$(awk -F '\t' '{ a[$2]; b[$3] } END {
		    na = 0; for (k in a) na++; nb = 0; for (k in b) nb++
		    if (na != nb) print na " distinct values became " nb }' \
		    "$a.join")
		if [ -n "$n" ]; then
			echo "# $what: $n" >&2
			return 1
		fi
	esac
	return 0
}

# pg_changed SRC DST SPEC OUT: same_rows for every column of SPEC.
pg_changed() {
	local src=$1 dst=$2 spec=$3 out=$4 t pk c w fl err=0
	while IFS='|' read -r t pk c w fl; do
		pg_q "$src" -c "COPY (SELECT $pk, md5(format('%s', $c))
		    FROM $t WHERE $c IS NOT NULL AND format('%s', $c) <> ''
		    AND ($w)) TO STDOUT" >"$out.a" || return 1
		pg_q "$dst" -c "COPY (SELECT $pk, md5(format('%s', $c))
		    FROM $t) TO STDOUT" >"$out.b" || return 1
		same_rows "$t.$c" "$out.a" "$out.b" "$fl" || err=1
	done <"$spec"
	return "$err"
}

# counts_same COUNTER DB WANT OUT: COUNTER DB > OUT == WANT.
counts_same() {
	"$1" "$2" >"$4" || return 1
	same_text "row counts of $2" "$3" "$4"
}

# forms_alike DB1 DB2 OUT: the data of two databases is the same (no
# \restrict lines: their key is random per run).
forms_alike() {
	pg_dump --data-only -d "$1" | grep -Ev '^\\(un)?restrict ' >"$3.1" ||
	    return 1
	pg_dump --data-only -d "$2" | grep -Ev '^\\(un)?restrict ' >"$3.2" ||
	    return 1
	same_text "data of $1 and $2" "$3.1" "$3.2"
}

# sql_same SRC DST QUERIES RUNNER: each query prints the same on both.
sql_same() {
	local src=$1 dst=$2 qs=$3 run=$4 q a b err=0
	while IFS= read -r q; do
		a=$("$run" "$src" -c "$q") || return 1
		b=$("$run" "$dst" -c "$q") || return 1
		if [ "$a" != "$b" ]; then
			printf '# %s\n#   original: %s\n#   scrubbed: %s\n' \
			    "$q" "$a" "$b" | cut -c1-300 >&2
			err=1
		fi
	done <"$qs"
	return "$err"
}

# sql_zero DB QUERIES RUNNER: each query prints 0.
sql_zero() {
	local db=$1 qs=$2 run=$3 q a err=0
	while IFS= read -r q; do
		a=$("$run" "$db" -c "$q") || return 1
		if [ "$a" != 0 ]; then
			printf '# %s\n#   printed %s, expected 0\n' "$q" "$a" |
			    cut -c1-300 >&2
			err=1
		fi
	done <"$qs"
	return "$err"
}

# pg_stack LABEL SRCDB RULES STACK [FORMS]: every check on the pg dump
# forms FORMS (default "copy inserts").
pg_stack() {
	local label=$1 src=$2 rules=$3 stack=$4 forms=${5:-copy inserts} \
	    form dump out dst
	"spec_$stack" >"$W/$label.spec"
	"invariants_$stack" >"$W/$label.inv"
	"post_$stack" >"$W/$label.post"
	for form in $forms; do
		dump=$D/$src-$form.sql
		out=$W/$label-$form
		dst=${label//-/_}_${form}_scrubbed
		check "$label $form: --check --strict" check_rules "$out.check" \
		    "$rules" "$dump"
		if ! scrubbed "$label $form" "$out.sql" "$rules" "$dump"; then
			continue
		fi
		check "$label $form: restore" pg_restore_into "$dst" \
		    "$out.sql" "$out.restore.err"
		check "$label $form: row counts" counts_same pg_counts "$dst" \
		    "$D/$src.counts" "$out.counts"
		check "$label $form: no original value in the output" pg_leaks \
		    "$src" "$W/$label.spec" "$out.leak" "$out.sql"
		check "$label $form: every scrubbed value changed" pg_changed \
		    "$src" "$dst" "$W/$label.spec" "$out.chg"
		check "$label $form: invariants" sql_same "$src" "$dst" \
		    "$W/$label.inv" pg_q
		check "$label $form: shapes of fakes" sql_zero "$dst" \
		    "$W/$label.post" pg_q
	done
	# Same key, same values: both forms restore to the same data.
	[ "$forms" = "copy inserts" ] || return 0
	check "$label: copy and inserts scrub alike" forms_alike \
	    "${label//-/_}_copy_scrubbed" "${label//-/_}_inserts_scrubbed" \
	    "$W/$label.data"
}

# --- MariaDB

my_q() {
	local db=$1
	shift
	[ "$1" = -c ] && shift
	my_client --default-character-set=utf8mb4 -N -B "$db" -e "$1"
}

# my_restore_into DB FILE ERR: load FILE in strict mode (the dump's own
# SQL_MODE line turns it off: put it back), so that a value too long for
# its column is an error, not a silent truncation.
my_restore_into() {
	local db=$1 f=$2 err=$3
	my_client -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4" ||
	    return 1
	sed "s/SQL_MODE='NO_AUTO_VALUE_ON_ZERO'/SQL_MODE='NO_AUTO_VALUE_ON_ZERO,STRICT_ALL_TABLES'/" \
	    "$f" >"$f.strict" || return 1
	grep -q "STRICT_ALL_TABLES" "$f.strict" || {
		echo "# $f: no SQL_MODE line to make strict" >&2
		return 1
	}
	my_client --default-character-set=utf8mb4 "$db" <"$f.strict" \
	    >/dev/null 2>"$err" || {
		echo "# mariadb $db <$f failed:" >&2
		head -n 10 "$err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	}
	if [ -s "$err" ]; then
		echo "# mariadb $db <$f complained:" >&2
		head -n 10 "$err" | cut -c1-300 | sed 's/^/#   /' >&2
		return 1
	fi
}

# my_leaks SRC SPEC OUT DUMP (values printed by -B are escaped like COPY)
my_leaks() {
	local src=$1 spec=$2 out=$3 dump=$4 t pk c w fl
	: >"$out.vals"
	while IFS='|' read -r t pk c w fl; do
		case $fl in *g*) continue ;; esac
		my_q "$src" "SELECT DISTINCT \`$c\` FROM \`$t\` WHERE \`$c\` IS NOT NULL
		    AND CHAR_LENGTH(\`$c\`) >= 4 AND ($w)" >>"$out.vals" ||
		    return 1
	done <"$spec"
	patterns <"$out.vals" >"$out.pats" || return 1
	grep_none "originals in $(basename "$dump")" "$out.pats" "$dump"
}

my_changed() {
	local src=$1 dst=$2 spec=$3 out=$4 t pk c w fl err=0
	while IFS='|' read -r t pk c w fl; do
		my_q "$src" "SELECT \`$pk\`, MD5(\`$c\`) FROM \`$t\`
		    WHERE \`$c\` IS NOT NULL AND \`$c\` <> '' AND ($w)" \
		    >"$out.a" || return 1
		my_q "$dst" "SELECT \`$pk\`, MD5(\`$c\`) FROM \`$t\`" \
		    >"$out.b" || return 1
		same_rows "$t.$c" "$out.a" "$out.b" "$fl" || err=1
	done <"$spec"
	return "$err"
}

# my_stack LABEL SRCDB RULES STACK
my_stack() {
	local label=$1 src=$2 rules=$3 stack=$4 dump out dst
	"spec_$stack" >"$W/$label.spec"
	"invariants_$stack" >"$W/$label.inv"
	"post_$stack" >"$W/$label.post"
	dump=$D/$src-default.sql
	out=$W/$label-default
	dst=${label//-/_}_scrubbed
	check "$label: --check --strict" check_rules "$out.check" "$rules" "$dump"
	scrubbed "$label" "$out.sql" "$rules" "$dump" || return 0
	check "$label: restore (strict mode)" my_restore_into "$dst" \
	    "$out.sql" "$out.restore.err"
	check "$label: row counts" counts_same my_counts "$dst" \
	    "$D/$src.counts" "$out.counts"
	check "$label: no original value in the output" my_leaks "$src" \
	    "$W/$label.spec" "$out.leak" "$out.sql"
	check "$label: every scrubbed value changed" my_changed "$src" "$dst" \
	    "$W/$label.spec" "$out.chg"
	check "$label: invariants" sql_same "$src" "$dst" "$W/$label.inv" my_q
	check "$label: shapes of fakes" sql_zero "$dst" "$W/$label.post" my_q
}

###
### The checks
###

pg_stack rails rails "$R/rails-devise.rules" rails
pg_stack rails-generic rails "$W/rails-generic.rules" rails copy
pg_stack django django "$R/django.rules" django
pg_stack generic generic "$W/generic.rules" generic
echo "# PostgreSQL stacks done after ${SECONDS}s"

# rules_of CHECKTSV TABLE COLUMN: "action rule-file" of a --check line.
rules_of() {
	awk -F '\t' -v t="$2" -v c="$3" '$1 == t && $2 == c {
	    r = $5; sub(/:[0-9]+$/, "", r); n = split(r, p, "/");
	    print $4, p[n] }' "$1"
}

# With both sets included, the Devise table block wins over generic-pii's
# column statements for the columns it names.
generic_precedence() {
	local tsv=$W/rails-generic-copy.check got err=0 c
	for c in email encrypted_password reset_password_token \
	    current_sign_in_ip; do
		got=$(rules_of "$tsv" public.users "$c")
		case $got in
		*" rails-devise.rules") ;;
		*)
			echo "# public.users.$c: covered by \"$got\", expected rails-devise.rules" >&2
			err=1
			;;
		esac
	done
	return "$err"
}
check "rails-generic: Devise's table block wins" generic_precedence

# generic-pii on the assorted schema: the action each name calls for, and
# harmless names left alone ("-").
generic_actions() {
	local tsv=$W/generic-alone.check err=0 t c want got
	run_to "$tsv" "$DUMPSCRUB" --check -r "$R/generic-pii.rules" \
	    "$D/generic-copy.sql" || return 1
	while read -r t c want; do
		got=$(rules_of "$tsv" "$t" "$c")
		got=${got%% *}
		if [ "$got" != "$want" ]; then
			echo "# $t.$c: action \"$got\", expected \"$want\"" >&2
			err=1
		fi
	done <<-'EOF'
	public.customers first_name first_name
	public.customers last_name last_name
	public.customers email email
	public.customers phone phone
	public.customers mobile_phone phone
	public.customers date_of_birth date_shift
	public.customers street_address street
	public.customers address_line_2 street
	public.customers city city
	public.customers zip_code zip
	public.customers ssn digits
	public.customers iban partial
	public.customers notes replace
	public.customers country -
	public.customers is_mobile -
	public.customers created_at -
	public.payments card_number credit_card
	public.payments cvv digits
	public.payments billing_name full_name
	public.payments amount -
	crm.Employees FirstName first_name
	crm.Employees LastName last_name
	crm.Employees EmailAddress email
	crm.Employees PhoneNumber phone
	crm.Employees BirthDate date_shift
	crm.Employees Salary noise
	crm.Employees PassportNumber digits
	crm.Employees TaxNumber digits
	public.login_events user_email email
	public.login_events ip_address ipv4
	public.login_events user_agent set
	public.login_events api_token hash
	public.contacts name full_name
	public.contacts company_name company
	public.contacts fax phone
	public.contacts postcode zip
	public.products name -
	public.products description -
	public.file_uploads file_name -
	public.file_uploads hostname -
	public.file_uploads zip_archive -
	EOF
	return "$err"
}
check "generic: column statements match the intended names only" generic_actions

my_stack wordpress wordpress "$R/wordpress.rules" wordpress
my_stack magento2 magento2 "$R/magento2.rules" magento2
echo "# done in ${SECONDS}s"
check_done
