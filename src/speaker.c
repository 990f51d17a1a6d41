#include "speaker.h"

#include <string.h>

#include "util.h"

enum { NAME_MAX_CHARS = 16 };

/* The first "**" at or after from. memchr finds the rare '*' fast; every
 * line of a collection is asked this. */
static const char *find_stars(struct str s, size_t from)
{
	const char *p = s.s + from, *end = s.s + s.len;

	while (p < end && (p = memchr(p, '*', (size_t)(end - p)))) {
		if (p + 1 < end && p[1] == '*')
			return p;
		p += 2;
	}
	return NULL;
}

/* Length of an ASCII or full-width colon at s, else 0. */
static size_t colon_len(const char *s, size_t len)
{
	if (len >= 1 && s[0] == ':')
		return 1;
	if (len >= 3 && memcmp(s, "\xEF\xBC\x9A", 3) == 0) /* U+FF1A */
		return 3;
	return 0;
}

static bool plausible_name(struct str name)
{
	size_t chars = text_char_count(name.s, name.len);

	return chars >= 1 && chars <= NAME_MAX_CHARS && !memchr(name.s, '*', name.len);
}

/* POSTS**NAME**:TEXT, the seed's layout. */
static bool match_bold_name(struct str line, struct speaker_line *out)
{
	const char *open = find_stars(line, 0), *close;
	struct str rest;
	size_t colon;

	if (!open)
		return false;
	close = find_stars(line, (size_t)(open - line.s) + 2);
	if (!close)
		return false;
	rest = (struct str){close + 2, line.len - (size_t)(close + 2 - line.s)};
	rest = str_trim(rest);
	colon = colon_len(rest.s, rest.len);
	if (!colon)
		return false;
	out->posts = str_trim((struct str){line.s, (size_t)(open - line.s)});
	out->name = str_trim((struct str){open + 2, (size_t)(close - open) - 2});
	out->text = str_trim((struct str){rest.s + colon, rest.len - colon});
	return plausible_name(out->name);
}

static bool (*const recognisers[])(struct str, struct speaker_line *) = {
	match_bold_name,
};

bool speaker_match(struct str line, struct speaker_line *out)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(recognisers); i++)
		if (recognisers[i](line, out))
			return true;
	return false;
}
