/*
 * gendump -- write a synthetic database dump for the benchmarks.
 *
 * usage: gendump pg|mysql SIZE_MB [SEED]
 *
 * Writes to standard output about SIZE_MB * 10^6 bytes of what pg_dump
 * (plain format, PostgreSQL 15.18) or mysqldump (MySQL 8.0, default
 * extended INSERTs) writes for a small web application: tables events,
 * orders, settings and users, in that order as both tools sort them, with
 * the header, the schema, the data and the trailer laid out as the real
 * tools lay them out.  The output restores with psql (pg) or the mysql
 * client into an empty database (mysql; MariaDB too: the collation is
 * utf8mb4_unicode_ci, which both servers know).
 *
 * The bytes are a function of the dialect, SIZE_MB and SEED (default 1)
 * only.  Data bytes are split about 40 % users, 40 % events, 20 % orders.
 * Row counts are fixed before any row is written, from the mean row length
 * of a sample, because pg_dump's sequence values and mysqldump's
 * AUTO_INCREMENT come before the rows; so the size is close to, not
 * exactly, SIZE_MB * 10^6.
 *
 * What a filter's parser meets in the rows: pg COPY text escapes (\t \n
 * \r \\ and \N for NULL), MySQL string escapes as mysql_real_escape_string
 * writes them (\' \" \\ \n \r \0 \Z; a TAB is written raw, as mysqldump
 * does), JSON with escaped quotes, names with apostrophes and non-ASCII
 * letters, empty strings, NULLs, numbers and timestamps, and mysqldump
 * lines of up to net_buffer_length (1 MiB) bytes.
 *
 * Speed matters (1 GB must take a few seconds): splitmix64 for random
 * numbers, every string escaped once at start-up for the chosen dialect,
 * hand-written number formatting, rows built in place in a 4 MiB buffer
 * that is written with one fwrite per fill.
 *
 * Standalone on purpose: ISO C11 and none of the project's headers, so
 * "cc -O2 -o gendump gendump.c" builds it anywhere.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUT_SIZE	(4u << 20)	/* output buffer */
#define ROW_MAX		(16u << 10)	/* rows stay far below, see gen_notes */
#define NET_BUFFER_LENGTH 1047551	/* mysqldump's default: 1 MiB - 1025 */
#define SAMPLE_ROWS	65536		/* rows sampled to size the tables */
#define MAX_MB		100000		/* 100 GB; ids stay below 2^32 */

#define T0		1451606400u	/* 2016-01-01 00:00:00 UTC */
#define SPAN		(10u * 365 * 86400)	/* timestamps span ten years */

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define S(lit)		{ lit, sizeof(lit) - 1 }

enum dialect {
	PG,
	MY
};

/* A string that may hold NUL bytes. */
struct str {
	const char	*s;
	size_t		 n;
};

struct name {
	const char	*name;		/* as stored, may need escaping */
	const char	*slug;		/* ASCII, for e-mail addresses */
};

/* splitmix64: one add, two multiplies; plenty for test data. */
struct rng {
	uint64_t	 s;
};

/* State of one table's generator. */
struct gen {
	struct rng	 r;
	int		 my;		/* 1 for MySQL, 0 for PostgreSQL */
	uint64_t	 nusers;	/* foreign keys point into 1..nusers */
	uint64_t	 step;		/* seconds between consecutive rows */
};

typedef char	*(*row_fn)(struct gen *, char *, uint64_t);

static const char *progname = "gendump";
static enum dialect dialect;

static struct {
	char		*buf;
	char		*p;
	char		*end;
} out;

static const struct name first_names[] = {
	{ "James", "james" }, { "Mary", "mary" }, { "John", "john" },
	{ "Patricia", "patricia" }, { "Robert", "robert" },
	{ "Jennifer", "jennifer" }, { "Michael", "michael" },
	{ "Linda", "linda" }, { "William", "william" },
	{ "Elizabeth", "elizabeth" }, { "David", "david" },
	{ "Barbara", "barbara" }, { "Richard", "richard" },
	{ "Susan", "susan" }, { "Joseph", "joseph" }, { "Jessica", "jessica" },
	{ "Thomas", "thomas" }, { "Sarah", "sarah" }, { "Charles", "charles" },
	{ "Karen", "karen" }, { "Daniel", "daniel" }, { "Nancy", "nancy" },
	{ "Matthew", "matthew" }, { "Lisa", "lisa" }, { "Anthony", "anthony" },
	{ "Betty", "betty" }, { "Mark", "mark" }, { "Margaret", "margaret" },
	{ "Zo\xc3\xab", "zoe" }, { "Jos\xc3\xa9", "jose" },
	{ "Chlo\xc3\xa9", "chloe" }, { "S\xc3\xb8ren", "soren" },
	{ "Bj\xc3\xb6rn", "bjorn" }, { "\xc5\x81ukasz", "lukasz" },
	{ "Siobh\xc3\xa1n", "siobhan" }, { "Ren\xc3\xa9\x65", "renee" },
	{ "Ana", "ana" }, { "Mei", "mei" }, { "Yuki", "yuki" },
	{ "Aarav", "aarav" }, { "Fatima", "fatima" },
	{ "Olusegun", "olusegun" }, { "Priya", "priya" }, { "Wei", "wei" },
	{ "Mohammed", "mohammed" }, { "Sofia", "sofia" }, { "Lucas", "lucas" },
	{ "Emma", "emma" }, { "Noah", "noah" }, { "Olivia", "olivia" },
	{ "Liam", "liam" }, { "Ava", "ava" }, { "Ethan", "ethan" },
	{ "Isabella", "isabella" }, { "Mia", "mia" }, { "Hiroshi", "hiroshi" },
	{ "Ingrid", "ingrid" }, { "Dmitri", "dmitri" }, { "Amara", "amara" },
	{ "Kwame", "kwame" }, { "Lars", "lars" }, { "Nadia", "nadia" },
	{ "Mary Ann", "maryann" }, { "Jean-Luc", "jeanluc" }
};
_Static_assert(NELEM(first_names) == 64, "6 random bits pick a name");

