/*
 * dept — splits one post ("市住建局保障办主任") into department, unit and
 * role (SPEC 1.3), driven only by the word lists of the lexicon.
 *
 * Results point into the post text. Depends on lexicon and text.
 */
#ifndef FAYAN_DEPT_H
#define FAYAN_DEPT_H

#include <stdbool.h>

#include "lexicon.h"
#include "text.h"

struct post_split {
	struct str org;  /* the post without its role; empty for a bare role */
	struct str dept; /* absent: inherit the previous post's department */
	struct str unit; /* absent when nothing is left of org */
	struct str role;
	bool role_known; /* false: no listed role ends the post */
};

void dept_split_post(const struct lexicon *lex, struct str post, struct post_split *out);

/* dept_split_post with the splits of posts seen before remembered (a page
 * repeats its posts). The memo points into the posts it saw: free it before
 * their text goes. */
struct dept_memo;
struct dept_memo *dept_memo_new(void);
void dept_memo_free(struct dept_memo *memo);
void dept_split_memo(struct dept_memo *memo, const struct lexicon *lex, struct str post,
		     struct post_split *out);

#endif
