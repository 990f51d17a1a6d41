#include "names.h"

#include <string.h>

#include "util.h"

enum {
	NAME_MIN_CHARS = 2,
	NAME_MAX_CHARS = 4,     /* 欧阳振华: a surname of two and two more */
	/* By form, whatever its surname, three at most: four characters of form
	 * are mostly an idiom (久久为功, 扎根基层 争当带头人), a name of four has a
	 * listed surname (欧阳振华, 张王丽华). */
	NAME_FORM_MAX_CHARS = 3,
	DOT_NAME_MAX_CHARS = 16, /* 阿米娜·吐尔洪 */
	DOT_PART_MAX_CHARS = 7,  /* 阿不都热合曼 */
	POSTS_MAX_CHARS = 60,
};

#define IDEOGRAPHIC_COMMA 0x3001
#define FULLWIDTH_COMMA 0xFF0C
#define MIDDLE_DOT 0x00B7
#define KATAKANA_MIDDLE_DOT 0x30FB

static bool is_han(uint32_t uc)
{
	return (uc >= 0x3400 && uc <= 0x9FFF) || (uc >= 0xF900 && uc <= 0xFAFF) ||
	       (uc >= 0x20000 && uc <= 0x3FFFF);
}

static bool is_name_dot(uint32_t uc)
{
	return uc == MIDDLE_DOT || uc == KATAKANA_MIDDLE_DOT || uc == 0x2022;
}

size_t names_space_len(const char *s, size_t len)
{
	if (len >= 1 && s[0] == ' ')
		return 1;
	if (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) /* U+3000 */
		return 3;
	if (len >= 2 && memcmp(s, "\xC2\xA0", 2) == 0) /* U+00A0 */
		return 2;
	return 0;
}

static bool has_stop_word(const struct lexicon *lex, struct str s)
{
	size_t i;

	uint32_t uc;

	/* At each character that may start one: does a stop word start there? */
	for (i = 0; i < s.len;) {
		size_t n = text_next(s.s + i, s.len - i, &uc);
		if (wordlist_may_start(&lex->name_stop, uc) &&
		    wordlist_prefix_of(&lex->name_stop, (struct str){s.s + i, s.len - i}).s)
			return true;
		i += n;
	}
	return false;
}

/* 阿米娜·吐尔洪: Han parts, none empty, joined by a middle dot. */
static bool is_dot_name(struct str s, size_t chars)
{
	size_t i = 0, part = 0, dots = 0;
	uint32_t uc;

	if (chars > DOT_NAME_MAX_CHARS)
		return false;
	while (i < s.len) {
		i += text_next(s.s + i, s.len - i, &uc);
		if (is_name_dot(uc)) {
			if (part == 0)
				return false;
			dots++;
			part = 0;
		} else if (is_han(uc)) {
			if (++part > DOT_PART_MAX_CHARS)
				return false;
		} else {
			return false;
		}
	}
	return dots > 0 && part > 0;
}

/* Whether a name's dot (U+00B7 C2 B7, U+30FB E3 83 BB, U+2022 E2 80 A2)
 * starts at p, left bytes from the end. */
static bool dot_at(const unsigned char *p, size_t left)
{
	return (p[0] == 0xC2 && left >= 2 && p[1] == 0xB7) ||
	       (p[0] == 0xE3 && left >= 3 && p[1] == 0x83 && p[2] == 0xBB) ||
	       (p[0] == 0xE2 && left >= 3 && p[1] == 0x80 && p[2] == 0xA2);
}

/* Whether s holds a name's dot, one pass by characters. */
static bool has_dot_bytes(struct str s)
{
	size_t i;

	for (i = 0; i < s.len; i += text_char_len((unsigned char)s.s[i]))
		if (dot_at((const unsigned char *)s.s + i, s.len - i))
			return true;
	return false;
}

/* Where the spaces inside s start (王　强), else 0. */
static size_t inner_space(struct str s)
{
	size_t i;

	for (i = 0; i < s.len; i += text_char_len((unsigned char)s.s[i]))
		if (names_space_len(s.s + i, s.len - i))
			return i;
	return 0;
}

/* 王　强: a name of two padded to the width of three, a surname of one
 * character (a listed one, unless by_form), spaces, one more. */