static const struct name last_names[] = {
	{ "Smith", "smith" }, { "Johnson", "johnson" },
	{ "Williams", "williams" }, { "Brown", "brown" }, { "Jones", "jones" },
	{ "Garc\xc3\xad\x61", "garcia" }, { "Miller", "miller" },
	{ "Davis", "davis" }, { "Rodr\xc3\xadguez", "rodriguez" },
	{ "Mart\xc3\xadnez", "martinez" }, { "Hern\xc3\xa1ndez", "hernandez" },
	{ "Lopez", "lopez" }, { "Gonzalez", "gonzalez" },
	{ "Wilson", "wilson" }, { "Anderson", "anderson" },
	{ "Thomas", "thomas" }, { "Taylor", "taylor" }, { "Moore", "moore" },
	{ "Jackson", "jackson" }, { "Martin", "martin" }, { "Lee", "lee" },
	{ "O'Brien", "obrien" }, { "O'Connor", "oconnor" },
	{ "D'Angelo", "dangelo" }, { "M\xc3\xbcller", "muller" },
	{ "Schr\xc3\xb6\x64\x65r", "schroder" }, { "Nguyen", "nguyen" },
	{ "Kim", "kim" }, { "Patel", "patel" }, { "Singh", "singh" },
	{ "Chen", "chen" }, { "Wang", "wang" }, { "Tanaka", "tanaka" },
	{ "Suzuki", "suzuki" }, { "Kowalski", "kowalski" },
	{ "Nowak", "nowak" }, { "Ivanov", "ivanov" }, { "Rossi", "rossi" },
	{ "Bianchi", "bianchi" }, { "Dubois", "dubois" },
	{ "Lef\xc3\xa8vre", "lefevre" }, { "Jensen", "jensen" },
	{ "Hansen", "hansen" }, { "Okafor", "okafor" },
	{ "Mensah", "mensah" }, { "Van der Berg", "vanderberg" },
	{ "de la Cruz", "delacruz" }, { "Walker", "walker" },
	{ "Hall", "hall" }, { "Allen", "allen" }, { "Young", "young" },
	{ "King", "king" }, { "Wright", "wright" }, { "Scott", "scott" },
	{ "Green", "green" }, { "Baker", "baker" }, { "Adams", "adams" },
	{ "Nelson", "nelson" }, { "Hill", "hill" },
	{ "Ram\xc3\xadrez", "ramirez" }, { "Campbell", "campbell" },
	{ "Mitchell", "mitchell" }, { "Roberts", "roberts" },
	{ "Carter", "carter" }
};
_Static_assert(NELEM(last_names) == 64, "6 random bits pick a name");

static const char *const domains[] = {
	"example.com", "gmail.com", "yahoo.com", "outlook.com",
	"hotmail.com", "icloud.com", "proton.me", "fastmail.com"
};
_Static_assert(NELEM(domains) == 8, "3 random bits pick a domain");

static const char *const words[] = {
	"the", "order", "was", "delivered", "late", "and", "customer",
	"asked", "for", "a", "refund", "please", "call", "back", "before",
	"noon", "address", "changed", "last", "week", "new", "card", "on",
	"file", "account", "locked", "after", "too", "many", "login",
	"attempts", "reset", "password", "via", "email", "prefers", "phone",
	"contact", "only", "in", "morning", "vip", "discount", "applied",
	"to", "next", "invoice", "shipping", "box", "arrived", "damaged",
	"replacement", "sent", "tracking", "number", "updated", "gift",
	"wrap", "requested", "note", "from", "support", "escalated",
	"manager", "approved", "credit", "of", "ten", "dollars", "follow",
	"up", "needed", "promised", "tomorrow", "billing", "issue",
	"resolved", "duplicate", "charge", "reversed", "bank", "confirmed",
	"payment", "pending", "review", "fraud", "check", "passed", "manual",
	"verification", "id", "document", "uploaded", "expired", "renewed",
	"subscription", "plan", "upgraded", "downgraded", "cancelled",
	"trial", "extended", "by", "two", "weeks", "referral", "bonus",
	"paid", "partner", "program", "member", "since", "store", "opening",
	"likes", "newsletter", "unsubscribed", "marketing", "emails", "opted",
	"out", "sms", "alerts", "enabled", "factor", "authentication",
	"device", "lost", "keys", "rotated", "api", "token", "revoked",
	"integration", "broken", "webhook", "failing", "monday", "timeout",
	"errors", "reported", "mobile", "app", "crashes", "when", "cart",
	"browser", "cache", "cleared", "works", "now", "recommended",
	"update", "version", "legacy", "migrated", "data", "export", "under",
	"gdpr", "delete", "personal", "information", "within", "thirty",
	"days", "consent", "recorded", "language", "preference", "french",
	"german", "spanish", "timezone", "set", "pacific", "warehouse",
	"pickup", "arranged", "friday", "courier", "missed", "delivery",
	"window", "left", "at", "front", "door", "neighbour", "signed",
	"parcel", "return", "label", "printed", "item", "restocked", "size",
	"exchange", "colour", "wrong", "model", "engraving", "misspelled",
	"redo", "rush", "handling", "express", "overnight", "free", "loyalty",
	"points", "redeemed", "balance", "is", "zero", "tax", "exempt",
	"certificate", "record", "wholesale", "pricing", "bulk", "quote",
	"awaiting", "purchase", "approval", "complaint", "closed",
	"satisfied", "survey", "score", "nine", "happy", "again", "thanks",
	"urgent", "asap", "warranty", "claim", "filed", "replaced", "battery",
	"screen", "cracked", "photo", "attached", "issued", "agent",
	"transferred", "chat", "transcript", "saved", "evening", "weekend",
	"hours", "holiday"
};
_Static_assert(NELEM(words) == 256,
    "words[] must have 256 entries: indices are 8 random bits");

static const char *const statuses[] = {
	"pending", "paid", "paid", "paid", "shipped", "shipped",
	"refunded", "cancelled"
};
_Static_assert(NELEM(statuses) == 8, "3 random bits pick a status");

/* Event kinds, indexed by enum kind; page views are the most common. */
enum kind {
	K_VIEW,
	K_VIEW2,
	K_VIEW3,
	K_CLICK,
	K_SEARCH,
	K_LOGIN,
	K_PURCHASE,
	K_SIGNUP
};

static const char *const kinds[] = {
	"page_view", "page_view", "page_view", "click", "search",
	"login", "purchase", "signup"
};
_Static_assert(NELEM(kinds) == K_SIGNUP + 1, "one name per enum kind");

static const char *const agents[] = {
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
	    "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
	    "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
	    "Safari/605.1.15",
	"Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 "
	    "Firefox/125.0",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) "
	    "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
	    "Mobile/15E148 Safari/604.1",
	"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
	    "(KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
	"curl/8.5.0",
	"okhttp/4.12.0",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) "
	    "Gecko/20100101 Firefox/125.0"
};
_Static_assert(NELEM(agents) == 8, "3 random bits pick an agent");

/*
 * Fixed pieces of the rows, as logical values: JSON is text here, so
 * its quotes and backslashes get the dialect's escaping like any other
 * string.
 */
enum piece {
	J_IP,		/* every object that starts with the client address */
	J_PATH,
	J_REF,
	J_REFNULL,
	J_DQ,
	J_UA,
	J_END_STR,
	J_TARGET,
	J_Y,
	J_END,
	J_Q,
	J_QUOTE,	/* an escaped quote inside a JSON string */
	J_RESULTS,
	J_PASSWORD,
	J_OAUTH,
	J_ORDER,
	J_AMOUNT,
	J_ITEMS,
	J_COMMA,
	J_END_ARR,
	J_UTM,
	N_NL,
	N_CRLF,
	N_TAB,
	N_PATH0,
	N_PATH1,
	N_SAID,
	N_NUL,		/* MySQL only: PostgreSQL text cannot hold NUL */
	N_SUB,		/* MySQL only: ^Z, which mysqldump writes as \Z */
	NPIECES
};

