/*
 * attendees — people listed as attending are not speakers (SPEC 1.5): an
 * own-line line that ends a list of them (出席座谈会的有： and a name a line)
 * is its last item, whatever follows it. Works on the marked lines
 * (lines.h), the own-line ones those the marking found, in line order,
 * before the page's pattern is learnt from them. Depends on lines, names,
 * speaker.
 */
#ifndef FAYAN_ATTENDEES_H
#define FAYAN_ATTENDEES_H

#include "lines.h"

/* Unmarks the own-line lines that end a list of people, and uncounts them. */
void attendees_drop(struct lines *ls, const struct lexicon *lex, struct layout_choice *choice);

#endif