static bool is_padded_pair(const struct lexicon *lex, struct str s, size_t space, bool by_form)
{
	size_t i = space, n, given;
	uint32_t uc, sur;

	if (text_next(s.s, space, &sur) != space || !is_han(sur) ||
	    (!by_form && wordlist_prefix_of(&lex->surname, s).len != space))
		return false;
	while ((n = names_space_len(s.s + i, s.len - i)) > 0)
		i += n;
	given = text_next(s.s + i, s.len - i, &uc);
	return i < s.len && i + given == s.len && is_han(uc) && !charset_has(&lex->not_name, uc) &&
	       !charset_has(&lex->not_name, sur);
}

static bool no_sentence(const struct lexicon *lex, struct str s, bool commas);

/* Two or three Han characters (or two padded with spaces, 邗　思), no stop
 * word, the first none that never stands in a name and one such at most
 * after it (赵其林): a name by its form, whatever its surname (SPEC 1.5). */
static bool person_by_form(const struct lexicon *lex, struct str s)
{
	size_t i = 0, chars = 0, odd = 0;
	uint32_t uc;

	if (s.len == 0 || s.len > NAME_MAX_CHARS * 4)
		return false;
	while (i < s.len) {
		size_t at = i;
		i += text_next(s.s + i, s.len - i, &uc);
		if (!is_han(uc)) /* 邗　思: padded after its first character */
			return chars == 1 && names_space_len(s.s + at, s.len - at) &&
			       is_padded_pair(lex, s, at, true);
		if (++chars > NAME_FORM_MAX_CHARS)
			return false;
		if (charset_has(&lex->not_name, uc) && (chars == 1 || ++odd > 1))
			return false;
	}
	return chars >= NAME_MIN_CHARS && !has_stop_word(lex, s);
}

/* names_is_person, told whether s holds a name's dot (has_dot_bytes),
 * which a split asks once for all its cuts. */
static bool is_person(const struct lexicon *lex, struct str s, bool dot)
{
	size_t i = 0, chars = 0;
	struct str surname = STR_NULL;
	uint32_t uc;

	if (s.len == 0 || s.len > DOT_NAME_MAX_CHARS * 4)
		return false;
	/* Cheap refusals first: every line's head is asked this, many times.
	 * Only a name with a dot may start with no surname's first character. */
	text_next(s.s, s.len, &uc);
	bool may_surname = wordlist_may_start(&lex->surname, uc);
	if (may_surname && s.len <= 3 + 3 * 3 + 3 && (i = inner_space(s)) > 0) /* 王 U+3000 ×3 强 at most */
		return is_padded_pair(lex, s, i, false);
	if (!dot && (!may_surname || s.len > NAME_MAX_CHARS * 4 ||
		     !(surname = wordlist_prefix_of(&lex->surname, s)).s))
		return false;
	i = 0;
	while (i < s.len) {
		i += text_next(s.s + i, s.len - i, &uc);
		chars++;
		if (!is_name_dot(uc) && (!is_han(uc) || charset_has(&lex->not_name, uc)))
			return false;
	}
	if (dot)
		return is_dot_name(s, chars);
	if (chars < NAME_MIN_CHARS || chars > NAME_MAX_CHARS)
		return false;
	return surname.len < s.len &&
	       (s.len - surname.len <= 3 || text_char_count(s.s + surname.len, s.len - surname.len) <= 3) &&
	       !has_stop_word(lex, s);
}

bool names_is_person(const struct lexicon *lex, struct str s)
{
	return is_person(lex, s, has_dot_bytes(s));
}

static bool is_comma(uint32_t uc)
{
	return uc == FULLWIDTH_COMMA || uc == ',';
}

static bool no_sentence(const struct lexicon *lex, struct str s, bool commas)
{
	size_t i = 0;
	uint32_t uc;

	if (memchr(s.s, '*', s.len))
		return false;
	for (; (i = charset_find(&lex->bare_forbidden, s, i, &uc)) < s.len; i++)
		if (uc != IDEOGRAPHIC_COMMA && !(commas && is_comma(uc)))
			return false;
	return true;
}

bool names_no_sentence(const struct lexicon *lex, struct str s)
{
	return no_sentence(lex, s, false);
}

bool names_no_sentence_but_commas(const struct lexicon *lex, struct str s)
{
	return no_sentence(lex, s, true);
}

/* A role, perhaps written after 原 or 前, or an organisation, ends s; by
 * form, a person-noun character (长 员 师 监…) will do. */
