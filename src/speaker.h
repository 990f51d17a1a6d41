/*
 * speaker — the recognisers of speaker lines. Each knows one layout; the
 * parser asks them in turn. Results point into the line. Depends on text.
 */
#ifndef FAYAN_SPEAKER_H
#define FAYAN_SPEAKER_H

#include <stdbool.h>

#include "text.h"

struct speaker_line {
	struct str posts; /* as written, possibly empty */
	struct str name;
	struct str text;  /* the first paragraph, possibly empty */
};

/* Whether line (trimmed) is a speaker line of any known layout. */
bool speaker_match(struct str line, struct speaker_line *out);

#endif
