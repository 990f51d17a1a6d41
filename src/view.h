/*
 * view — the three orders of the list (SPEC 3.6): by department (group.c's
 * rows), in page order (each collection under its title, its speeches as the
 * page has them) and by speaker (one group per person across collections,
 * their speeches in collection order). --by prints the same orders.
 *
 * A person is a speaker's name; two speeches of one name are one person
 * unless their departments tell them apart: speeches of a name that share a
 * department are one person, and a speech without a department goes with
 * the name's first person. So 王强 of 市财政局 on one page and 王强 of 宜秀区
 * on another stay apart; 王强 of 市财政局 and of 市财政局、市税务局 are one.
 *
 * Rows: a header (speech NO_SPEECH) whose dept field holds the group's key
 * (a department, a collection or a person), then its speech rows (dept
 * NO_DEPT outside the department view). Depends on corpus, group.
 */
#ifndef FAYAN_VIEW_H
#define FAYAN_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "corpus.h"
#include "group.h"

enum view { VIEW_DEPARTMENT, VIEW_PAGE, VIEW_SPEAKER, VIEW_COUNT };

const char *view_name(enum view v); /* department, page, speaker */
const char *view_label(enum view v); /* 按部门, 按版面顺序, 按发言人 */
bool view_parse(const char *name, enum view *v);

struct people {
	size_t *person_of; /* speech → person */
	size_t *first;     /* person → their first speech */
	size_t n;
};

void people_build(const struct corpus *c, struct people *pp);
void people_fini(struct people *pp);

/* Whether speech s passes the department filter (GROUP_ALL, NO_DEPT, d). */
bool view_in_filter(const struct corpus *c, size_t s, size_t filter);
/* The rows of view v for filter; VIEW_SPEAKER needs pp. */
void view_build(const struct corpus *c, enum view v, size_t filter, const struct people *pp,
		struct group *out);

#endif
