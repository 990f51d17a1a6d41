#include "attendees.h"

#include <string.h>

#include "names.h"
#include "speaker.h"
#include "util.h"

enum { LIST_MAX_ITEMS = 64 }; /* the people a list of them names, one a line */

/* Whether line i ends in a colon: 出席座谈会的有： opens a list. */
static bool ends_colon(const struct lines *ls, size_t i)
{
	struct str t = lines_text(ls, i);

	return (t.len >= 1 && t.s[t.len - 1] == ':') ||
	       (t.len >= 3 && memcmp(t.s + t.len - 3, "\xEF\xBC\x9A", 3) == 0);
}

/* A line that names a person and nothing else, as a list's items do; by
 * the lists, for a headline over a speaker line has this place too. */
static bool names_one(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	struct str posts, name;

	return (ls->v[i].flags & LF_BARE) &&
	       names_split(lex, speaker_unmarked(lex, lines_text(ls, i)), false, &posts, &name);
}

/* Whether line i is the last item of a list of people that a line ending
 * in a colon opens (出席座谈会的有：), the items one a line above it. */
static bool ends_list(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	size_t k = i - 1, top;

	while (k > 0 && i - k <= LIST_MAX_ITEMS && (ls->v[k].flags & LF_BARE) && !ls->v[k].cand)
		k--;
	if (!ends_colon(ls, k))
		return false;
	for (top = k + 1; top < i; top++) /* asked only under a colon: rare */
		if (!names_one(ls, lex, top))
			return false;
	return true;
}

/* The ends of the few lines over line i, where ends_list looks for a
 * colon: asked for ahead, as each is a wait for memory (the lines were
 * read long before). */
enum { LIST_PREFETCH_FOUND = 16, LIST_PREFETCH_LINES = 3 };

static void prefetch_above(const struct lines *ls, size_t i)
{
	for (size_t k = 1; k <= LIST_PREFETCH_LINES && k <= i; k++) {
		const struct pline *l = &ls->v[i - k];
		util_prefetch(ls->text + l->raw_off + l->head_len - 1);
	}
}

void attendees_drop(struct lines *ls, const struct lexicon *lex, struct layout_choice *choice)
{
	const uint8_t bit = 1u << LAYOUT_OWN_LINE;
	const struct found_list *found = &ls->found;

	for (size_t f = 0; f < found->n; f++) {
		size_t i = found->v[f].line;
		if (f + LIST_PREFETCH_FOUND < found->n)
			prefetch_above(ls, found->v[f + LIST_PREFETCH_FOUND].line);
		if (found->v[f].layout == LAYOUT_OWN_LINE && i > 0 && ends_list(ls, lex, i)) {
			ls->v[i].cand &= (uint8_t)~bit;
			choice->counts[LAYOUT_OWN_LINE]--;
		}
	}
}
