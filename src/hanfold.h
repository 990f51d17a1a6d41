/*
 * hanfold — Traditional → Simplified, one character at a time (SPEC 3.2),
 * from OpenCC's character table (libopencc), so that offsets stay
 * one-to-one: the search folds with it (發展 finds 发展 and back), and t shows
 * a page in Simplified.
 *
 * The table is made on first use (hanfold_ready) by converting each CJK
 * character of the BMP on its own line with OpenCC's t2s configuration (its
 * phrases cannot span a line, so what remains is the character table). If
 * OpenCC or its data cannot be opened, nothing folds and why says so.
 * FAYAN_OPENCC_CONFIG names another configuration (for tests). The caller
 * owns the struct; hanfold_fini frees it.
 */
#ifndef FAYAN_HANFOLD_H
#define FAYAN_HANFOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct han_pair {
	uint32_t from, to;
};

struct hanfold {
	bool tried, ok;
	const char *why; /* when not ok: a static message */
	struct han_pair *by_from; /* sorted by from */
	struct han_pair *by_to;   /* the same pairs, sorted by to */
	size_t n;
};

void hanfold_init(struct hanfold *hf);
void hanfold_fini(struct hanfold *hf);
/* Makes the table on first call; false when folding is off. */
bool hanfold_ready(struct hanfold *hf);
/* uc in Simplified (uc itself when it has no other form, or folding is off). */
uint32_t hanfold_simplify(const struct hanfold *hf, uint32_t uc);
/* The characters that simplify to simp (not simp itself), at most max. */
size_t hanfold_sources(const struct hanfold *hf, uint32_t simp, uint32_t *out, size_t max);
/* Rewrites b from byte from on with every character simplified. */
void hanfold_apply(const struct hanfold *hf, struct buf *b, size_t from);

#endif
