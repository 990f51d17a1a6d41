#include "dept.h"

#include <string.h>

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

		if (!str_ends(post, role))
			continue;
		if (org.len == 0 || wordlist_suffix_of(&lex->org_suffix, org).s) {
			out->org = org;
			out->role = (struct str){post.s + org.len, role.len}; /* in the post */
			return true;
		}
	}
	return false;
}

/* Whether a listed organisation word runs across byte cut of s: 管委|会
 * must not be cut, for 管委会 is one word. */
static bool cuts_word(const struct lexicon *lex, struct str s, size_t cut)
{
	size_t i, from;

	for (i = 0; i < lex->org_suffix.n; i++) {
		struct str w = lex->org_suffix.v[i];
		for (from = cut >= w.len ? cut - w.len + 1 : 0; from < cut && from + w.len <= s.len;
		     from++)
			if (memcmp(s.s + from, w.s, w.len) == 0)
				return true;
	}
	return false;
}

/* The length of the shortest leading part of s that ends in a department
 * suffix (and cuts no listed word in two), or 0. */
static size_t dept_end(const struct lexicon *lex, struct str s)
{
	size_t end = 0;
	uint32_t uc;

	while (end < s.len) {
		end += text_next(s.s + end, s.len - end, &uc);
		if (wordlist_suffix_of(&lex->dept_suffix, (struct str){s.s, end}).s &&
		    !cuts_word(lex, s, end))
			return end;
	}
	return 0;
}

/* Place prefixes are tried longest first, and only count when a department
 * follows them: 市委组织部 → 市委 + 组织部, but 市委 alone is a department. */
static struct str find_dept(const struct lexicon *lex, struct str org)
{
	size_t i, end;

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
	if (out->dept.s && out->dept.len < out->org.len)
		out->unit = (struct str){out->org.s + out->dept.len, out->org.len - out->dept.len};
	else if (!out->dept.s)
		out->unit = out->org;
}
