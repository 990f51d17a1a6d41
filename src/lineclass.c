#include "lineclass.h"

#include <string.h>

#include "names.h"
#include "util.h"

enum { BARE_MAX_CHARS = 20, BYLINE_MAX_CHARS = 40 };

/* Bare (SPEC 1.1), and heading-like (the same, with 、 allowed). */
static unsigned bare_flags(const struct lexicon *lex, struct str s)
{
	size_t i = 0, chars;
	unsigned flags = LF_BARE | LF_HEADING;
	uint32_t uc;

	if (s.len > BARE_MAX_CHARS * 4) /* no character is longer than 4 bytes */
		return 0;
	chars = text_char_count(s.s, s.len);
	if (chars == 0 || chars > BARE_MAX_CHARS)
		return 0;
	for (; (i = charset_find(&lex->bare_forbidden, s, i, &uc)) < s.len; i++) {
		if (uc != 0x3001) /* 、 */
			return 0;
		flags &= ~(unsigned)LF_BARE;
	}
	return flags | (wordlist_suffix_of(&lex->group, s).s ? LF_GROUP : 0);
}

/* s without one pair of round brackets around it, and whether it had them. */
static struct str unbracket(struct str s, bool *bracketed)
{
	*bracketed = false;
	if (s.len > 2 && s.s[0] == '(' && s.s[s.len - 1] == ')') {
		*bracketed = true;
		return str_trim((struct str){s.s + 1, s.len - 2});
	}
	if (s.len > 6 && memcmp(s.s, "\xEF\xBC\x88", 3) == 0 && /* （ … ） */
	    memcmp(s.s + s.len - 3, "\xEF\xBC\x89", 3) == 0) {
		*bracketed = true;
		return str_trim((struct str){s.s + 3, s.len - 6});
	}
	return s;
}

enum { DATELINE_MAX_BYTES = 24 * 3 };

/* 本报北京１月１３日讯 记者李舫报道: a dateline (a listed opening, 讯 soon
 * after) before a credit. Returns the credit, or STR_NULL. */
static struct str after_dateline(const struct lexicon *lex, struct str s)
{
	struct str head = {s.s, MIN(s.len, (size_t)DATELINE_MAX_BYTES)};
	const char *xun;

	if (!wordlist_prefix_of(&lex->dateline, s).s || !(xun = str_find(head, str_from("\xE8\xAE\xAF"))))
		return STR_NULL; /* 讯 */
	return str_trim((struct str){xun + 3, s.len - (size_t)(xun + 3 - s.s)});
}

/* A credit line: a listed prefix, then a short rest that is no sentence and
 * starts with a space or a surname (记者 唐笑 整理, 全媒体记者刘惠子, but
 * not 记者节快乐). Several reporters may be joined by 、 or spaces. */
bool lineclass_byline(const struct lexicon *lex, struct str s, bool *bracketed, struct str *reporter)
{
	struct str prefix, rest;
	uint32_t uc;

	s = unbracket(s, bracketed);
	if ((rest = after_dateline(lex, s)).s && rest.len > 0)
		return lineclass_byline(lex, rest, &(bool){false}, reporter);
	if (s.len > BYLINE_MAX_CHARS * 4 || !(prefix = wordlist_prefix_of(&lex->byline, s)).s ||
	    (s.len > BYLINE_MAX_CHARS && text_char_count(s.s, s.len) > BYLINE_MAX_CHARS))
		return false;
	rest = str_trim((struct str){s.s + prefix.len, s.len - prefix.len});
	/* 文/本报记者 X: a credit before the byline proper */
	if (rest.len > 0 && rest.len < s.len) {
		text_next(rest.s, rest.len, &uc);
		if (wordlist_may_start(&lex->byline, uc) && wordlist_prefix_of(&lex->byline, rest).s)
			return lineclass_byline(lex, rest, &(bool){false}, reporter);
	}
	if (rest.len == 0 || !names_no_sentence(lex, rest))
		return false;
	if (!names_space_len(s.s + prefix.len, s.len - prefix.len) &&
	    !wordlist_prefix_of(&lex->surname, rest).s)
		return false;
	*reporter = rest;
	return true;
}

/* A listed word at the start of s, followed by a colon, a space or nothing. */
static bool starts_with_label(const struct wordlist *list, struct str s)
{
	struct str w = wordlist_prefix_of(list, s), rest;

	if (!w.s)
		return false;
	rest = (struct str){s.s + w.len, s.len - w.len};
	return rest.len == 0 || names_space_len(rest.s, rest.len) || rest.s[0] == ':' ||
	       (rest.len >= 3 && (memcmp(rest.s, "\xEF\xBC\x9A", 3) == 0 ||  /* ： */
				  memcmp(rest.s, "\xEF\xBC\x88", 3) == 0)); /* （ */
}

/* ———编者: the signature that closes an editor's note. */
static bool is_note_signature(const struct lexicon *lex, struct str s)
{
	size_t i = 0;

	while (i + 3 <= s.len && memcmp(s.s + i, "\xE2\x80\x94", 3) == 0)
		i += 3;
	return i > 0 && wordlist_prefix_of(&lex->preamble, (struct str){s.s + i, s.len - i}).len ==
				s.len - i;
}


/* Whether a paragraph ending in s is complete (SPEC 1.2). */
static bool is_complete(const struct lexicon *lex, struct str s)
{
	size_t end = s.len;
	uint32_t uc;

	if (end == 0)
		return true;
	end = text_prev(s.s, end);
	text_next(s.s + end, s.len - end, &uc);
	if (charset_has(&lex->closing, uc) && end > 0) {
		end = text_prev(s.s, end);
		text_next(s.s + end, s.len - end, &uc);
	}
	return charset_has(&lex->complete_end, uc);
}

unsigned lineclass_flags(const struct lexicon *lex, struct str s)
{
	unsigned flags = bare_flags(lex, s) | (is_complete(lex, s) ? LF_COMPLETE : 0);
	struct str reporter;
	bool bracketed;
	uint32_t uc;

	text_next(s.s, s.len, &uc);
	if (!wordlist_may_start(&lex->byline, uc) && !wordlist_may_start(&lex->trailer, uc) &&
	    !wordlist_may_start(&lex->dateline, uc) &&
	    !wordlist_may_start(&lex->preamble, uc) && uc != '(' && uc != 0xFF08 && uc != 0x2014)
		return flags; /* （ — */
	if (lineclass_byline(lex, s, &bracketed, &reporter))
		flags |= LF_BYLINE | (bracketed ? LF_BRACKETED : 0);
	struct str inner = unbracket(s, &bracketed); /* （本版编辑：X） */
	if (starts_with_label(&lex->trailer, s) ||
	    (bracketed && starts_with_label(&lex->trailer, inner)))
		flags |= LF_TRAILER;
	if (starts_with_label(&lex->preamble, s) || is_note_signature(lex, s))
		flags |= LF_PREAMBLE;
	if (s.len >= 3 && memcmp(s.s, "\xE2\x80\x94", 3) == 0)
		flags |= LF_DASH;
	return flags;
}
