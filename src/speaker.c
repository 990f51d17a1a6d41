#include "speaker.h"

#include <assert.h>
#include <string.h>

#include "names.h"
#include "util.h"

enum {
	BOLD_NAME_MAX_CHARS = 16,
	HEAD_MAX_BYTES = 60 * 3, /* where a run-in line's colon may stand */
	OWN_LINE_MAX_CHARS = 40,
	NAME_FIRST_MAX_BYTES = 16 * 3,
	DELEGATE_HEAD_BYTES = SPEAKER_SCAN_BYTES, /* a name and its designation */
};

static_assert((int)NAME_FIRST_MAX_BYTES <= (int)SPEAKER_SCAN_BYTES, "speaker_scan sees a name-first bracket");

#define FW_LPAREN "\xEF\xBC\x88" /* （ */
#define FW_RPAREN "\xEF\xBC\x89" /* ） */
#define LENTICULAR_OPEN "\xE3\x80\x90" /* 【 */
#define LENTICULAR_CLOSE "\xE3\x80\x91" /* 】 */

/* Counts a question of words, where the marking wants to know. */
static void words_asked(const struct speaker_context *ctx)
{
	if (ctx->words_asked)
		++*ctx->words_asked;
}

/* The names tests a recogniser asks: by the lists, or by form alone where
 * the page's pattern vouches for the line (ctx->trust). */

static bool is_person(const struct speaker_context *ctx, struct str s)
{
	words_asked(ctx);
	return names_is_person_at(ctx->lex, s, ctx->trust);
}

static bool is_posts(const struct speaker_context *ctx, struct str s)
{
	words_asked(ctx);
	return names_is_posts_at(ctx->lex, s, ctx->trust);
}

static bool split(const struct speaker_context *ctx, struct str s, bool posts_optional,
		  struct str *posts, struct str *name)
{
	words_asked(ctx);
	return names_split_at(ctx->lex, s, posts_optional, ctx->trust, posts, name);
}

static struct str tail(struct str s, size_t from)
{
	return (struct str){s.s + from, s.len - from};
}

/* strlen of a literal is folded at compile time where it is inlined. */
static inline size_t lit_len(struct str s, const char *lit)
{
	size_t n = strlen(lit);

	return s.len >= n && memcmp(s.s, lit, n) == 0 ? n : 0;
}

/* Length of an ASCII or full-width colon at s, else 0. */
static size_t colon_len(struct str s)
{
	return lit_len(s, ":") ? 1 : lit_len(s, "\xEF\xBC\x9A"); /* U+FF1A */
}

static size_t open_paren_len(struct str s)
{
	return lit_len(s, "(") ? 1 : lit_len(s, FW_LPAREN);
}

/* Where the first opening bracket stands within limit bytes of line, or 0. */
static size_t find_open_paren(struct str line, size_t limit)
{
	size_t i, end = MIN(line.len, limit);

	/* by characters: what is looked for starts one */
	for (i = 0; i < end; i += text_char_len((unsigned char)line.s[i]))
		if (line.s[i] == '(' || (line.s[i] == '\xEF' && i + 2 < line.len &&
					 line.s[i + 1] == '\xBC' && line.s[i + 2] == '\x88'))
			return i;
	return 0;
}

/* The first closing bracket in s, or s.len. */
static size_t find_close_paren(struct str s, size_t *close_len)
{
	size_t i;

	for (i = 0; i < s.len; i += text_char_len((unsigned char)s.s[i])) {
		if (s.s[i] == ')') {
			*close_len = 1;
			return i;
		}
		if (lit_len(tail(s, i), FW_RPAREN)) {
			*close_len = 3;
			return i;
		}
	}
	return s.len;
}

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

/* A name between bold marks: short, no stars. Whatever else is in it is
 * the page's word (and shown sanitised). */
static bool plausible_bold_name(struct str name)
{
	size_t chars = name.len > BOLD_NAME_MAX_CHARS ? text_char_count(name.s, name.len) : name.len;

	/* In UTF-8 a '*' byte is always the character '*'. */
	return chars >= 1 && chars <= BOLD_NAME_MAX_CHARS && !memchr(name.s, '*', name.len);
}

