/*
 * dict: the word lists the fake-data actions of transform draw from,
 * compiled in for two locales, "en" (United States) and "de" (Germany).
 *
 * Every list is a constant array of (string, byte length) pairs so that
 * the hot path never calls strlen().  Strings are UTF-8; the German lists
 * hold umlauts and ß, so a byte length is not a length in characters.
 * The data are common given names, surnames, street and city names and
 * country names, written for this project.
 */
#ifndef DF_DICT_H
#define DF_DICT_H

#include <stddef.h>

/* One entry: s is NUL-terminated, len its length in bytes. */
struct dict_word {
	const char	*s;
	unsigned char	 len;
};

struct dict_list {
	const struct dict_word *w;
	size_t		 n;
};

/*
 * A locale's dictionaries and formats.  A company name is built as
 * "STEM TRADE LEGAL" ("Summit Logistics Inc.", "Rhein Logistik GmbH");
 * a street as "NUMBER STREET" or, with number_after, "STREET NUMBER";
 * a zip code as zip_digits digits, zero-padded, in [zip_min, zip_max].
 */
struct dict_locale {
	const char	*name;
	struct dict_list first;		/* given names, mixed genders */
	struct dict_list last;		/* surnames */
	struct dict_list street;
	struct dict_list city;
	struct dict_list company_stem;
	struct dict_list company_trade;
	struct dict_list company_legal;
	struct dict_list country;	/* in the locale's language */
	int		 number_after;	/* "Lindenstraße 12" */
	unsigned	 house_max;	/* house numbers are 1..house_max */
	unsigned	 zip_min, zip_max;
	unsigned	 zip_digits;
};

/*
 * The locale called name ("en" when name is NULL), or NULL if there is
 * no such locale.  The result is static.
 */
const struct dict_locale *dict_locale(const char *);

/*
 * The names email and username build local parts from: ASCII letters
 * only, capitalised ("Mary"); callers lowercase them while copying (the
 * en lists, which are kept ASCII for this purpose and checked by the unit
 * test).
 */
extern const struct dict_list dict_ascii_first;
extern const struct dict_list dict_ascii_last;

#endif