static const struct str logical_pieces[NPIECES] = {
	[J_IP] = S("{\"ip\": \""),
	[J_PATH] = S("\", \"path\": \"/products/"),
	[J_REF] = S("\", \"ref\": \"https://www.google.com/search?q="),
	[J_REFNULL] = S("\", \"ref\": null"),
	[J_DQ] = S("\""),
	[J_UA] = S(", \"ua\": \""),
	[J_END_STR] = S("\"}"),
	[J_TARGET] = S("\", \"target\": \"add_to_cart\", \"x\": "),
	[J_Y] = S(", \"y\": "),
	[J_END] = S("}"),
	[J_Q] = S("\", \"q\": \""),
	[J_QUOTE] = S("\\\""),
	[J_RESULTS] = S("\", \"results\": "),
	[J_PASSWORD] = S("\", \"method\": \"password\""),
	[J_OAUTH] = S("\", \"method\": \"oauth\""),
	[J_ORDER] = S("{\"order_id\": "),
	[J_AMOUNT] = S(", \"amount\": "),
	[J_ITEMS] = S(", \"currency\": \"USD\", \"items\": ["),
	[J_COMMA] = S(", "),
	[J_END_ARR] = S("]}"),
	[J_UTM] = S("\", \"utm\": {\"source\": \"newsletter\", "
	    "\"campaign\": \"spring_sale\"}"),
	[N_NL] = S("\n"),
	[N_CRLF] = S("\r\n"),
	[N_TAB] = S("\t"),
	[N_PATH0] = S(" See C:\\Users\\"),
	[N_PATH1] = S("\\Documents\\invoice.pdf."),
	[N_SAID] = S(" Customer said \"it's broken\" twice."),
	[N_NUL] = S("\0"),
	[N_SUB] = S("\032")
};

/* settings (key, value): a fixed handful of rows. */
static const struct {
	const char	*key;
	const char	*value;		/* NULL for SQL NULL */
} settings[] = {
	{ "checkout_enabled", "true" },
	{ "currency", "USD" },
	{ "export_path", "C:\\exports\\daily" },
	{ "feature_flags", "{\"beta\": true, \"new_checkout\": false}" },
	{ "footer_text", "line one\nline two\tand a tab" },
	{ "legacy_value", NULL },
	{ "maintenance_mode", "false" },
	{ "site_name", "Acme Store" },
	{ "support_email", "support@example.com" },
	{ "tax_rate", "0.0825" },
	{ "welcome_message",
	    "Welcome to \"Acme\" \xe2\x80\x93 it's great!" }
};

/* Strings above, escaped once for the chosen dialect. */
static struct str e_first[NELEM(first_names)], e_fslug[NELEM(first_names)];
static struct str e_last[NELEM(last_names)], e_lslug[NELEM(last_names)];
static struct str e_domain[NELEM(domains)], e_word[NELEM(words)];
static struct str e_status[NELEM(statuses)], e_kind[NELEM(kinds)];
static struct str e_agent[NELEM(agents)], e_piece[NPIECES];
static struct str e_skey[NELEM(settings)], e_sval[NELEM(settings)];

static const char digits2[201] =
    "00010203040506070809101112131415161718192021222324"
    "25262728293031323334353637383940414243444546474849"
    "50515253545556575859606162636465666768697071727374"
    "75767778798081828384858687888990919293949596979899";

static void
die(const char *msg)
{
	fprintf(stderr, "%s: %s\n", progname, msg);
	exit(1);
}

static void
die_write(void)
{
	fprintf(stderr, "%s: write error: %s\n", progname, strerror(errno));
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void	*p;

	p = malloc(n);
	if (p == NULL)
		die("out of memory");
	return p;
}

static uint64_t
rng_next(struct rng *r)
{
	uint64_t	 z;

	r->s += 0x9e3779b97f4a7c15ULL;
	z = r->s;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n) for 0 < n < 2^32, by multiply and shift (Lemire). */
static uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * n) >> 32);
}

/*
 * Escape a logical string for the dialect.  pg: COPY text format, as
 * CopyAttributeOutText writes it.  MySQL: inside '...', as
 * mysql_real_escape_string writes it (TAB stays raw).  The result is
 * allocated once and never freed.
 */
static struct str
esc(const char *s, size_t n)
{
	struct str	 e;
	char		*d, *p;
	size_t		 i;
	char		 c;

	d = p = xmalloc(2 * n + 1);
	for (i = 0; i < n; i++) {
		c = s[i];
		if (dialect == PG) {
			switch (c) {
			case '\\':	*p++ = '\\'; *p++ = '\\'; continue;
			case '\n':	*p++ = '\\'; *p++ = 'n'; continue;
			case '\r':	*p++ = '\\'; *p++ = 'r'; continue;
			case '\t':	*p++ = '\\'; *p++ = 't'; continue;
			case '\b':	*p++ = '\\'; *p++ = 'b'; continue;
			case '\f':	*p++ = '\\'; *p++ = 'f'; continue;
			case '\v':	*p++ = '\\'; *p++ = 'v'; continue;
			default:	break;
			}
		} else {
			switch (c) {
			case '\0':	*p++ = '\\'; *p++ = '0'; continue;
			case '\n':	*p++ = '\\'; *p++ = 'n'; continue;
			case '\r':	*p++ = '\\'; *p++ = 'r'; continue;
			case '\\':	*p++ = '\\'; *p++ = '\\'; continue;
			case '\'':	*p++ = '\\'; *p++ = '\''; continue;
			case '"':	*p++ = '\\'; *p++ = '"'; continue;
			case '\032':	*p++ = '\\'; *p++ = 'Z'; continue;
			default:	break;
			}
		}
		*p++ = c;
	}
	e.s = d;
	e.n = (size_t)(p - d);
	return e;
}

static struct str
esc_cstr(const char *s)
{
	return esc(s, strlen(s));
}

static void
escape_tables(void)
{
	size_t	 i;

	for (i = 0; i < NELEM(first_names); i++) {
		e_first[i] = esc_cstr(first_names[i].name);
		e_fslug[i] = esc_cstr(first_names[i].slug);
	}
	for (i = 0; i < NELEM(last_names); i++) {
		e_last[i] = esc_cstr(last_names[i].name);
		e_lslug[i] = esc_cstr(last_names[i].slug);
	}
	for (i = 0; i < NELEM(domains); i++)
		e_domain[i] = esc_cstr(domains[i]);
	for (i = 0; i < NELEM(words); i++)
		e_word[i] = esc_cstr(words[i]);
	for (i = 0; i < NELEM(statuses); i++)
		e_status[i] = esc_cstr(statuses[i]);
	for (i = 0; i < NELEM(kinds); i++)
		e_kind[i] = esc_cstr(kinds[i]);
	for (i = 0; i < NELEM(agents); i++)
		e_agent[i] = esc_cstr(agents[i]);
	for (i = 0; i < NPIECES; i++)
		e_piece[i] = esc(logical_pieces[i].s, logical_pieces[i].n);
	for (i = 0; i < NELEM(settings); i++) {
		e_skey[i] = esc_cstr(settings[i].key);
		if (settings[i].value != NULL)
			e_sval[i] = esc_cstr(settings[i].value);
	}
}

