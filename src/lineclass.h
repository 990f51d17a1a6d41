/*
 * lineclass — what one line is, seen alone: bare (SPEC 1.1), a heading, a
 * byline, a trailer or preamble label, a dash, the end of a sentence. The
 * reading of a collection's lines (lines) asks once per line. Owns nothing;
 * depends on lexicon, names and text.
 */
#ifndef FAYAN_LINECLASS_H
#define FAYAN_LINECLASS_H

#include <stdbool.h>

#include "lexicon.h"
#include "text.h"

enum line_flag {
	LF_BARE = 1,       /* SPEC 1.1: short, no sentence punctuation */
	LF_HEADING = 2,    /* as bare, but 、 allowed: a speaker's own subheading */
	LF_BYLINE = 4,
	LF_BRACKETED = 8,  /* a byline in brackets: （全媒体记者 X 整理） */
	LF_TRAILER = 16,   /* 责任编辑：X */
	LF_PREAMBLE = 32,  /* 编者按：… */
	LF_DASH = 64,      /* opens with a dash: a subtitle */
	LF_COMPLETE = 128, /* ends a sentence (SPEC 1.2): read once, with the line */
	LF_GROUP = 256,    /* a heading with a group's ending (专家学者): read with the line,
			    * for the pattern and the walk ask it long after */
};

/* The flags of a trimmed, non-empty line. */
unsigned lineclass_flags(const struct lexicon *lex, struct str s);

/* A credit line (记者 X 整理, （全媒体记者 X）): the reporter, and whether it
 * stood in brackets. */
bool lineclass_byline(const struct lexicon *lex, struct str s, bool *bracketed, struct str *reporter);

#endif
