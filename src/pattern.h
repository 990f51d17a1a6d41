/*
 * pattern — the page's own speaker-line pattern (SPEC 1.5): structure first,
 * words second.
 *
 * The recognisers first mark the lines the word lists vouch for (a listed
 * surname, a listed role). Those lines teach the page's pattern: the layout,
 * and whether its speaker lines stand under a headline. Then every line that
 * is in that place and has that shape is asked again with names and posts
 * judged by their form (names_trust NAMES_FORM: two or three Han characters,
 * a role ending in a person-noun character); one that passes is a speaker
 * line "by the page's pattern", and the finding names the word a list
 * lacks. One that has the shape but no name can be cut from it is a near
 * miss, reported with its reason. A page the lists vouch for nowhere learns
 * its pattern from the lines of one layout's form that repeat. The lines
 * another marked layout's shape took where its lists did not (the
 * marking's shaped list) are asked by form too: taken beside that layout
 * or where they repeat, else reported as near misses.
 *
 * Works on the lines (lines.h) before they are settled; appends findings
 * (lines' numbers, text in the lines' text) to the caller's list. Depends on
 * lines, speaker, names, diag.
 */
#ifndef FAYAN_PATTERN_H
#define FAYAN_PATTERN_H

#include "decode.h"
#include "lines.h"

/* Takes the lines of choice's pattern (setting their candidate bits and
 * ls->by_pattern), choosing the layout by form where the lists vouched for
 * too few lines; the findings go to found. */
void pattern_apply(struct lines *ls, const struct lexicon *lex, struct layout_choice *choice,
		   struct decode_findings *found);

#endif