static bool ends_post(const struct lexicon *lex, struct str s, bool by_form)
{
	uint32_t uc;

	if (wordlist_suffix_of(&lex->role, s).s || wordlist_suffix_of(&lex->org_suffix, s).s)
		return true;
	if (!by_form || s.len == 0)
		return false;
	size_t last = text_prev(s.s, s.len);
	text_next(s.s + last, s.len - last, &uc);
	return last > 0 && charset_has(&lex->person_noun, uc);
}

static bool is_posts(const struct lexicon *lex, struct str s, bool by_form)
{
	size_t last, i = 0;
	uint32_t uc;

	if (s.len == 0 || memchr(s.s, '*', s.len) ||
	    (s.len > POSTS_MAX_CHARS && text_char_count(s.s, s.len) > POSTS_MAX_CHARS))
		return false;
	/* No sentence in it, the 、 between posts apart, and a comma after a
	 * post (市委常委、常务副市长，市政府党组副书记); its last post starts after
	 * the last of them. */
	for (last = 0; (i = charset_find(&lex->bare_forbidden, s, i, &uc)) < s.len; i = last) {
		if (uc != IDEOGRAPHIC_COMMA &&
		    !(is_comma(uc) && ends_post(lex, str_trim((struct str){s.s + last, i - last}), by_form)))
			return false;
		last = i + text_char_len((unsigned char)s.s[i]);
	}
	return ends_post(lex, str_trim((struct str){s.s + last, s.len - last}), by_form);
}

bool names_is_posts(const struct lexicon *lex, struct str s)
{
	return is_posts(lex, s, false);
}

/* A name by its shape alone: a few characters, no sentence in them. */
static bool person_by_shape(const struct lexicon *lex, struct str s)
{
	return s.len > 0 && s.len <= DOT_NAME_MAX_CHARS * 4 &&
	       text_char_count(s.s, s.len) <= DOT_NAME_MAX_CHARS && no_sentence(lex, s, false);
}

/* names_is_person_at, told whether s holds a name's dot. */
static bool person_whole(const struct lexicon *lex, struct str s, enum names_trust t, bool dot)
{
	if (t == NAMES_SHAPE)
		return person_by_shape(lex, s);
	return is_person(lex, s, dot) || (t == NAMES_FORM && person_by_form(lex, s));
}

bool names_is_person_at(const struct lexicon *lex, struct str s, enum names_trust t)
{
	return person_whole(lex, s, t, t != NAMES_SHAPE && has_dot_bytes(s));
}

bool names_is_posts_at(const struct lexicon *lex, struct str s, enum names_trust t)
{
	if (t == NAMES_SHAPE)
		return s.len > 0 && s.len <= POSTS_MAX_CHARS * 4 && no_sentence(lex, s, true);
	return is_posts(lex, s, t == NAMES_FORM);
}

struct str names_last_post(struct str posts)
{
	size_t start = 0, end, sep;
	struct str last = posts;

	while (start < posts.len) {
		end = names_post_end(posts, start, &sep);
		if (end > start)
			last = str_trim((struct str){posts.s + start, end - start});
		start = end + sep;
	}
	return last;
}

/*
 * What every cut of a split asks of the whole, found in one pass before the
 * first: its first and last runs of spaces ([from, to) each) and whether it
 * holds a name's dot. A split by form tries four levels of trust and each
 * several cuts: a 100 MB own-line page was scanned 690,000 times here (30
 * MB, a character at a time) before one pass a split (240,000, 13 MB).
 */
struct split_scan {
	bool spaced, dot;
	size_t first_from, first_to, last_from, last_to;
};

static struct split_scan scan_split(struct str s)
{
	struct split_scan sc = {0};
	size_t i = 0, from;

	while (i < s.len) {
		unsigned char b = (unsigned char)s.s[i];
		/* only ' ', U+3000 (E3 80 80) and U+00A0 (C2 A0) start a space;
		 * only C2, E3 and E2 a dot */
		if (b != ' ' && b != 0xE3 && b != 0xC2 && b != 0xE2) {
			i += text_char_len(b);
			continue;
		}
		if (!names_space_len(s.s + i, s.len - i)) {
			sc.dot = sc.dot || dot_at((const unsigned char *)s.s + i, s.len - i);
			i += text_char_len(b);
			continue;
		}
		for (from = i; i < s.len && names_space_len(s.s + i, s.len - i);)
			i += names_space_len(s.s + i, s.len - i);
		if (!sc.spaced)
			sc.first_from = from, sc.first_to = i;
		sc.last_from = from, sc.last_to = i;
		sc.spaced = true;
	}
	return sc;
}