/* The designation that ends name (张立国代表 → 代表), or absent. */
static struct str designation_of(const struct lexicon *lex, struct str name)
{
	struct str d = wordlist_suffix_of(&lex->designation, name);

	return d.s && d.len < name.len ? (struct str){name.s + name.len - d.len, d.len} : STR_NULL;
}

/* "**NAME**" at the start of line: the name and what follows the marks. */
static bool leading_bold(struct str line, struct str *name, struct str *rest)
{
	const char *close;

	if (!lit_len(line, "**") || !(close = find_stars(line, 2)))
		return false;
	*name = str_trim((struct str){line.s + 2, (size_t)(close - line.s) - 2});
	*rest = str_trim(tail(line, (size_t)(close + 2 - line.s)));
	return true;
}

/*
 * What may follow a name: "（POSTS）" (required or optional), a speech verb
 * (说) where allowed, then a colon and the first paragraph.
 */
struct after_name {
	bool posts_required, verb_allowed;
};

static bool parse_after_name(const struct speaker_context *ctx, struct str rest,
			     struct after_name how, struct speaker_line *out)
{
	size_t open = open_paren_len(rest), close, close_len = 0, colon;
	struct str verb;

	out->posts = (struct str){rest.s, 0};
	if (open) {
		close = find_close_paren(tail(rest, open), &close_len);
		if (!close_len)
			return false;
		out->posts = str_trim((struct str){rest.s + open, close});
		if (!is_posts(ctx, out->posts))
			return false;
		rest = str_trim(tail(rest, open + close + close_len));
	} else if (how.posts_required) {
		return false;
	}
	if (how.verb_allowed && (verb = wordlist_prefix_of(&ctx->lex->speech_verb, rest)).s)
		rest = tail(rest, verb.len);
	if (!(colon = colon_len(rest)))
		return false;
	out->text = str_trim(tail(rest, colon));
	return true;
}

/* POSTS**NAME**:TEXT, **NAME：**TEXT, **NAME**: TEXT — the seed's layout. */
static bool match_bold(const struct speaker_context *ctx, struct speaker_line *out)
{
	struct str line = ctx->line, rest;
	const char *open = ctx->stars ? find_stars(line, 0) : NULL, *close;
	size_t colon;

	if (!open || !(close = find_stars(line, (size_t)(open - line.s) + 2)))
		return false;
	out->name = str_trim((struct str){open + 2, (size_t)(close - open) - 2});
	rest = str_trim(tail(line, (size_t)(close + 2 - line.s)));
	if ((colon = colon_len(rest)) > 0) {
		out->text = str_trim(tail(rest, colon));
	} else {
		/* the colon inside the marks */
		size_t last = out->name.len ? text_prev(out->name.s, out->name.len) : 0;
		if (!out->name.len || !colon_len(tail(out->name, last)))
			return false;
		out->name = str_trim((struct str){out->name.s, last});
		out->text = rest;
	}
	out->posts = str_trim((struct str){line.s, (size_t)(open - line.s)});
	return plausible_bold_name(out->name);
}

/* NAME（POSTS）：TEXT, **NAME**（POSTS）：TEXT; the brackets may hold a unit. */
static bool match_name_first(const struct speaker_context *ctx, struct speaker_line *out)
{
	struct str line = ctx->line, rest;
	size_t i;

	if (ctx->stars && leading_bold(line, &out->name, &rest)) {
		if (!plausible_bold_name(out->name))
			return false;
	} else {
		if (ctx->bracket_at >= NAME_FIRST_MAX_BYTES ||
		    !(i = find_open_paren(line, NAME_FIRST_MAX_BYTES)))
			return false;
		out->name = str_trim((struct str){line.s, i});
		rest = tail(line, i);
		if (!is_person(ctx, out->name))
			return false;
	}
	if (designation_of(ctx->lex, out->name).s)
		return false; /* a delegate's line */
	return parse_after_name(ctx, rest, (struct after_name){true, false}, out);
}