/* Output buffer.  Rows are built in place; out_need() makes room. */

static void
out_flush(void)
{
	size_t	 n;

	n = (size_t)(out.p - out.buf);
	if (n > 0 && fwrite(out.buf, 1, n, stdout) != n)
		die_write();
	out.p = out.buf;
}

static inline void
out_need(size_t n)
{
	if ((size_t)(out.end - out.p) < n)
		out_flush();
}

/* Schema text and the like; each call's text must fit in the buffer. */
static void
out_str(const char *s)
{
	size_t	 n;

	n = strlen(s);
	out_need(n);
	memcpy(out.p, s, n);
	out.p += n;
}

/* Row pieces: each writes at p and returns the new end. */

static inline char *
put(char *p, const struct str *s)
{
	memcpy(p, s->s, s->n);
	return p + s->n;
}

static char *
put_u64(char *p, uint64_t v)
{
	char	 tmp[20], *t;
	size_t	 n;

	t = tmp + sizeof(tmp);
	while (v >= 100) {
		t -= 2;
		memcpy(t, digits2 + (v % 100) * 2, 2);
		v /= 100;
	}
	if (v >= 10) {
		t -= 2;
		memcpy(t, digits2 + v * 2, 2);
	} else
		*--t = (char)('0' + v);
	n = (size_t)(tmp + sizeof(tmp) - t);
	memcpy(p, t, n);
	return p + n;
}

static inline char *
put2(char *p, unsigned v)
{
	memcpy(p, digits2 + v * 2, 2);
	return p + 2;
}

static void
out_u64(uint64_t v)
{
	out_need(20);
	out.p = put_u64(out.p, v);
}

/* Money as pg numeric(12,2) and MySQL decimal(12,2) print it. */
static char *
put_cents(char *p, uint32_t cents)
{
	p = put_u64(p, cents / 100);
	*p++ = '.';
	return put2(p, cents % 100);
}

/*
 * A timestamp as pg_dump prints timestamptz in UTC ("2021-03-04
 * 05:06:07.25+00", trailing zeros of the fraction dropped) or as
 * mysqldump prints a DATETIME ("2021-03-04 05:06:07").  Days to a civil
 * date by Howard Hinnant's civil_from_days().
 */
static char *
put_ts(const struct gen *g, char *p, uint64_t secs, uint32_t usec)
{
	uint64_t	 days, doe, yoe, doy, mp, y, rem;
	unsigned	 m, d, i;
	char		 frac[6];
	size_t		 n;

	days = secs / 86400 + 719468;	/* days since 0000-03-01 */
	rem = secs % 86400;
	doe = days % 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + days / 146097 * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	if (m <= 2)
		y++;
	p = put2(p, (unsigned)(y / 100));
	p = put2(p, (unsigned)(y % 100));
	*p++ = '-';
	p = put2(p, m);
	*p++ = '-';
	p = put2(p, d);
	*p++ = ' ';
	p = put2(p, (unsigned)(rem / 3600));
	*p++ = ':';
	p = put2(p, (unsigned)(rem / 60 % 60));
	*p++ = ':';
	p = put2(p, (unsigned)(rem % 60));
	if (g->my)
		return p;
	if (usec != 0) {
		for (i = 6; i-- > 0; usec /= 10)
			frac[i] = (char)('0' + usec % 10);
		for (n = 6; frac[n - 1] == '0'; n--)
			continue;
		*p++ = '.';
		memcpy(p, frac, n);
		p += n;
	}
	memcpy(p, "+00", 3);
	return p + 3;
}

/* Field syntax of the two dialects. */

static inline char *
put_sep(const struct gen *g, char *p)
{
	*p++ = g->my ? ',' : '\t';
	return p;
}

static inline char *
put_quote(const struct gen *g, char *p)
{
	if (g->my)
		*p++ = '\'';
	return p;
}

static inline char *
put_null(const struct gen *g, char *p)
{
	if (g->my) {
		memcpy(p, "NULL", 4);
		return p + 4;
	}
	memcpy(p, "\\N", 2);
	return p + 2;
}

static inline char *
row_begin(const struct gen *g, char *p)
{
	if (g->my)
		*p++ = '(';
	return p;
}

static inline char *
row_end(const struct gen *g, char *p)
{
	*p++ = g->my ? ')' : '\n';
	return p;
}

static uint64_t
row_time(struct gen *g, uint64_t id)
{
	return T0 + id * g->step + rng_below(&g->r, (uint32_t)g->step);
}

static char *
put_ip(struct gen *g, char *p)
{
	uint64_t	 x;
	int		 i;

	x = rng_next(&g->r);
	for (i = 0; i < 4; i++, x >>= 8) {
		if (i > 0)
			*p++ = '.';
		p = put_u64(p, x & 255);
	}
	return p;
}

/*
 * Free text for users.notes: one to four sentences of four to fourteen
 * words, at most 4 * (14 * 16 + 3) + 100 bytes (words are shorter than
 * 16), sometimes split by a newline, CR LF or TAB, sometimes with a
 * Windows path (backslashes) or a quotation (both quote characters).
 */
static char *
gen_notes(struct gen *g, char *p)
{
	uint64_t	 w;
	unsigned	 nsent, s, nw, i, bits, x;
	char		*first;

	nsent = 1 + rng_below(&g->r, 4);
	for (s = 0; s < nsent; s++) {
		if (s > 0) {
			x = rng_below(&g->r, 100);
			if (x < 6)
				p = put(p, &e_piece[N_NL]);
			else if (x < 8)
				p = put(p, &e_piece[N_CRLF]);
			else if (x < 10)
				p = put(p, &e_piece[N_TAB]);
			else
				*p++ = ' ';
		}
		w = rng_next(&g->r);
		nw = 4 + (unsigned)(w & 7) + (unsigned)((w >> 3) & 3);
		w >>= 5;
		bits = 59;
		for (i = 0; i < nw; i++) {
			if (bits < 8) {
				w = rng_next(&g->r);
				bits = 64;
			}
			if (i > 0)
				*p++ = ' ';
			first = p;
			p = put(p, &e_word[w & 255]);
			w >>= 8;
			bits -= 8;
			if (i == 0 && *first >= 'a' && *first <= 'z')
				*first = (char)(*first - 'a' + 'A');
		}
		*p++ = '.';
	}
	x = rng_below(&g->r, 1000);
	if (x < 20) {
		p = put(p, &e_piece[N_PATH0]);
		p = put(p, &e_fslug[x & 63]);
		p = put(p, &e_piece[N_PATH1]);
	} else if (x < 50)
		p = put(p, &e_piece[N_SAID]);
	else if (g->my && x < 53)
		p = put(p, &e_piece[N_NUL]);
	else if (g->my && x < 56)
		p = put(p, &e_piece[N_SUB]);
	return p;
}