/*
 * What a split must show, most trusted first: both listed; a listed surname
 * and posts by their form; listed posts and a name by its form; both by
 * form. A split by form tries them in this order, so that of the cuts of
 * 副主任任大明 the one with a listed surname (任大明) wins over the shortest.
 */
enum trust { TRUST_LISTED, TRUST_SURNAME, TRUST_ROLE, TRUST_FORM, TRUST_SHAPE };

/* dot: whether the whole that name was cut from may hold a name's dot
 * (false: it was looked at and holds none) */
static bool person_at(const struct lexicon *lex, struct str name, enum trust t, bool dot)
{
	if (t == TRUST_SHAPE)
		return person_by_shape(lex, name);
	if (t == TRUST_LISTED || t == TRUST_SURNAME)
		return is_person(lex, name, dot && has_dot_bytes(name));
	return is_person(lex, name, dot && has_dot_bytes(name)) || person_by_form(lex, name);
}

static bool posts_at(const struct lexicon *lex, struct str posts, enum trust t)
{
	if (t == TRUST_SHAPE)
		return names_is_posts_at(lex, posts, NAMES_SHAPE);
	return is_posts(lex, posts, t == TRUST_SURNAME || t == TRUST_FORM);
}

static bool try_split(const struct lexicon *lex, struct str posts, struct str name, enum trust t,
		      bool dot, struct str *posts_out, struct str *name_out)
{
	if (!person_at(lex, name, t, dot) || !posts_at(lex, posts, t))
		return false;
	*posts_out = posts;
	*name_out = name;
	return true;
}

/* Whether the cut at cut takes the last character of a listed role for a
 * surname (发展改革委主|任禤砚瑜): the role, not the name, ends there. */
static bool cut_splits_role(const struct lexicon *lex, struct str s, size_t cut)
{
	size_t first = text_char_len((unsigned char)s.s[cut]);
	struct str role = wordlist_suffix_of(&lex->role, (struct str){s.s, cut + first});

	return role.s && role.len > first;
}

/* Whether a dot name's first part runs on from posts: a person-noun
 * character inside it with two characters after it (领航员阿依古丽·买买提),
 * where the posts end and the name starts. */
static bool dot_part_after_role(const struct lexicon *lex, struct str name)
{
	size_t i = 0, at = 0, after = 0;
	uint32_t uc;

	while (i < name.len) {
		i += text_next(name.s + i, name.len - i, &uc);
		if (is_name_dot(uc))
			return at > 0 && after >= 2;
		if (charset_has(&lex->person_noun, uc) && i > text_char_len((unsigned char)name.s[0]))
			at = i, after = 0;
		else
			after++;
	}
	return false;
}

/* A cut of POSTSNAME that only looks like one: see the two above. A split
 * that trusts listed posts places a role's end itself; an unlisted role
 * before a dot name misleads every split (县林草局|巡河员热合曼·艾力). */
static bool misleading_cut(const struct lexicon *lex, struct str s, size_t cut, enum trust t,
			   bool dot)
{
	return (dot && dot_part_after_role(lex, (struct str){s.s + cut, s.len - cut})) ||
	       ((t == TRUST_SURNAME || t == TRUST_FORM) && cut_splits_role(lex, s, cut));
}

/* POSTSNAME: the shortest name at the end that leaves posts. dot: whether
 * s holds a name's dot (none of its cuts does where it does not). */
static bool split_unspaced(const struct lexicon *lex, struct str s, enum trust t, bool dot,
			   struct str *posts, struct str *name)
{
	size_t cut = s.len, chars = 0;
	struct str p, n;

	/* Only a name with a dot is longer than four characters. */
	size_t max_chars = dot ? DOT_NAME_MAX_CHARS : NAME_MAX_CHARS;