/* **NAME代表**（POSTS）：, **NAME代表**：, NAME代表（POSTS）说：, NAME委员说： */
/* Where the first bracket or colon stands within limit bytes of line, or 0. */
static size_t find_delimiter(struct str line, size_t limit)
{
	size_t i, end = MIN(line.len, limit);

	for (i = 0; i < end; i += text_char_len((unsigned char)line.s[i])) {
		if (line.s[i] == '(' || line.s[i] == ':')
			return i;
		if (line.s[i] == '\xEF' && i + 2 < line.len && line.s[i + 1] == '\xBC' &&
		    (line.s[i + 2] == '\x88' || line.s[i + 2] == '\x9A')) /* （ ： */
			return i;
	}
	return 0;
}

static bool match_delegate(const struct speaker_context *ctx, struct speaker_line *out)
{
	struct str line = ctx->line, rest, head, d;
	size_t i;

	if (ctx->stars && leading_bold(line, &out->name, &rest)) {
		out->designation = designation_of(ctx->lex, out->name);
		if (!out->designation.s)
			return false;
		out->name.len -= out->designation.len;
		return plausible_bold_name(out->name) &&
		       parse_after_name(ctx, rest, (struct after_name){false, true}, out);
	}
	/* NAME代表（…） or NAME代表说： opens the line: the head before the first
	 * bracket or colon, less a verb, ends in a designation. */
	if (MIN(ctx->bracket_at, ctx->colon_at) >= DELEGATE_HEAD_BYTES ||
	    !(i = find_delimiter(line, DELEGATE_HEAD_BYTES)))
		return false;
	rest = tail(line, i);
	head = (struct str){line.s, i};
	if ((d = wordlist_suffix_of(&ctx->lex->speech_verb, head)).s)
		head.len -= d.len;
	out->designation = designation_of(ctx->lex, head);
	if (!out->designation.s)
		return false;
	out->name = (struct str){line.s, head.len - out->designation.len};
	return is_person(ctx, out->name) &&
	       parse_after_name(ctx, rest, (struct after_name){false, true}, out);
}

/* The first colon within the head of line, or 0. */
static size_t find_head_colon(struct str line, size_t *colon)
{
	struct str head = {line.s, MIN(line.len, HEAD_MAX_BYTES + 2)};
	const char *ascii = memchr(head.s, ':', MIN(line.len, HEAD_MAX_BYTES));
	const char *wide = str_find(head, str_from("\xEF\xBC\x9A")); /* ： */

	if (wide && (!ascii || wide < ascii)) {
		*colon = 3;
		return (size_t)(wide - line.s);
	}
	*colon = 1;
	return ascii ? (size_t)(ascii - line.s) : 0;
}

/* POSTS NAME：TEXT, POSTSNAME:TEXT, NAME：TEXT, 【NAME】POSTS：TEXT — no bold
 * marks. */
static bool match_run_in(const struct speaker_context *ctx, struct speaker_line *out)
{
	struct str line = ctx->line, head;
	size_t at, colon = 0, open = lit_len(line, LENTICULAR_OPEN);

	if (ctx->stars || !(at = find_head_colon(line, &colon)))
		return false;
	head = str_trim((struct str){line.s, at});
	out->text = str_trim(tail(line, at + colon));
	if (open) {
		const char *close = str_find(head, str_from(LENTICULAR_CLOSE));
		if (!close)
			return false;
		out->name = str_trim((struct str){head.s + open, (size_t)(close - head.s) - open});
		out->posts = str_trim(tail(head, (size_t)(close - head.s) + 3));
		return is_person(ctx, out->name) &&
		       (out->posts.len == 0 || is_posts(ctx, out->posts));
	}
	/* 张立群：TEXT, a name alone, on a page of experts */
	return split(ctx, head, true, &out->posts, &out->name);
}

static bool ends_sentence(const struct lexicon *lex, struct str line)
{
	size_t at = text_prev(line.s, line.len);
	uint32_t uc;

	text_next(line.s + at, line.len - at, &uc);
	return charset_has(&lex->complete_end, uc) || charset_has(&lex->closing, uc) ||
	       charset_has(&lex->bare_forbidden, uc);
}