/*
 * users (id, email, first_name, last_name, phone, created_at, notes).
 * Bits of x: 0-5 first name, 6-11 last name, 12-15 e-mail style, 16-18
 * domain, 19-25 NULL first name, 26-32 phone, 33 phone format, 34-40
 * notes.
 */
static char *
gen_user(struct gen *g, char *p, uint64_t id)
{
	uint64_t	 x, ph, t;
	uint32_t	 usec;
	unsigned	 f, l, i;
	char		 num[10];

	x = rng_next(&g->r);
	f = x & 63;
	l = (x >> 6) & 63;
	p = row_begin(g, p);
	p = put_u64(p, id);

	/* "zoe.obrien42@example.com" or "zobrien42@example.com" */
	p = put_sep(g, p);
	p = put_quote(g, p);
	if (((x >> 12) & 15) < 5)
		*p++ = e_fslug[f].s[0];
	else {
		p = put(p, &e_fslug[f]);
		*p++ = '.';
	}
	p = put(p, &e_lslug[l]);
	p = put_u64(p, id);
	*p++ = '@';
	p = put(p, &e_domain[(x >> 16) & 7]);
	p = put_quote(g, p);

	/* first_name 3 % NULL; last_name never. */
	p = put_sep(g, p);
	if (((x >> 19) & 127) < 4)
		p = put_null(g, p);
	else {
		p = put_quote(g, p);
		p = put(p, &e_first[f]);
		p = put_quote(g, p);
	}
	p = put_sep(g, p);
	p = put_quote(g, p);
	p = put(p, &e_last[l]);
	p = put_quote(g, p);

	/* phone: 15 % NULL, else "+1-555-010-0199" or "(555) 010-0199". */
	p = put_sep(g, p);
	if (((x >> 26) & 127) < 19)
		p = put_null(g, p);
	else {
		ph = rng_next(&g->r);
		for (i = 0; i < 10; i++, ph /= 10)
			num[i] = (char)('0' + ph % 10);
		num[0] = (char)('2' + ph % 8);
		p = put_quote(g, p);
		if ((x >> 33) & 1) {
			memcpy(p, "+1-", 3);
			memcpy(p + 3, num, 3);
			p[6] = '-';
			memcpy(p + 7, num + 3, 3);
			p[10] = '-';
			memcpy(p + 11, num + 6, 4);
			p += 15;
		} else {
			*p++ = '(';
			memcpy(p, num, 3);
			memcpy(p + 3, ") ", 2);
			memcpy(p + 5, num + 3, 3);
			p[8] = '-';
			memcpy(p + 9, num + 6, 4);
			p += 13;
		}
		p = put_quote(g, p);
	}

	/* Two draws: call them in a fixed order, not as two arguments. */
	t = row_time(g, id);
	usec = (uint32_t)(rng_next(&g->r) % 1000000);
	p = put_sep(g, p);
	p = put_quote(g, p);
	p = put_ts(g, p, t, usec);
	p = put_quote(g, p);

	/* notes: 25 % NULL, 5 % empty. */
	p = put_sep(g, p);
	i = (unsigned)((x >> 34) & 127);
	if (i < 32)
		p = put_null(g, p);
	else {
		p = put_quote(g, p);
		if (i >= 38)
			p = gen_notes(g, p);
		p = put_quote(g, p);
	}
	return row_end(g, p);
}

/* orders (id, user_id, amount, status, created_at) */
static char *
gen_order(struct gen *g, char *p, uint64_t id)
{
	uint64_t	 x, t;
	uint32_t	 usec;

	x = rng_next(&g->r);
	p = row_begin(g, p);
	p = put_u64(p, id);
	p = put_sep(g, p);
	p = put_u64(p, 1 + (x & 0xffffffff) % g->nusers);
	p = put_sep(g, p);
	p = put_cents(p, 100 + (uint32_t)((x >> 32) % 99900));
	p = put_sep(g, p);
	p = put_quote(g, p);
	p = put(p, &e_status[(x >> 52) & 7]);
	p = put_quote(g, p);
	p = put_sep(g, p);
	p = put_quote(g, p);
	t = row_time(g, id);
	usec = (uint32_t)(rng_next(&g->r) % 1000000);
	p = put_ts(g, p, t, usec);
	p = put_quote(g, p);
	return row_end(g, p);
}

/* events (id, user_id, kind, payload): payload is JSON, 5 % NULL. */
static char *
gen_event(struct gen *g, char *p, uint64_t id)
{
	uint64_t	 x, y;
	unsigned	 kind, i, n;

	x = rng_next(&g->r);
	y = rng_next(&g->r);
	kind = (x >> 32) & 7;
	p = row_begin(g, p);
	p = put_u64(p, id);
	p = put_sep(g, p);
	if (((x >> 35) & 127) < 6)	/* 5 %: anonymous visitors */
		p = put_null(g, p);
	else
		p = put_u64(p, 1 + (x & 0xffffffff) % g->nusers);
	p = put_sep(g, p);
	p = put_quote(g, p);
	p = put(p, &e_kind[kind]);
	p = put_quote(g, p);
	p = put_sep(g, p);
	if (((x >> 42) & 127) < 6)
		return row_end(g, put_null(g, p));
	p = put_quote(g, p);
	if (kind == K_PURCHASE) {
		p = put(p, &e_piece[J_ORDER]);
		p = put_u64(p, 1 + (y & 0xffffff));
		p = put(p, &e_piece[J_AMOUNT]);
		p = put_cents(p, 100 + (uint32_t)((y >> 24) % 99900));
		p = put(p, &e_piece[J_ITEMS]);
		n = 1 + (unsigned)((y >> 44) & 3);
		for (i = 0; i < n; i++) {
			if (i > 0)
				p = put(p, &e_piece[J_COMMA]);
			p = put_u64(p, 1 + ((y >> (46 + 4 * i)) & 0xfff) * 7);
		}
		p = put(p, &e_piece[J_END_ARR]);
		goto done;
	}
	p = put(p, &e_piece[J_IP]);
	p = put_ip(g, p);
	switch (kind) {
	case K_VIEW:
	case K_VIEW2:
	case K_VIEW3:
		p = put(p, &e_piece[J_PATH]);
		p = put_u64(p, 1 + (y & 0xffff));
		if ((y >> 16) & 1) {
			p = put(p, &e_piece[J_REF]);
			p = put(p, &e_word[(y >> 17) & 255]);
			p = put(p, &e_piece[J_DQ]);
		} else
			p = put(p, &e_piece[J_REFNULL]);
		p = put(p, &e_piece[J_UA]);
		p = put(p, &e_agent[(y >> 25) & 7]);
		p = put(p, &e_piece[J_END_STR]);
		break;
	case K_CLICK:
		p = put(p, &e_piece[J_PATH]);
		p = put_u64(p, 1 + (y & 0xffff));
		p = put(p, &e_piece[J_TARGET]);
		p = put_u64(p, (y >> 16) & 1023);
		p = put(p, &e_piece[J_Y]);
		p = put_u64(p, (y >> 26) & 1023);
		p = put(p, &e_piece[J_END]);
		break;
	case K_SEARCH:
		/* One search in 16 quotes a word: "q": "\"gift\" wrap" */
		p = put(p, &e_piece[J_Q]);
		if ((y & 15) == 0) {
			p = put(p, &e_piece[J_QUOTE]);
			p = put(p, &e_word[(y >> 4) & 255]);
			p = put(p, &e_piece[J_QUOTE]);
		} else
			p = put(p, &e_word[(y >> 4) & 255]);
		*p++ = ' ';
		p = put(p, &e_word[(y >> 12) & 255]);
		p = put(p, &e_piece[J_RESULTS]);
		p = put_u64(p, (y >> 20) & 255);
		p = put(p, &e_piece[J_END]);
		break;
	case K_SIGNUP:
		p = put(p, &e_piece[J_UTM]);
		p = put(p, &e_piece[J_UA]);
		p = put(p, &e_agent[(y >> 25) & 7]);
		p = put(p, &e_piece[J_END_STR]);
		break;
	default:	/* K_LOGIN */
		p = put(p, &e_piece[(y & 3) == 0 ? J_OAUTH : J_PASSWORD]);
		p = put(p, &e_piece[J_UA]);
		p = put(p, &e_agent[(y >> 25) & 7]);
		p = put(p, &e_piece[J_END_STR]);
		break;
	}
done:
	p = put_quote(g, p);
	return row_end(g, p);
}

