/*
 * genrelink -- write a synthetic pair of dumps for dumprelink's benchmark.
 *
 * usage: genrelink pg|mysql prod|staging ROWS [SEED]
 *
 * Writes to standard output what pg_dump (plain format, COPY, PostgreSQL
 * 15) or mysqldump (MySQL 8.0, extended INSERTs) writes for a small
 * billing application in one of two environments, production ("prod",
 * the source dump that dumprelink rewrites) and staging (the target
 * dump that dumprelink --capture reads).  Both have the same schema and
 * the same row counts; ROWS rows in all (0 is allowed: every table
 * empty), split as
 *
 *   users          ROWS / 4      id, email, first_name, last_name, phone,
 *                                stripe_customer_id, crm_id, created_at
 *   invoices       ROWS / 4      crm_account_id: the crm_id of a user
 *   payments       ROWS * 3 / 8  customer_ref: the stripe_customer_id of
 *                                a user
 *   subscriptions  the rest      stripe_customer_id: that of a user
 *   integration_settings  a handful of rows, different in each
 *                                environment (keep-table)
 *
 * in that order (pg_dump and mysqldump sort tables by name), so the three
 * tables that reference a user's external ids by value come before the
 * users that own those ids, and dumprelink must read its input twice.
 *
 * People.  A person is a number p; its name, e-mail address and phone
 * depend on p (and SEED) only, its Stripe customer id and CRM id also on
 * the environment ("cus_" + 14 base-62 characters; "0015" + 14).  With U
 * = ROWS / 4 users in each dump, prod's user i (1..U) is person i - 1 and
 * staging's user i is person i - 1 + 3U/10: the persons 3U/10 .. U - 1,
 * 70 % of each dump's users, are in both.  The e-mail addresses of about
 * 8 % of prod's persons have capital letters ("Zoe.Obrien42@Gmail.com";
 * staging writes every address in lower case), so `by email` misses them
 * and `by lower(email)` does not.  4 % of prod's and 3 % of staging's
 * users have no Stripe id (NULL), 2 % and 1 % no CRM id.  A row of
 * invoices, payments or subscriptions belongs to a random user of its
 * dump and copies that user's id (NULL when the user has none).
 *
 * The bytes are a function of the arguments only.  Standalone (ISO C11,
 * none of the project's headers), like gendump.c: "cc -O2 -o genrelink
 * genrelink.c".
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUT_SIZE	(4u << 20)	/* output buffer */
#define ROW_MAX		1024u		/* rows stay far below */
#define NET_BUFFER_LENGTH 1047551	/* mysqldump's default: 1 MiB - 1025 */
#define MAX_ROWS	4000000000ULL	/* ids stay below 2^32 */

#define T0		1577836800u	/* 2020-01-01 00:00:00 UTC */
#define SPAN		(5u * 365 * 86400)	/* timestamps span five years */

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

enum dialect { PG, MY };
enum env { PROD, STAGING };

struct str {
	const char	*s;
	size_t		 n;
};

struct name {
	const char	*name;		/* as stored */
	const char	*slug;		/* ASCII, for e-mail addresses */
};

struct rng {
	uint64_t	 s;
};

/* One table's generator. */
struct gen {
	struct rng	 r;
	uint64_t	 step;		/* seconds between consecutive rows */
};

typedef char	*(*row_fn)(struct gen *, char *, uint64_t);

static const char *progname = "genrelink";
static enum dialect dialect;
static enum env env;
static uint64_t seed;
static uint64_t nusers;		/* users in this dump */
static uint64_t person_off;	/* person of user id i: i - 1 + person_off */

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
_Static_assert(NELEM(first_names) == 64, "6 bits pick a name");

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
_Static_assert(NELEM(last_names) == 64, "6 bits pick a name");

static const char *const domains[] = {
	"example.com", "gmail.com", "yahoo.com", "outlook.com",
	"hotmail.com", "icloud.com", "proton.me", "fastmail.com"
};
_Static_assert(NELEM(domains) == 8, "3 bits pick a domain");