	while (cut > 0 && chars < max_chars) {
		cut = text_prev(s.s, cut);
		chars++;
		/* the cut's words first: most cuts fail them, few mislead */
		if (chars >= NAME_MIN_CHARS && cut > 0 &&
		    try_split(lex, (struct str){s.s, cut}, (struct str){s.s + cut, s.len - cut}, t,
			      dot, &p, &n) &&
		    !misleading_cut(lex, s, cut, t, dot)) {
			*posts = p;
			*name = n;
			return true;
		}
	}
	return false;
}

/* POSTS NAME, POSTSNAME, NAME POSTS. */
static bool split_posts_name(const struct lexicon *lex, struct str s, enum trust t,
			     const struct split_scan *sc, struct str *posts, struct str *name)
{
	size_t from = sc->last_from, to = sc->last_to;
	bool dot = sc->dot;

	if (!sc->spaced)
		return split_unspaced(lex, s, t, dot, posts, name);
	if (try_split(lex, (struct str){s.s, from}, (struct str){s.s + to, s.len - to}, t, dot, posts,
		      name))
		return true;
	/* POSTS 王　强, POSTS王　强: the last space pads a name of two */
	if (from > 0 && text_char_count(s.s + to, s.len - to) == 1) {
		size_t head = text_prev(s.s, from);
		if (try_split(lex, str_trim((struct str){s.s, head}),
			      (struct str){s.s + head, s.len - head}, t, dot, posts, name))
			return true;
	}
	/* NAME POSTS */
	from = sc->first_from, to = sc->first_to;
	return try_split(lex, (struct str){s.s + to, s.len - to}, (struct str){s.s, from}, t, dot,
			 posts, name);
}

bool names_split(const struct lexicon *lex, struct str s, bool posts_optional, struct str *posts,
		 struct str *name)
{
	return names_split_at(lex, s, posts_optional, NAMES_LISTED, posts, name);
}

/* The levels of trust a split at t may use, from the most trusted. */
static const enum trust split_levels[][4] = {
	[NAMES_LISTED] = {TRUST_LISTED, TRUST_LISTED, TRUST_LISTED, TRUST_LISTED},
	[NAMES_FORM] = {TRUST_LISTED, TRUST_SURNAME, TRUST_ROLE, TRUST_FORM},
	[NAMES_SHAPE] = {TRUST_SHAPE, TRUST_SHAPE, TRUST_SHAPE, TRUST_SHAPE},
};

bool names_split_at(const struct lexicon *lex, struct str s, bool posts_optional,
		    enum names_trust t, struct str *posts, struct str *name)
{
	s = str_trim(s);
	struct split_scan sc = scan_split(s);

	for (size_t k = 0; k < 4; k++)
		if ((k == 0 || split_levels[t][k] != split_levels[t][k - 1]) &&
		    split_posts_name(lex, s, split_levels[t][k], &sc, posts, name))
			return true;
	if (posts_optional && person_whole(lex, s, t, sc.dot)) {
		*posts = (struct str){s.s, 0};
		*name = s;
		return true;
	}
	return false;
}

/* Posts are joined by 、 (or ， or ,): the separator's length at s, else 0. */
static size_t separator_len(const char *s, size_t len)
{
	if (len >= 1 && s[0] == ',')
		return 1;
	if (len >= 3 && (memcmp(s, "\xE3\x80\x81", 3) == 0 || memcmp(s, "\xEF\xBC\x8C", 3) == 0))
		return 3;
	return 0;
}

size_t names_post_end(struct str posts, size_t from, size_t *sep_len)
{
	/* a character at a time: the separators are whole ones, and posts are
	 * mostly Han, three bytes each */
	while (from < posts.len) {
		unsigned char b = (unsigned char)posts.s[from];
		if ((b == ',' || b == 0xE3 || b == 0xEF) && /* the separators' first bytes */
		    (*sep_len = separator_len(posts.s + from, posts.len - from)) > 0)
			return from;
		from += text_char_len(b);
	}
	*sep_len = 0;
	return posts.len;
}

char *names_unpadded(struct str name, struct str designation, size_t *len)
{
	size_t i, n;
	char *made;

	if (!inner_space(name)) /* a name is trimmed: none at 0 */
		return NULL;
	made = xmalloc(name.len + designation.len);
	for (*len = 0, i = 0; i < name.len; i += n)
		if (!(n = names_space_len(name.s + i, name.len - i)))
			made[(*len)++] = name.s[i], n = 1;
	if (designation.len)
		memcpy(made + *len, designation.s, designation.len);
	return made;
}