static void
write_settings(struct gen *g)
{
	size_t		 i;

	for (i = 0; i < NELEM(settings); i++) {
		out_need(ROW_MAX);
		if (g->my)
			*out.p++ = i == 0 ? ' ' : ',';
		out.p = row_begin(g, out.p);
		out.p = put_quote(g, out.p);
		out.p = put(out.p, &e_skey[i]);
		out.p = put_quote(g, out.p);
		out.p = put_sep(g, out.p);
		if (settings[i].value == NULL)
			out.p = put_null(g, out.p);
		else {
			out.p = put_quote(g, out.p);
			out.p = put(out.p, &e_sval[i]);
			out.p = put_quote(g, out.p);
		}
		out.p = row_end(g, out.p);
	}
}

/* pg: one COPY block's rows. */
static void
pg_rows(struct gen *g, row_fn fn, uint64_t n)
{
	uint64_t	 id;

	for (id = 1; id <= n; id++) {
		out_need(ROW_MAX);
		out.p = fn(g, out.p, id);
	}
}

/*
 * MySQL: extended INSERTs, cut as mysqldump cuts them: a row joins the
 * current statement while the statement stays below net_buffer_length,
 * otherwise the statement ends and a new one starts with that row.
 */
static void
my_rows(struct gen *g, row_fn fn, uint64_t n, const char *table)
{
	char		 head[128];
	size_t		 hlen, line, rlen;
	uint64_t	 id;
	char		*start, *end;
	int		 r;

	r = snprintf(head, sizeof(head), "INSERT INTO `%s` VALUES ", table);
	if (r < 0 || (size_t)r >= sizeof(head))
		die("table name too long");
	hlen = (size_t)r;
	line = 0;
	for (id = 1; id <= n; id++) {
		out_need(ROW_MAX + hlen + 2);
		if (line == 0) {
			memcpy(out.p, head, hlen);
			out.p += hlen;
			line = hlen;
			start = out.p;
			out.p = fn(g, out.p, id);
			line += (size_t)(out.p - start);
			continue;
		}
		start = out.p;
		*out.p++ = ',';
		end = fn(g, out.p, id);
		rlen = (size_t)(end - out.p);
		if (line + rlen + 1 < NET_BUFFER_LENGTH) {
			line += rlen + 1;
			out.p = end;
			continue;
		}
		/* Replace the ',' by ";\nINSERT ... VALUES ". */
		memmove(start + 2 + hlen, start + 1, rlen);
		memcpy(start, ";\n", 2);
		memcpy(start + 2, head, hlen);
		out.p = start + 2 + hlen + rlen;
		line = hlen + rlen;
	}
	if (line > 0)
		out_str(";\n");
}

/*
 * Total length of SAMPLE_ROWS rows of a table with ids spread evenly over
 * 1..n, so that ids (and e-mail addresses) have the digits they will
 * have; generated from a throw-away copy of the stream.
 */
static uint64_t
sample_bytes(const struct gen *g, row_fn fn, uint64_t n)
{
	struct gen	 s;
	char		*buf;
	uint64_t	 sum, i;

	s = *g;
	s.r.s ^= 0x5deece66dULL;
	buf = xmalloc(ROW_MAX);
	sum = 0;
	for (i = 0; i < SAMPLE_ROWS; i++)
		sum += (uint64_t)(fn(&s, buf, 1 + i * n / SAMPLE_ROWS) - buf) +
		    (g->my ? 1 : 0);
	free(buf);
	return sum;
}

/*
 * Rows needed for about `bytes` bytes of a table.  Row length depends on
 * the count through the digits of the ids: iterate a few times.  Integer
 * arithmetic, so that every platform makes the same bytes.
 */
static uint64_t
row_count(struct gen *g, row_fn fn, uint64_t bytes)
{
	uint64_t	 n;
	int		 i;

	g->step = 1;
	n = SAMPLE_ROWS;
	for (i = 0; i < 3; i++) {
		n = bytes * SAMPLE_ROWS / sample_bytes(g, fn, n);
		if (n < 1)
			n = 1;
	}
	return n;
}

static void
set_step(struct gen *g, uint64_t n)
{
	g->step = SPAN / n;
	if (g->step == 0)
		g->step = 1;
}

static void
pg_table_head(const char *t, const char *cols)
{
	out_str("--\n-- Name: ");
	out_str(t);
	out_str("; Type: TABLE; Schema: public; Owner: postgres\n--\n\n"
	    "CREATE TABLE public.");
	out_str(t);
	out_str(" (\n");
	out_str(cols);
	out_str("\n);\n\n\nALTER TABLE public.");
	out_str(t);
	out_str(" OWNER TO postgres;\n\n");
}

static void
pg_sequence(const char *t)
{
	const char	*s[] = {
		"--\n-- Name: ", t, "_id_seq; Type: SEQUENCE; Schema: public; "
		    "Owner: postgres\n--\n\nCREATE SEQUENCE public.", t,
		"_id_seq\n    START WITH 1\n    INCREMENT BY 1\n"
		    "    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\n\n"
		    "ALTER TABLE public.", t, "_id_seq OWNER TO postgres;\n\n"
		    "--\n-- Name: ", t, "_id_seq; Type: SEQUENCE OWNED BY; "
		    "Schema: public; Owner: postgres\n--\n\n"
		    "ALTER SEQUENCE public.", t, "_id_seq OWNED BY public.", t,
		".id;\n\n\n"
	};
	size_t		 i;

	for (i = 0; i < NELEM(s); i++)
		out_str(s[i]);
}