/* Length of the dashes a subtitle opens with (——, —, --), else 0. */
static size_t dashes_len(struct str s)
{
	size_t i = 0, n;

	while ((n = lit_len(tail(s, i), "\xE2\x80\x94")) || (n = lit_len(tail(s, i), "\xE2\x80\x95")) ||
	       (n = lit_len(tail(s, i), "-")))
		i += n;
	return i;
}

/* NAME（POSTS） and nothing after it. */
static bool name_then_posts(const struct speaker_context *ctx, struct str line,
			    struct speaker_line *out)
{
	size_t at = find_open_paren(line, NAME_FIRST_MAX_BYTES), open, close, close_len = 0;
	struct str rest = tail(line, at);

	if (!at)
		return false;
	open = open_paren_len(rest);
	close = find_close_paren(tail(rest, open), &close_len);
	if (!close_len || open + close + close_len != rest.len)
		return false;
	out->name = str_trim((struct str){line.s, at});
	out->posts = str_trim((struct str){rest.s + open, close});
	return is_person(ctx, out->name) && is_posts(ctx, out->posts);
}

/* POSTS NAME, POSTSNAME, NAME POSTS or NAME（POSTS） on a line of its own (a
 * name alone under a headline, a dash before any), a paragraph after. */
static bool match_own_line(const struct speaker_context *ctx, struct speaker_line *out)
{
	/* ——市财政局局长 王刚 under a headline: a dash before it, as a subtitle */
	struct str line = str_trim(tail(ctx->line, dashes_len(ctx->line)));

	if (line.len == 0 || !ctx->next.s || ctx->next_bare || line.len > OWN_LINE_MAX_CHARS * 4)
		return false;
	out->text = (struct str){line.s + line.len, 0};
	if (line.s[line.len - 1] == ')' ||
	    (line.len >= 3 && memcmp(line.s + line.len - 3, FW_RPAREN, 3) == 0))
		return name_then_posts(ctx, line, out);
	/* Most lines are sentences: their last character fails them at once,
	 * the punctuation test soon after. */
	if (ends_sentence(ctx->lex, line) || !names_no_sentence_but_commas(ctx->lex, line) ||
	    (line.len > OWN_LINE_MAX_CHARS && text_char_count(line.s, line.len) > OWN_LINE_MAX_CHARS))
		return false;
	/* under a headline, a name alone will do: 把握新发展阶段 / 张三 / … */
	return split(ctx, line, ctx->prev_bare, &out->posts, &out->name);
}


/* ——POSTSNAME的学习体会, ——POSTS NAME对…的体会, under a headline. */
static bool match_subtitle(const struct speaker_context *ctx, struct speaker_line *out)
{
	struct str line = ctx->line, rest, t;
	size_t dash = dashes_len(line), i;

	if (!dash || !ctx->prev_bare)
		return false;
	rest = str_trim(tail(line, dash));
	if (!(t = wordlist_suffix_of(&ctx->lex->subtitle_tail, rest)).s)
		return false;
	rest.len -= t.len;
	out->text = (struct str){line.s + line.len, 0};
	if (split(ctx, rest, true, &out->posts, &out->name))
		return true;
	/* …NAME对“…”的体会: the name stands before the first fitting 对. */
	for (i = 0; i + 3 <= rest.len; i++)
		if (memcmp(rest.s + i, "\xE5\xAF\xB9", 3) == 0 && /* 对 */
		    split(ctx, (struct str){rest.s, i}, true, &out->posts, &out->name))
			return true;
	return false;
}

/* （作者为POSTS NAME）after the speech. */
static bool match_attribution(const struct speaker_context *ctx, struct speaker_line *out)
{
	struct str line = ctx->line, inner, prefix;
	size_t open = open_paren_len(line), close, close_len = 0;

	if (!open)
		return false;
	inner = tail(line, open);
	close = find_close_paren(inner, &close_len);
	if (!close_len || open + close + close_len != line.len)
		return false;
	inner.len = close;
	if (!(prefix = wordlist_prefix_of(&ctx->lex->attribution, inner)).s)
		return false;
	out->text = (struct str){line.s + line.len, 0};
	return split(ctx, tail(inner, prefix.len), false, &out->posts, &out->name);
}

/* …时，NAME代表 (the verb gone): a name and designation after the head's
 * last comma, a clause of circumstance before it. */
