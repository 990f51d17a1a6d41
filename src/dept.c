#include "dept.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define OPEN_WIDE "\xEF\xBC\x88"  /* （ */
#define CLOSE_WIDE "\xEF\xBC\x89" /* ） */

/* The length of the bracketed part (（…） or (…)) that s opens with, else 0:
 * an organisation's other name, 中央党校（国家行政学院）. */
static size_t leading_alias(struct str s)
{
	const char *close;

	if (s.len > 1 && s.s[0] == '(' && (close = memchr(s.s, ')', s.len)))
		return (size_t)(close - s.s) + 1;
	if (s.len > 3 && memcmp(s.s, OPEN_WIDE, 3) == 0 && (close = str_find(s, str_from(CLOSE_WIDE))))
		return (size_t)(close - s.s) + 3;
	return 0;
}

/* The length of the bracketed part s ends with, else 0. */
static size_t trailing_alias(struct str s)
{
	size_t i;

	if (!str_ends(s, str_from(")")) && !str_ends(s, str_from(CLOSE_WIDE)))
		return 0;
	for (i = s.len; i-- > 0;)
		if (s.s[i] == '(' || (i + 3 <= s.len && memcmp(s.s + i, OPEN_WIDE, 3) == 0))
			return leading_alias((struct str){s.s + i, s.len - i}) == s.len - i ? s.len - i
											    : 0;
	return 0;
}

/* Whether org ends an organisation: in a listed suffix, or in one and then
 * its other name in brackets. */
static bool ends_org(const struct lexicon *lex, struct str org)
{
	size_t alias = trailing_alias(org);

	return wordlist_suffix_of(&lex->org_suffix, org).s ||
	       (alias && alias < org.len &&
		wordlist_suffix_of(&lex->org_suffix, (struct str){org.s, org.len - alias}).s);
}

/*
 * Split from the right: the longest listed role that leaves an organisation
 * ending in an organisation suffix (or leaves nothing: a bare role).
 *
 *     市住建局保障办 | 主任        role: longest fitting suffix
 *     市|住建局|保障办             place prefix | department | unit
 */
static bool split_role(const struct lexicon *lex, struct str post, struct post_split *out)
{
	size_t i;

	for (i = 0; i < lex->role.n; i++) {
		struct str role = lex->role.v[i];
		struct str org = {post.s, post.len - role.len};
		struct str prefix;

		if (!str_ends(post, role))
			continue;
		/* 政协原副主席: 原 belongs to the role. */
		if ((prefix = wordlist_suffix_of(&lex->role_prefix, org)).s)
			org.len -= prefix.len;
		if (org.len == 0 || ends_org(lex, org)) {
			out->org = org;
			out->role = (struct str){post.s + org.len, post.len - org.len}; /* in the post */
			return true;
		}
	}
	/* No role: a post that is an organisation alone (青石县个体劳动者协会). */
	if (ends_org(lex, post)) {
		out->org = post;
		out->role = (struct str){post.s + post.len, 0};
		return true;
	}
	return false;
}

/* Whether w occurs in s at from. */
static bool word_at(struct str s, size_t from, struct str w)
{
	return from + w.len <= s.len && memcmp(s.s + from, w.s, w.len) == 0;
}

/* Whether a listed compound (城乡, 乡村) runs across byte cut of s or ends
 * there: its last character is no organisation's end. */
static bool cuts_compound(const struct lexicon *lex, struct str s, size_t cut)
{
	size_t i, from;

	for (i = 0; i < lex->compound.n; i++) {
		struct str w = lex->compound.v[i];
		for (from = cut >= w.len ? cut - w.len : 0; from < cut; from++)
			if (word_at(s, from, w))
				return true;
	}
	return false;
}

/* Whether a listed organisation word runs across byte cut of s: 管委|会
 * must not be cut, for 管委会 is one word. At each of the few characters
 * before the cut, the longest word starting there is looked up: if any
 * word there crosses the cut, that one does. */
static bool cuts_word(const struct lexicon *lex, struct str s, size_t cut)
{
	/* the list is longest first: no word starts further back and crosses */
	size_t from = cut, longest = lex->org_suffix.n ? lex->org_suffix.v[0].len : 0;
	struct str w;

	while (from > 0 && cut - from + 1 < longest) {
		from = text_prev(s.s, from);
		w = wordlist_prefix_of(&lex->org_suffix, (struct str){s.s + from, s.len - from});
		if (w.s && from + w.len > cut)
			return true;
	}
	return false;
}

/* The length of the shortest leading part of s that ends in a department
 * suffix (and cuts no listed word in two, nor a bracket's part), or 0. */
static size_t dept_end(const struct lexicon *lex, struct str s)
{
	size_t end = 0, open = 0;
	uint32_t uc;

	while (end < s.len) {
		end += text_next(s.s + end, s.len - end, &uc);
		if (uc == '(' || uc == 0xFF08)
			open++;
		else if ((uc == ')' || uc == 0xFF09) && open > 0)
			open--;
		if (!open && wordlist_suffix_of(&lex->dept_suffix, (struct str){s.s, end}).s &&
		    !cuts_word(lex, s, end) && !cuts_compound(lex, s, end))
			return end;
	}
	return 0;
}