static const char *const pay_statuses[] = {
	"succeeded", "succeeded", "succeeded", "succeeded", "succeeded",
	"refunded", "failed", "pending"
};
static const char *const inv_statuses[] = {
	"paid", "paid", "paid", "paid", "open", "open", "void", "uncollectible"
};
static const char *const plans[] = {
	"free", "starter", "starter", "pro", "pro", "pro", "business",
	"enterprise"
};
static const char *const sub_statuses[] = {
	"active", "active", "active", "active", "trialing", "past_due",
	"canceled", "canceled"
};
_Static_assert(NELEM(pay_statuses) == 8 && NELEM(inv_statuses) == 8 &&
    NELEM(plans) == 8 && NELEM(sub_statuses) == 8, "3 bits pick one");

/* integration_settings: different rows in each environment. */
struct setting {
	const char	*key;
	const char	*value;		/* NULL for SQL NULL */
};
static const struct setting prod_settings[] = {
	{ "crm_instance_url", "https://acme.my.salesforce.com" },
	{ "stripe_account", "acct_1Prod0000000000" },
	{ "stripe_api_key", "sk_live_51Prod0000000000000000000000" },
	{ "stripe_webhook_secret", "whsec_prod0000000000000000000000" },
	{ "webhook_url", "https://api.acme.com/hooks/stripe" }
};
static const struct setting staging_settings[] = {
	{ "crm_instance_url", "https://acme--staging.sandbox.my.salesforce.com" },
	{ "mail_catcher", "smtp://mailpit.staging.internal:1025" },
	{ "stripe_account", "acct_1Test0000000000" },
	{ "stripe_api_key", "sk_test_51Test0000000000000000000000" },
	{ "stripe_webhook_secret", NULL },
	{ "webhook_url", "https://staging-api.acme.com/hooks/stripe" }
};

static const char base62[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static const char digits2[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "68697071727374757677787980818283848586878889909192939495969798"
    "99";

/* Names escaped once for the dialect (MySQL: the apostrophes). */
static struct str e_first[NELEM(first_names)];
static struct str e_last[NELEM(last_names)];

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
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rng_next(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return mix(r->s);
}

/* Uniform in [0, n) for 0 < n < 2^32 (Lemire). */
static uint32_t
rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * n) >> 32);
}

/* What every environment knows of person p: name, e-mail, phone. */
static uint64_t
person_hash(uint64_t p)
{
	return mix(mix(seed ^ 0x706572736f6e0000ULL) + p * 0x9e3779b97f4a7c15ULL);
}

/* What one environment made of person p: its external ids. */
static uint64_t
env_hash(uint64_t p, enum env e, uint64_t salt)
{
	return mix(person_hash(p) ^ mix(salt + (uint64_t)e + 1));
}

/*
 * Escape for the dialect: pg COPY text (backslash, TAB, LF, CR) or a
 * MySQL '...' string as mysql_real_escape_string writes it.
 */
static struct str
esc(const char *s)
{
	struct str	 e;
	size_t		 n, i;
	char		*d, *p, c;

	n = strlen(s);
	d = p = xmalloc(2 * n + 1);
	for (i = 0; i < n; i++) {
		c = s[i];
		if (dialect == PG) {
			switch (c) {
			case '\\':	*p++ = '\\'; *p++ = '\\'; continue;
			case '\t':	*p++ = '\\'; *p++ = 't'; continue;
			case '\n':	*p++ = '\\'; *p++ = 'n'; continue;
			case '\r':	*p++ = '\\'; *p++ = 'r'; continue;
			default:	break;
			}
		} else {
			switch (c) {
			case '\\':	*p++ = '\\'; *p++ = '\\'; continue;
			case '\'':	*p++ = '\\'; *p++ = '\''; continue;
			case '"':	*p++ = '\\'; *p++ = '"'; continue;
			case '\n':	*p++ = '\\'; *p++ = 'n'; continue;
			case '\r':	*p++ = '\\'; *p++ = 'r'; continue;
			default:	break;
			}
		}
		*p++ = c;
	}
	e.s = d;
	e.n = (size_t)(p - d);
	return e;
}

/* Output buffer. */

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

static void
out_str(const char *s)
{
	size_t	 n;

	n = strlen(s);
	out_need(n);
	memcpy(out.p, s, n);
	out.p += n;
}