static bool designated_after_clause(const struct lexicon *lex, struct str head,
				    struct speaker_line *out)
{
	const char *comma = NULL, *at = head.s;
	struct str clause, d;

	while ((at = str_find((struct str){at, head.len - (size_t)(at - head.s)},
			      str_from("\xEF\xBC\x8C")))) /* the last ， */
		comma = at, at += 3;
	if (!comma)
		return false;
	clause = tail(head, (size_t)(comma - head.s) + 3);
	if (!(d = designation_of(lex, clause)).s)
		return false;
	out->designation = d;
	out->name = (struct str){clause.s, clause.len - d.len};
	out->posts = (struct str){clause.s, 0};
	return names_is_person(lex, out->name);
}

/* POSTSNAME说，… — narrative; only where nothing else explains a page. */
static bool match_reported(const struct speaker_context *ctx, struct speaker_line *out)
{
	struct str line = ctx->line, head, v;
	size_t i, end = MIN(line.len, HEAD_MAX_BYTES), punct;

	/* At each comma or colon of the head: a verb before it, a name before that. */
	for (i = 0; i < end; i += text_char_len((unsigned char)line.s[i])) {
		const char *p = line.s + i;
		if (*p == ',' || *p == ':')
			punct = 1;
		else if (*p == '\xEF' && i + 2 < line.len && p[1] == '\xBC' &&
			 (p[2] == '\x8C' || p[2] == '\x9A')) /* ， ： */
			punct = 3;
		else
			continue;
		head = (struct str){line.s, i};
		if (!(v = wordlist_suffix_of(&ctx->lex->speech_verb, head)).s)
			continue;
		head.len -= v.len;
		if (split(ctx, head, false, &out->posts, &out->name)) {
			out->text = str_trim(tail(line, i + punct));
			return true;
		}
		if (designated_after_clause(ctx->lex, head, out)) {
			out->text = line; /* the clause is part of what was reported */
			return true;
		}
	}
	return false;
}

struct recogniser {
	bool (*match)(const struct speaker_context *, struct speaker_line *);
	bool marked, closes;
	int rank; /* lower wins a tie */
};

#define LAYOUT_NAME(id, name) [id] = name,
static const char *const layout_names[] = {LAYOUTS(LAYOUT_NAME)};
#undef LAYOUT_NAME

static const struct recogniser recognisers[LAYOUT_COUNT] = {
	[LAYOUT_DELEGATE] = {match_delegate, true, false, 0},
	[LAYOUT_BOLD] = {match_bold, true, false, 1},
	[LAYOUT_NAME_FIRST] = {match_name_first, true, false, 2},
	[LAYOUT_SUBTITLE] = {match_subtitle, true, false, 3},
	[LAYOUT_ATTRIBUTION] = {match_attribution, true, true, 4},
	[LAYOUT_OWN_LINE] = {match_own_line, false, false, 5},
	[LAYOUT_RUN_IN] = {match_run_in, false, false, 6},
	[LAYOUT_REPORTED] = {match_reported, false, false, 7},
};

#define LAYOUT_JOIN(id, name) " " name
const char *speaker_layout_list(void)
{
	return LAYOUTS(LAYOUT_JOIN);
}
#undef LAYOUT_JOIN

const char *speaker_layout_name(enum speech_layout layout)
{
	return layout < LAYOUT_COUNT ? layout_names[layout] : "none";
}

enum speech_layout speaker_layout_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < LAYOUT_COUNT; i++)
		if (strcmp(layout_names[i], name) == 0)
			return (enum speech_layout)i;
	return LAYOUT_NONE;
}

bool speaker_layout_marked(enum speech_layout layout)
{
	return recognisers[layout].marked;
}

bool speaker_layout_closes(enum speech_layout layout)
{
	return recognisers[layout].closes;
}

int speaker_layout_rank(enum speech_layout layout)
{
	return recognisers[layout].rank;
}

bool speaker_match(const struct speaker_context *ctx, enum speech_layout layout,
		   struct speaker_line *out)
{
	*out = (struct speaker_line){0};
	return ctx->line.len > 0 && recognisers[layout].match(ctx, out) && out->name.len > 0;
}