static void
pg_default(const char *t)
{
	const char	*s[] = {
		"--\n-- Name: ", t, " id; Type: DEFAULT; Schema: public; "
		    "Owner: postgres\n--\n\nALTER TABLE ONLY public.", t,
		" ALTER COLUMN id SET DEFAULT nextval('public.", t,
		"_id_seq'::regclass);\n\n\n"
	};
	size_t		 i;

	for (i = 0; i < NELEM(s); i++)
		out_str(s[i]);
}

static void
pg_copy(struct gen *g, const char *t, const char *cols, row_fn fn,
    uint64_t n)
{
	out_str("--\n-- Data for Name: ");
	out_str(t);
	out_str("; Type: TABLE DATA; Schema: public; Owner: postgres\n--\n\n"
	    "COPY public.");
	out_str(t);
	out_str(" (");
	out_str(cols);
	out_str(") FROM stdin;\n");
	if (fn != NULL)
		pg_rows(g, fn, n);
	else
		write_settings(g);
	out_str("\\.\n\n\n");
}

static void
pg_setval(const char *t, uint64_t n)
{
	out_str("--\n-- Name: ");
	out_str(t);
	out_str("_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres"
	    "\n--\n\nSELECT pg_catalog.setval('public.");
	out_str(t);
	out_str("_id_seq', ");
	out_u64(n);
	out_str(", true);\n\n\n");
}

static void
pg_constraint(const char *t, const char *name, const char *type,
    const char *def)
{
	const char	*s[] = {
		"--\n-- Name: ", t, " ", name, "; Type: ", type,
		"; Schema: public; Owner: postgres\n--\n\n"
		    "ALTER TABLE ONLY public.",
		t, "\n    ADD CONSTRAINT ", name, " ", def, ";\n\n\n"
	};
	size_t		 i;

	for (i = 0; i < NELEM(s); i++)
		out_str(s[i]);
}

static void
pg_index(const char *t, const char *col)
{
	const char	*s[] = {
		"--\n-- Name: ", t, "_", col,
		"_idx; Type: INDEX; Schema: public; "
		    "Owner: postgres\n--\n\nCREATE INDEX ", t, "_", col,
		"_idx ON public.", t, " USING btree (", col, ");\n\n\n"
	};
	size_t		 i;

	for (i = 0; i < NELEM(s); i++)
		out_str(s[i]);
}