/* Several strings, NULL-terminated list. */
static void
out_strs(const char *const *s)
{
	for (; *s != NULL; s++)
		out_str(*s);
}

static inline char *
put(char *p, const struct str *s)
{
	memcpy(p, s->s, s->n);
	return p + s->n;
}

static inline char *
put_cstr(char *p, const char *s)
{
	size_t	 n;

	n = strlen(s);
	memcpy(p, s, n);
	return p + n;
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

static void
out_u64(uint64_t v)
{
	out_need(20);
	out.p = put_u64(out.p, v);
}

static inline char *
put2(char *p, unsigned v)
{
	memcpy(p, digits2 + v * 2, 2);
	return p + 2;
}

static char *
put_cents(char *p, uint32_t cents)
{
	p = put_u64(p, cents / 100);
	*p++ = '.';
	return put2(p, cents % 100);
}

/* "2021-03-04 05:06:07+00" (pg timestamptz) or "2021-03-04 05:06:07". */
static char *
put_ts(char *p, uint64_t secs)
{
	uint64_t	 days, doe, yoe, doy, mp, y, rem;
	unsigned	 m, d;

	days = secs / 86400 + 719468;
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
	if (dialect == PG) {
		memcpy(p, "+00", 3);
		p += 3;
	}
	return p;
}

/* Field syntax. */

static inline char *
put_sep(char *p)
{
	*p++ = dialect == MY ? ',' : '\t';
	return p;
}

static inline char *
put_quote(char *p)
{
	if (dialect == MY)
		*p++ = '\'';
	return p;
}

static inline char *
put_null(char *p)
{
	if (dialect == MY) {
		memcpy(p, "NULL", 4);
		return p + 4;
	}
	memcpy(p, "\\N", 2);
	return p + 2;
}

static inline char *
row_begin(char *p)
{
	if (dialect == MY)
		*p++ = '(';
	return p;
}

static inline char *
row_end(char *p)
{
	*p++ = dialect == MY ? ')' : '\n';
	return p;
}

static inline char *
put_qstr(char *p, const char *s)
{
	p = put_quote(p);
	p = put_cstr(p, s);
	return put_quote(p);
}

/* n base-62 characters from two draws. */
static char *
put_b62(char *p, uint64_t a, uint64_t b, int n)
{
	int	 i;

	for (i = 0; i < n; i++) {
		if (i == 10)
			a = b;
		*p++ = base62[a % 62];
		a /= 62;
	}
	return p;
}

/* The person of this dump's user id u (1..nusers). */
static uint64_t
person_of(uint64_t u)
{
	return u - 1 + person_off;
}

/* Stripe customer id of person p here, or NULL: "cus_" + 14 chars. */
static char *
put_stripe(char *p, uint64_t person)
{
	uint64_t	 h;

	h = env_hash(person, env, 0x737472697065ULL);
	if (h % 100 < (env == PROD ? 4u : 3u))
		return put_null(p);
	p = put_quote(p);
	memcpy(p, "cus_", 4);
	p = put_b62(p + 4, h >> 7, mix(h), 14);
	return put_quote(p);
}

/* CRM account id of person p here, or NULL: "0015" + 14 chars. */
static char *
put_crm(char *p, uint64_t person)
{
	uint64_t	 h;

	h = env_hash(person, env, 0x63726dULL);
	if (h % 100 < (env == PROD ? 2u : 1u))
		return put_null(p);
	p = put_quote(p);
	memcpy(p, "0015", 4);
	p = put_b62(p + 4, h >> 7, mix(h), 14);
	return put_quote(p);
}

/*
 * users (id, email, first_name, last_name, phone, stripe_customer_id,
 * crm_id, created_at).  Bits of the person hash: 0-5 first name, 6-11
 * last name, 12-15 e-mail style, 16-18 domain, 19-25 NULL first name,
 * 26-32 NULL phone, 33 phone format, 34-63 phone digits.
 */
static char *
gen_user(struct gen *g, char *p, uint64_t id)
{
	uint64_t	 person, x, ph;
	unsigned	 f, l, i;
	char		 num[10], *local, *at;
	int		 caps;

	person = person_of(id);
	x = person_hash(person);
	f = x & 63;
	l = (x >> 6) & 63;
	caps = env == PROD && env_hash(person, PROD, 0x63617073ULL) % 100 < 8;

	p = row_begin(p);
	p = put_u64(p, id);

	/* "zoe.obrien42@gmail.com", "zobrien42@gmail.com" */
	p = put_sep(p);
	p = put_quote(p);
	local = p;
	if (((x >> 12) & 15) < 5)
		*p++ = first_names[f].slug[0];
	else {
		p = put_cstr(p, first_names[f].slug);
		*p++ = '.';
	}
	p = put_cstr(p, last_names[l].slug);
	p = put_u64(p, person + 1);
	*p++ = '@';
	at = p;
	p = put_cstr(p, domains[(x >> 16) & 7]);
	if (caps) {	/* "Zoe.Obrien42@Gmail.com" */
		local[0] = (char)(local[0] - 'a' + 'A');
		for (i = 1; local + i < at; i++)
			if (local[i - 1] == '.' && local[i] >= 'a' &&
			    local[i] <= 'z')
				local[i] = (char)(local[i] - 'a' + 'A');
		*at = (char)(*at - 'a' + 'A');
	}
	p = put_quote(p);

	/* first_name 3 % NULL */
	p = put_sep(p);
	if (((x >> 19) & 127) < 4)
		p = put_null(p);
	else {
		p = put_quote(p);
		p = put(p, &e_first[f]);
		p = put_quote(p);
	}
	p = put_sep(p);
	p = put_quote(p);
	p = put(p, &e_last[l]);
	p = put_quote(p);

	/* phone 15 % NULL */
	p = put_sep(p);
	if (((x >> 26) & 127) < 19)
		p = put_null(p);
	else {
		ph = x >> 34;
		for (i = 0; i < 10; i++, ph /= 10)
			num[i] = (char)('0' + ph % 10);
		num[0] = (char)('2' + (x >> 40) % 8);
		p = put_quote(p);
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
		p = put_quote(p);
	}

	p = put_sep(p);
	p = put_stripe(p, person);
	p = put_sep(p);
	p = put_crm(p, person);
	p = put_sep(p);
	p = put_quote(p);
	p = put_ts(p, T0 + id * g->step + rng_below(&g->r, (uint32_t)g->step));
	p = put_quote(p);
	return row_end(p);
}

static uint64_t
row_user(struct gen *g)
{
	return 1 + rng_below(&g->r, (uint32_t)nusers);
}

/*
 * invoices (id, user_id, crm_account_id, number, amount_due, status,
 * issued_at)
 */
static char *
gen_invoice(struct gen *g, char *p, uint64_t id)
{
	uint64_t	 u, x, t;

	u = row_user(g);
	x = rng_next(&g->r);
	t = T0 + id * g->step;
	p = row_begin(p);
	p = put_u64(p, id);
	p = put_sep(p);
	p = put_u64(p, u);
	p = put_sep(p);
	p = put_crm(p, person_of(u));
	p = put_sep(p);
	p = put_quote(p);
	p = put_cstr(p, "INV-");
	p = put_u64(p, 1000000 + id);
	p = put_quote(p);
	p = put_sep(p);
	p = put_cents(p, 500 + (uint32_t)(x % 49500));
	p = put_sep(p);
	p = put_qstr(p, inv_statuses[(x >> 32) & 7]);
	p = put_sep(p);
	p = put_quote(p);
	p = put_ts(p, t);
	p = put_quote(p);
	return row_end(p);
}

/* payments (id, user_id, customer_ref, amount, currency, status, created_at) */
static char *
gen_payment(struct gen *g, char *p, uint64_t id)
{
	uint64_t	 u, x;

	u = row_user(g);
	x = rng_next(&g->r);
	p = row_begin(p);
	p = put_u64(p, id);
	p = put_sep(p);
	p = put_u64(p, u);
	p = put_sep(p);
	p = put_stripe(p, person_of(u));
	p = put_sep(p);
	p = put_cents(p, 100 + (uint32_t)(x % 99900));
	p = put_sep(p);
	p = put_qstr(p, "usd");
	p = put_sep(p);
	p = put_qstr(p, pay_statuses[(x >> 32) & 7]);
	p = put_sep(p);
	p = put_quote(p);
	p = put_ts(p, T0 + id * g->step + rng_below(&g->r, (uint32_t)g->step));
	p = put_quote(p);
	return row_end(p);
}

/*
 * subscriptions (id, user_id, stripe_customer_id, plan, status,
 * current_period_end)
 */
static char *
gen_subscription(struct gen *g, char *p, uint64_t id)
{
	uint64_t	 u, x;

	u = row_user(g);
	x = rng_next(&g->r);
	p = row_begin(p);
	p = put_u64(p, id);
	p = put_sep(p);
	p = put_u64(p, u);
	p = put_sep(p);
	p = put_stripe(p, person_of(u));
	p = put_sep(p);
	p = put_qstr(p, plans[x & 7]);
	p = put_sep(p);
	p = put_qstr(p, sub_statuses[(x >> 3) & 7]);
	p = put_sep(p);
	p = put_quote(p);
	p = put_ts(p, T0 + SPAN + (x >> 32) % (365u * 86400));
	p = put_quote(p);
	return row_end(p);
}

static void
write_settings(void)
{
	const struct setting	*s;
	size_t			 i, n;
	struct str		 e;

	s = env == PROD ? prod_settings : staging_settings;
	n = env == PROD ? NELEM(prod_settings) : NELEM(staging_settings);
	for (i = 0; i < n; i++) {
		out_need(ROW_MAX);
		if (dialect == MY)
			*out.p++ = i == 0 ? ' ' : ',';
		out.p = row_begin(out.p);
		out.p = put_u64(out.p, i + 1);
		out.p = put_sep(out.p);
		e = esc(s[i].key);
		out.p = put_quote(out.p);
		out.p = put(out.p, &e);
		out.p = put_quote(out.p);
		out.p = put_sep(out.p);
		if (s[i].value == NULL)
			out.p = put_null(out.p);
		else {
			e = esc(s[i].value);
			out.p = put_quote(out.p);
			out.p = put(out.p, &e);
			out.p = put_quote(out.p);
		}
		out.p = row_end(out.p);
	}
}

static uint64_t
nsettings(void)
{
	return env == PROD ? NELEM(prod_settings) : NELEM(staging_settings);
}

/* --- PostgreSQL ---------------------------------------------------- */

struct table {
	const char	*name;
	const char	*pg_cols;	/* CREATE TABLE body */
	const char	*my_cols;
	const char	*list;		/* column list of COPY */
	row_fn		 fn;		/* NULL: integration_settings */
	uint64_t	 n;
	struct gen	 g;
};

static void
pg_rows(struct table *t)
{
	uint64_t	 id;

	for (id = 1; id <= t->n; id++) {
		out_need(ROW_MAX);
		out.p = t->fn(&t->g, out.p, id);
	}
}

static void
write_pg(struct table *t, size_t nt)
{
	size_t	 i;

	out_str("--\n-- PostgreSQL database dump\n--\n\n"
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
	for (i = 0; i < nt; i++) {
		const char *s[] = {
			"--\n-- Name: ", t[i].name, "; Type: TABLE; Schema: "
			"public; Owner: postgres\n--\n\nCREATE TABLE public.",
			t[i].name, " (\n", t[i].pg_cols, "\n);\n\n\n"
			"ALTER TABLE public.", t[i].name,
			" OWNER TO postgres;\n\n", NULL
		};
		out_strs(s);
	}
	for (i = 0; i < nt; i++) {
		const char *s[] = {
			"--\n-- Data for Name: ", t[i].name, "; Type: TABLE "
			"DATA; Schema: public; Owner: postgres\n--\n\n"
			"COPY public.", t[i].name, " (", t[i].list,
			") FROM stdin;\n", NULL
		};
		out_strs(s);
		if (t[i].fn != NULL)
			pg_rows(&t[i]);
		else
			write_settings();
		out_str("\\.\n\n\n");
	}
	for (i = 0; i < nt; i++) {
		const char *s[] = {
			"--\n-- Name: ", t[i].name, " ", t[i].name, "_pkey; "
			"Type: CONSTRAINT; Schema: public; Owner: postgres\n"
			"--\n\nALTER TABLE ONLY public.", t[i].name,
			"\n    ADD CONSTRAINT ", t[i].name, "_pkey PRIMARY KEY "
			"(id);\n\n\n", NULL
		};
		out_strs(s);
	}
	out_str("--\n-- Name: users users_email_key; Type: CONSTRAINT; "
	    "Schema: public; Owner: postgres\n--\n\n"
	    "ALTER TABLE ONLY public.users\n"
	    "    ADD CONSTRAINT users_email_key UNIQUE (email);\n\n\n");
	for (i = 0; i < nt; i++) {
		if (t[i].fn == NULL || strcmp(t[i].name, "users") == 0)
			continue;
		const char *s[] = {
			"--\n-- Name: ", t[i].name, " ", t[i].name,
			"_user_id_fkey; Type: FK CONSTRAINT; Schema: public; "
			"Owner: postgres\n--\n\nALTER TABLE ONLY public.",
			t[i].name, "\n    ADD CONSTRAINT ", t[i].name,
			"_user_id_fkey FOREIGN KEY (user_id) REFERENCES "
			"public.users(id);\n\n\n", NULL
		};
		out_strs(s);
	}
	out_str("--\n-- PostgreSQL database dump complete\n--\n\n");
}

/* --- MySQL --------------------------------------------------------- */

static void
my_rows(struct table *t)
{
	char		 head[128];
	size_t		 hlen, line, rlen;
	uint64_t	 id;
	char		*start, *end;
	int		 r;

	r = snprintf(head, sizeof(head), "INSERT INTO `%s` VALUES ", t->name);
	if (r < 0 || (size_t)r >= sizeof(head))
		die("table name too long");
	hlen = (size_t)r;
	line = 0;
	for (id = 1; id <= t->n; id++) {
		out_need(ROW_MAX + hlen + 2);
		if (line == 0) {
			memcpy(out.p, head, hlen);
			out.p += hlen;
			start = out.p;
			out.p = t->fn(&t->g, out.p, id);
			line = hlen + (size_t)(out.p - start);
			continue;
		}
		start = out.p;
		*out.p++ = ',';
		end = t->fn(&t->g, out.p, id);
		rlen = (size_t)(end - out.p);
		if (line + rlen + 1 < NET_BUFFER_LENGTH) {
			line += rlen + 1;
			out.p = end;
			continue;
		}
		memmove(start + 2 + hlen, start + 1, rlen);
		memcpy(start, ";\n", 2);
		memcpy(start + 2, head, hlen);
		out.p = start + 2 + hlen + rlen;
		line = hlen + rlen;
	}
	if (line > 0)
		out_str(";\n");
}

static void
write_my(struct table *t, size_t nt)
{
	size_t	 i;

	out_str("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n"
	    "--\n"
	    "-- Host: localhost    Database: billing\n"
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
	for (i = 0; i < nt; i++) {
		const char *s[] = {
			"--\n-- Table structure for table `", t[i].name,
			"`\n--\n\nDROP TABLE IF EXISTS `", t[i].name, "`;\n"
			"/*!40101 SET @saved_cs_client     = "
			"@@character_set_client */;\n"
			"/*!50503 SET character_set_client = utf8mb4 */;\n"
			"CREATE TABLE `", t[i].name, "` (\n", t[i].my_cols,
			"\n) ENGINE=InnoDB AUTO_INCREMENT=", NULL
		};
		out_strs(s);
		out_u64((t[i].fn != NULL ? t[i].n : nsettings()) + 1);
		const char *s2[] = {
			" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n"
			"/*!40101 SET character_set_client = @saved_cs_client "
			"*/;\n\n--\n-- Dumping data for table `", t[i].name,
			"`\n--\n\nLOCK TABLES `", t[i].name, "` WRITE;\n"
			"/*!40000 ALTER TABLE `", t[i].name,
			"` DISABLE KEYS */;\n", NULL
		};
		out_strs(s2);
		if (t[i].fn != NULL)
			my_rows(&t[i]);
		else {
			out_str("INSERT INTO `integration_settings` VALUES");
			write_settings();
			out_str(";\n");
		}
		const char *s3[] = {
			"/*!40000 ALTER TABLE `", t[i].name,
			"` ENABLE KEYS */;\nUNLOCK TABLES;\n\n", NULL
		};
		out_strs(s3);
	}
	out_str("/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n"
	    "/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;\n"
	    "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n"
	    "/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;\n"
	    "/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n"
	    "/*!40101 SET "
	    "CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;\n"
	    "/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;\n"
	    "/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n\n"
	    "-- Dump completed on 2025-06-01 12:00:00\n");
}

#define FK(t)	"  KEY `index_" t "_on_user_id` (`user_id`),\n" \
	"  CONSTRAINT `fk_" t "_user` FOREIGN KEY (`user_id`) REFERENCES " \
	"`users` (`id`)"

static struct table tables[] = {
	{ "integration_settings",
	  "    id bigint NOT NULL,\n"
	  "    key character varying(64) NOT NULL,\n"
	  "    value text",
	  "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
	  "  `key` varchar(64) NOT NULL,\n"
	  "  `value` text,\n"
	  "  PRIMARY KEY (`id`)",
	  "id, key, value", NULL, 0, { { 0 }, 1 } },
	{ "invoices",
	  "    id bigint NOT NULL,\n"
	  "    user_id bigint NOT NULL,\n"
	  "    crm_account_id character varying(32),\n"
	  "    number character varying(32) NOT NULL,\n"
	  "    amount_due numeric(12,2) NOT NULL,\n"
	  "    status character varying(16) NOT NULL,\n"
	  "    issued_at timestamp with time zone NOT NULL",
	  "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
	  "  `user_id` bigint NOT NULL,\n"
	  "  `crm_account_id` varchar(32) DEFAULT NULL,\n"
	  "  `number` varchar(32) NOT NULL,\n"
	  "  `amount_due` decimal(12,2) NOT NULL,\n"
	  "  `status` varchar(16) NOT NULL,\n"
	  "  `issued_at` datetime NOT NULL,\n"
	  "  PRIMARY KEY (`id`),\n" FK("invoices"),
	  "id, user_id, crm_account_id, number, amount_due, status, issued_at",
	  gen_invoice, 0, { { 0 }, 1 } },
	{ "payments",
	  "    id bigint NOT NULL,\n"
	  "    user_id bigint NOT NULL,\n"
	  "    customer_ref character varying(32),\n"
	  "    amount numeric(12,2) NOT NULL,\n"
	  "    currency character(3) NOT NULL,\n"
	  "    status character varying(16) NOT NULL,\n"
	  "    created_at timestamp with time zone NOT NULL",
	  "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
	  "  `user_id` bigint NOT NULL,\n"
	  "  `customer_ref` varchar(32) DEFAULT NULL,\n"
	  "  `amount` decimal(12,2) NOT NULL,\n"
	  "  `currency` char(3) NOT NULL,\n"
	  "  `status` varchar(16) NOT NULL,\n"
	  "  `created_at` datetime NOT NULL,\n"
	  "  PRIMARY KEY (`id`),\n" FK("payments"),
	  "id, user_id, customer_ref, amount, currency, status, created_at",
	  gen_payment, 0, { { 0 }, 1 } },
	{ "subscriptions",
	  "    id bigint NOT NULL,\n"
	  "    user_id bigint NOT NULL,\n"
	  "    stripe_customer_id character varying(32),\n"
	  "    plan character varying(16) NOT NULL,\n"
	  "    status character varying(16) NOT NULL,\n"
	  "    current_period_end timestamp with time zone NOT NULL",
	  "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
	  "  `user_id` bigint NOT NULL,\n"
	  "  `stripe_customer_id` varchar(32) DEFAULT NULL,\n"
	  "  `plan` varchar(16) NOT NULL,\n"
	  "  `status` varchar(16) NOT NULL,\n"
	  "  `current_period_end` datetime NOT NULL,\n"
	  "  PRIMARY KEY (`id`),\n" FK("subscriptions"),
	  "id, user_id, stripe_customer_id, plan, status, current_period_end",
	  gen_subscription, 0, { { 0 }, 1 } },
	{ "users",
	  "    id bigint NOT NULL,\n"
	  "    email character varying(255) NOT NULL,\n"
	  "    first_name character varying(100),\n"
	  "    last_name character varying(100),\n"
	  "    phone character varying(32),\n"
	  "    stripe_customer_id character varying(32),\n"
	  "    crm_id character varying(32),\n"
	  "    created_at timestamp with time zone NOT NULL",
	  "  `id` bigint NOT NULL AUTO_INCREMENT,\n"
	  "  `email` varchar(255) NOT NULL,\n"
	  "  `first_name` varchar(100) DEFAULT NULL,\n"
	  "  `last_name` varchar(100) DEFAULT NULL,\n"
	  "  `phone` varchar(32) DEFAULT NULL,\n"
	  "  `stripe_customer_id` varchar(32) DEFAULT NULL,\n"
	  "  `crm_id` varchar(32) DEFAULT NULL,\n"
	  "  `created_at` datetime NOT NULL,\n"
	  "  PRIMARY KEY (`id`),\n"
	  "  UNIQUE KEY `index_users_on_email` (`email`)",
	  "id, email, first_name, last_name, phone, stripe_customer_id, "
	  "crm_id, created_at",
	  gen_user, 0, { { 0 }, 1 } }
};

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s pg|mysql prod|staging ROWS [SEED]\n", progname);
	exit(status);
}

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
	uint64_t	 rows, nu, ninv, npay, nsub;
	size_t		 i;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0))
		usage(stdout, 0);
	if (argc < 4 || argc > 5)
		usage(stderr, 2);
	if (strcmp(argv[1], "pg") == 0)
		dialect = PG;
	else if (strcmp(argv[1], "mysql") == 0)
		dialect = MY;
	else
		usage(stderr, 2);
	if (strcmp(argv[2], "prod") == 0)
		env = PROD;
	else if (strcmp(argv[2], "staging") == 0)
		env = STAGING;
	else
		usage(stderr, 2);
	rows = parse_num(argv[3], 0, MAX_ROWS, "ROWS");
	seed = argc == 5 ? parse_num(argv[4], 0, UINT64_MAX, "SEED") : 1;

	nu = rows / 4;
	ninv = rows / 4;
	npay = rows * 3 / 8;
	nsub = rows - nu - ninv - npay;
	nusers = nu;
	person_off = env == PROD ? 0 : nu * 3 / 10;

	for (i = 0; i < NELEM(first_names); i++)
		e_first[i] = esc(first_names[i].name);
	for (i = 0; i < NELEM(last_names); i++)
		e_last[i] = esc(last_names[i].name);

	for (i = 0; i < NELEM(tables); i++) {
		struct table *t = &tables[i];

		t->n = strcmp(t->name, "invoices") == 0 ? ninv :
		    strcmp(t->name, "payments") == 0 ? npay :
		    strcmp(t->name, "subscriptions") == 0 ? nsub :
		    strcmp(t->name, "users") == 0 ? nu : 0;
		t->g.r.s = mix(seed ^ (0x7461626c65ULL + i) ^
		    ((uint64_t)env << 40));
		t->g.step = t->n > 0 && SPAN / t->n > 0 ? SPAN / t->n : 1;
		/* A table references users: it needs some. */
		if (t->fn != NULL && t->fn != gen_user && t->n > 0 && nu == 0)
			die("ROWS too small: no users to reference");
	}

	out.buf = out.p = xmalloc(OUT_SIZE);
	out.end = out.buf + OUT_SIZE;
	if (setvbuf(stdout, NULL, _IONBF, 0) != 0)
		die("setvbuf failed");
	if (dialect == PG)
		write_pg(tables, NELEM(tables));
	else
		write_my(tables, NELEM(tables));
	out_flush();
	if (fflush(stdout) != 0 || ferror(stdout))
		die_write();
	if (fclose(stdout) != 0)
		die_write();
	return 0;
}