/* 中共安庆市委|宣传部: the shortest leading part of org that ends in a
 * [prefix-end] word and has a department after it. */
static struct str dept_after_committee(const struct lexicon *lex, struct str org)
{
	size_t e = 0, end;
	uint32_t uc;

	while (e < org.len) {
		e += text_next(org.s + e, org.len - e, &uc);
		if (e >= org.len || !wordlist_suffix_of(&lex->prefix_end, (struct str){org.s, e}).s ||
		    cuts_word(lex, org, e)) /* 湖北省|委 */
			continue;
		end = dept_end(lex, (struct str){org.s + e, org.len - e});
		if (end)
			return (struct str){org.s, e + end};
	}
	return STR_NULL;
}

/* Place prefixes are tried longest first, and only count when a department
 * follows them: 市委组织部 → 市委 + 组织部, but 市委 alone is a department. */
static struct str find_dept(const struct lexicon *lex, struct str org)
{
	struct str dept = dept_after_committee(lex, org);
	size_t i, end;

	if (dept.s)
		return dept;
	for (i = 0; i < lex->place_prefix.n; i++) {
		struct str prefix = lex->place_prefix.v[i];
		if (!str_starts(org, prefix) || org.len == prefix.len)
			continue;
		end = dept_end(lex, (struct str){org.s + prefix.len, org.len - prefix.len});
		if (end)
			return (struct str){org.s, prefix.len + end};
	}
	end = dept_end(lex, org);
	return end ? (struct str){org.s, end} : STR_NULL;
}

void dept_split_post(const struct lexicon *lex, struct str post, struct post_split *out)
{
	*out = (struct post_split){0};
	out->role_known = split_role(lex, post, out);
	if (!out->role_known) {
		/* No role fits: keep the whole post as the role, so nothing is lost. */
		out->org = (struct str){post.s, 0};
		out->role = post;
		return;
	}
	if (out->org.len == 0)
		return;
	out->dept = find_dept(lex, out->org);
	/* A place alone is its own department (北京市, 湖北省); 市 and 省 are no
	 * department suffixes, for they end words (城市, 节省). */
	if (!out->dept.s && wordlist_suffix_of(&lex->prefix_end, out->org).s)
		out->dept = out->org;
	if (out->dept.s) /* its other name goes with it */
		out->dept.len += leading_alias((struct str){out->dept.s + out->dept.len,
							    out->org.len - out->dept.len});
	if (out->dept.s && out->dept.len < out->org.len)
		out->unit = (struct str){out->org.s + out->dept.len, out->org.len - out->dept.len};
	else if (!out->dept.s)
		out->unit = out->org;
}

/*
 * The splits of posts seen before, by their text: collections repeat the
 * same posts speech after speech. Results are kept as offsets into the post.
 */
struct dept_memo {
	struct str post;
	uint16_t dept_len, unit_off, unit_len, role_off;
	bool has_dept, has_unit, role_known;
};

enum { MEMO_SLOTS = 4096 };

static size_t memo_hash(struct str s)
{
	return (size_t)(str_hash_table(s.s, s.len) % MEMO_SLOTS);
}

/* dept_split_post, remembered. A slot holds the last post that hashed to it;
 * the memo may live no longer than the texts it points into (a corpus's). */
void dept_split_memo(struct dept_memo *memo, const struct lexicon *lex, struct str post,
		     struct post_split *out)
{
	struct dept_memo *m = &memo[memo_hash(post)];

	if (post.len > UINT16_MAX || !m->post.s || !str_eq(m->post, post)) {
		dept_split_post(lex, post, out);
		if (post.len > UINT16_MAX)
			return;
		*m = (struct dept_memo){
			.post = post,
			.dept_len = (uint16_t)out->dept.len,
			.unit_off = (uint16_t)(out->unit.s ? out->unit.s - post.s : 0),
			.unit_len = (uint16_t)out->unit.len,
			.role_off = (uint16_t)(out->role.s - post.s),
			.has_dept = out->dept.s != NULL,
			.has_unit = out->unit.s != NULL,
			.role_known = out->role_known,
		};
		return;
	}
	*out = (struct post_split){
		.dept = m->has_dept ? (struct str){post.s, m->dept_len} : STR_NULL,
		.unit = m->has_unit ? (struct str){post.s + m->unit_off, m->unit_len} : STR_NULL,
		.role = {post.s + m->role_off, post.len - m->role_off},
		.role_known = m->role_known,
	};
}

struct dept_memo *dept_memo_new(void)
{
	return xcalloc(MEMO_SLOTS, sizeof(struct dept_memo));
}

void dept_memo_free(struct dept_memo *memo)
{
	free(memo);
}
