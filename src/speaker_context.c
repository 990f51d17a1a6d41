#include "speaker.h"

#include <string.h>

#include "util.h"

/*
 * The line a recogniser is handed (speaker.h): without the bullets and the
 * ordinal a page sets before a speaker line, and with what the recognisers'
 * shapes turn on found once (its first bracket and colon, its bold marks).
 */

enum { ORDINAL_MAX_BYTES = 3 * 3 /* 二十三 */ };

#define FW_LPAREN "\xEF\xBC\x88" /* （ */
#define FW_RPAREN "\xEF\xBC\x89" /* ） */

/* What closes an ordinal: 1. 1． 一、 1) 1）; a bracketed one, the last two. */
static const char *const ordinal_ends[] = {".", "\xEF\xBC\x8E", "\xE3\x80\x81", ")", FW_RPAREN};

/* The length of lit when s starts with it, else 0. */
static size_t starts(struct str s, const char *lit)
{
	size_t n = strlen(lit);

	return s.len >= n && memcmp(s.s, lit, n) == 0 ? n : 0;
}

/* The length of the ordinal line opens with (1. 2、 （三） (4)), else 0. */
static size_t ordinal_len(const struct lexicon *lex, struct str line)
{
	size_t start = (starts(line, "(") ? 1 : starts(line, FW_LPAREN)), i = start, n, close;
	uint32_t uc;

	while (i < line.len && i - start < ORDINAL_MAX_BYTES &&
	       (n = text_next(line.s + i, line.len - i, &uc)) && charset_has(&lex->numeral, uc))
		i += n;
	if (i == start)
		return 0;
	/* bracketed, the bracket closes right after; else a listed end */
	for (n = start ? ARRAY_LEN(ordinal_ends) - 2 : 0; n < ARRAY_LEN(ordinal_ends); n++)
		if ((close = starts((struct str){line.s + i, line.len - i}, ordinal_ends[n])))
			return i + close;
	return 0;
}

struct str speaker_unmarked(const struct lexicon *lex, struct str line)
{
	size_t n;
	uint32_t uc;

	/* a first byte no bullet starts with (nearly every line) ends it at once */
	while (line.len > 0 && lex->bullet.first_byte[(unsigned char)line.s[0]]) {
		n = text_next(line.s, line.len, &uc);
		if (!charset_has(&lex->bullet, uc))
			break;
		line = str_trim((struct str){line.s + n, line.len - n});
	}
	if (line.len > 0 && (lex->numeral.first_byte[(unsigned char)line.s[0]] || line.s[0] == '(' ||
			     starts(line, FW_LPAREN)) &&
	    (n = ordinal_len(lex, line)) > 0)
		line = str_trim((struct str){line.s + n, line.len - n});
	/* **县发改委主任 陈建华** on a line of its own: bold around it all */
	if (line.len > 4 && starts(line, "**") && memmem(line.s + 2, line.len - 2, "**", 2) == line.s + line.len - 2)
		line = str_trim((struct str){line.s + 2, line.len - 4});
	return line;
}

void speaker_scan(struct speaker_context *ctx)
{
	struct str line = ctx->line;
	size_t end = MIN(line.len, (size_t)SPEAKER_SCAN_BYTES);
	const char *p = line.s, *stop = line.s + end, *at;

	/* ( and : by memchr; （ and ： (EF BC 88, EF BC 9A) at the few EF bytes
	 * a line of Han text holds (its ，) */
	at = memchr(line.s, '(', end);
	ctx->bracket_at = at ? (size_t)(at - line.s) : SIZE_MAX;
	at = memchr(line.s, ':', end);
	ctx->colon_at = at ? (size_t)(at - line.s) : SIZE_MAX;
	while (p < stop && (at = memchr(p, '\xEF', (size_t)(stop - p)))) {
		size_t i = (size_t)(at - line.s);
		if (i + 2 < line.len && at[1] == '\xBC') {
			if (at[2] == '\x88')
				ctx->bracket_at = MIN(ctx->bracket_at, i);
			else if (at[2] == '\x9A')
				ctx->colon_at = MIN(ctx->colon_at, i);
		}
		if (ctx->bracket_at < i && ctx->colon_at < i)
			break;
		p = at + 1;
	}
	ctx->stars = memchr(line.s, '*', line.len) && memmem(line.s, line.len, "**", 2);
}

bool speaker_needs_scan(unsigned layouts)
{
	return layouts & (1u << LAYOUT_BOLD | 1u << LAYOUT_NAME_FIRST | 1u << LAYOUT_DELEGATE |
			  1u << LAYOUT_RUN_IN);
}