static void
restrict_key(uint64_t seed, char key[65])
{
	static const char alnum[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	struct rng	 r;
	int		 i;

	r.s = seed ^ 0x7265737472696374ULL;
	for (i = 0; i < 64; i++)
		key[i] = alnum[rng_below(&r, sizeof(alnum) - 1)];
	key[64] = '\0';
}

#define USERS_COLS	\
	"id, email, first_name, last_name, phone, created_at, notes"
#define ORDERS_COLS	"id, user_id, amount, status, created_at"
#define EVENTS_COLS	"id, user_id, kind, payload"

static void
write_pg(struct gen *ge, struct gen *go, struct gen *gu, uint64_t ne,
    uint64_t no, uint64_t nu, uint64_t seed)
{
	char	 key[65];

	restrict_key(seed, key);
	out_str("--\n-- PostgreSQL database dump\n--\n\n\\restrict ");
	out_str(key);
	out_str("\n\n"
	    "-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)\n"
	    "-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)\n\n"
	    "SET statement_timeout = 0;\n"
	    "SET lock_timeout = 0;\n"
	    "SET idle_in_transaction_session_timeout = 0;\n"
	    "SET client_encoding = 'UTF8';\n"
	    "SET standard_conforming_strings = on;\n"
	    "SELECT pg_catalog.set_config('search_path', '', false);\n"
	    "SET check_function_bodies = false;\n"
	    "SET xmloption = content;\n"
	    "SET client_min_messages = warning;\n"
	    "SET row_security = off;\n\n"
	    "SET default_tablespace = '';\n\n"
	    "SET default_table_access_method = heap;\n\n");

	pg_table_head("events",
	    "    id bigint NOT NULL,\n"
	    "    user_id bigint,\n"
	    "    kind character varying(32) NOT NULL,\n"
	    "    payload json");
	pg_sequence("events");
	pg_table_head("orders",
	    "    id bigint NOT NULL,\n"
	    "    user_id bigint NOT NULL,\n"
	    "    amount numeric(12,2) NOT NULL,\n"
	    "    status character varying(16) NOT NULL,\n"
	    "    created_at timestamp with time zone NOT NULL");
	pg_sequence("orders");
	pg_table_head("settings",
	    "    key text NOT NULL,\n"
	    "    value text");
	pg_table_head("users",
	    "    id bigint NOT NULL,\n"
	    "    email character varying(255) NOT NULL,\n"
	    "    first_name character varying(100),\n"
	    "    last_name character varying(100),\n"
	    "    phone character varying(32),\n"
	    "    created_at timestamp with time zone NOT NULL,\n"
	    "    notes text");
	pg_sequence("users");
	pg_default("events");
	pg_default("orders");
	pg_default("users");

	pg_copy(ge, "events", EVENTS_COLS, gen_event, ne);
	pg_copy(go, "orders", ORDERS_COLS, gen_order, no);
	pg_copy(gu, "settings", "key, value", NULL, 0);
	pg_copy(gu, "users", USERS_COLS, gen_user, nu);

	pg_setval("events", ne);
	pg_setval("orders", no);
	pg_setval("users", nu);
	pg_constraint("events", "events_pkey", "CONSTRAINT",
	    "PRIMARY KEY (id)");
	pg_constraint("orders", "orders_pkey", "CONSTRAINT",
	    "PRIMARY KEY (id)");
	pg_constraint("settings", "settings_pkey", "CONSTRAINT",
	    "PRIMARY KEY (key)");
	pg_constraint("users", "users_email_key", "CONSTRAINT",
	    "UNIQUE (email)");
	pg_constraint("users", "users_pkey", "CONSTRAINT",
	    "PRIMARY KEY (id)");
	pg_index("events", "user_id");
	pg_index("orders", "user_id");
	pg_constraint("events", "events_user_id_fkey", "FK CONSTRAINT",
	    "FOREIGN KEY (user_id) REFERENCES public.users(id)");
	pg_constraint("orders", "orders_user_id_fkey", "FK CONSTRAINT",
	    "FOREIGN KEY (user_id) REFERENCES public.users(id)");
	out_str("--\n-- PostgreSQL database dump complete\n--\n\n"
	    "\\unrestrict ");
	out_str(key);
	out_str("\n\n");
}

/* MySQL: structure of one table, then its data. */
static void
my_table(struct gen *g, const char *t, const char *body, uint64_t n,
    row_fn fn)
{
	const char	*s[] = {
		"--\n-- Table structure for table `", t, "`\n--\n\n"
		    "DROP TABLE IF EXISTS `", t, "`;\n"
		    "/*!40101 SET @saved_cs_client     = "
		    "@@character_set_client */;\n"
		    "/*!50503 SET character_set_client = utf8mb4 */;\n"
		    "CREATE TABLE `", t, "` (\n", body, "\n) ENGINE=InnoDB"
	};
	size_t		 i;

	for (i = 0; i < NELEM(s); i++)
		out_str(s[i]);
	if (fn != NULL) {
		out_str(" AUTO_INCREMENT=");
		out_u64(n + 1);
	}
	out_str(" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n"
	    "/*!40101 SET character_set_client = @saved_cs_client */;\n\n"
	    "--\n-- Dumping data for table `");
	out_str(t);
	out_str("`\n--\n\nLOCK TABLES `");
	out_str(t);
	out_str("` WRITE;\n/*!40000 ALTER TABLE `");
	out_str(t);
	out_str("` DISABLE KEYS */;\n");
	if (fn != NULL)
		my_rows(g, fn, n, t);
	else {
		out_str("INSERT INTO `");
		out_str(t);
		out_str("` VALUES");
		write_settings(g);
		out_str(";\n");
	}
	out_str("/*!40000 ALTER TABLE `");
	out_str(t);
	out_str("` ENABLE KEYS */;\nUNLOCK TABLES;\n\n");
}

static void
write_my(struct gen *ge, struct gen *go, struct gen *gu, uint64_t ne,
    uint64_t no, uint64_t nu)
{
	out_str("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n"
	    "--\n"
	    "-- Host: localhost    Database: app\n"
	    "-- ------------------------------------------------------\n"
	    "-- Server version\t8.0.36\n\n"
	    "/*!40101 SET "
	    "@OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
	    "/*!40101 SET "
	    "@OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;\n"
	    "/*!40101 SET "
	    "@OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;\n"
	    "/*!50503 SET NAMES utf8mb4 */;\n"
	    "/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n"
	    "/*!40103 SET TIME_ZONE='+00:00' */;\n"
	    "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, "
	    "UNIQUE_CHECKS=0 */;\n"
	    "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, "
	    "FOREIGN_KEY_CHECKS=0 */;\n"
	    "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, "
	    "SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n"
	    "/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;\n\n");
	my_table(ge, "events",
	    "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
	    "  `user_id` bigint DEFAULT NULL,\n"
	    "  `kind` varchar(32) NOT NULL,\n"
	    "  `payload` json DEFAULT NULL,\n"
	    "  PRIMARY KEY (`id`),\n"
	    "  KEY `index_events_on_user_id` (`user_id`),\n"
	    "  CONSTRAINT `fk_events_user` FOREIGN KEY (`user_id`) "
	    "REFERENCES `users` (`id`)", ne, gen_event);
	my_table(go, "orders",
	    "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
	    "  `user_id` bigint NOT NULL,\n"
	    "  `amount` decimal(12,2) NOT NULL,\n"
	    "  `status` varchar(16) NOT NULL,\n"
	    "  `created_at` datetime NOT NULL,\n"
	    "  PRIMARY KEY (`id`),\n"
	    "  KEY `index_orders_on_user_id` (`user_id`),\n"
	    "  CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) "
	    "REFERENCES `users` (`id`)", no, gen_order);
	my_table(gu, "settings",
	    "  `key` varchar(64) NOT NULL,\n"
	    "  `value` text,\n"
	    "  PRIMARY KEY (`key`)", 0, NULL);
	my_table(gu, "users",
	    "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
	    "  `email` varchar(255) NOT NULL,\n"
	    "  `first_name` varchar(100) DEFAULT NULL,\n"
	    "  `last_name` varchar(100) DEFAULT NULL,\n"
	    "  `phone` varchar(32) DEFAULT NULL,\n"
	    "  `created_at` datetime NOT NULL,\n"
	    "  `notes` text,\n"
	    "  PRIMARY KEY (`id`),\n"
	    "  UNIQUE KEY `index_users_on_email` (`email`)", nu, gen_user);
	out_str("/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n"
	    "/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;\n"
	    "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
	    "/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;\n"
	    "/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n"
	    "/*!40101 SET "
	    "CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;\n"
	    "/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;\n"
	    "/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n\n"
	    "-- Dump completed on 2024-05-01 12:00:00\n");
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s pg|mysql SIZE_MB [SEED]\n", progname);
	exit(status);
}

/* A decimal number in [lo, hi], or exit 2. */
static uint64_t
parse_num(const char *s, uint64_t lo, uint64_t hi, const char *what)
{
	unsigned long long	 v;
	char			*end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 ||
	    v < lo || v > hi) {
		fprintf(stderr, "%s: %s: %s must be a number from %llu to "
		    "%llu\n", progname, s, what, (unsigned long long)lo,
		    (unsigned long long)hi);
		exit(2);
	}
	return v;
}

int
main(int argc, char *argv[])
{
	struct gen	 ge, go, gu;
	uint64_t	 mb, seed, ne, no, nu, data;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0))
		usage(stdout, 0);
	if (argc < 3 || argc > 4)
		usage(stderr, 2);
	if (strcmp(argv[1], "pg") == 0)
		dialect = PG;
	else if (strcmp(argv[1], "mysql") == 0)
		dialect = MY;
	else
		usage(stderr, 2);
	mb = parse_num(argv[2], 1, MAX_MB, "SIZE_MB");
	seed = argc == 4 ? parse_num(argv[3], 0, UINT64_MAX, "SEED") : 1;

	escape_tables();
	out.buf = out.p = xmalloc(OUT_SIZE);
	out.end = out.buf + OUT_SIZE;
	if (setvbuf(stdout, NULL, _IONBF, 0) != 0)
		die("setvbuf failed");

	/* One stream per table, so each table's rows are independent. */
	memset(&gu, 0, sizeof(gu));
	gu.my = dialect == MY;
	gu.nusers = 1;
	go = ge = gu;
	gu.r.s = seed ^ 0x7573657273000000ULL;	/* "users" */
	go.r.s = seed ^ 0x6f72646572730000ULL;	/* "orders" */
	ge.r.s = seed ^ 0x6576656e74730000ULL;	/* "events" */

	/* Schema, headers and settings take about 10 kB. */
	data = mb * 1000000 - 10000;
	nu = row_count(&gu, gen_user, data / 5 * 2);
	go.nusers = ge.nusers = nu;
	no = row_count(&go, gen_order, data / 5);
	ne = row_count(&ge, gen_event, data / 5 * 2);
	set_step(&gu, nu);
	set_step(&go, no);
	set_step(&ge, ne);

	if (dialect == PG)
		write_pg(&ge, &go, &gu, ne, no, nu, seed);
	else
		write_my(&ge, &go, &gu, ne, no, nu);
	out_flush();
	if (fflush(stdout) != 0 || ferror(stdout))
		die_write();
	if (fclose(stdout) != 0)
		die_write();
	return 0;
}
