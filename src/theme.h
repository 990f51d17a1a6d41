/*
 * theme — the screen's elements and how each is drawn: a foreground, a
 * background and attributes. The defaults are one table; the configuration's
 * color statements change a theme, and tui turns it into curses' pairs.
 * Element and colour names are the configuration's (SPEC 6). No curses here.
 */
#ifndef FAYAN_THEME_H
#define FAYAN_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* id, configuration name. */
#define STYLES(X)                                                                                  \
	X(ST_NORMAL, "normal")                                                                     \
	X(ST_TITLE, "title")                                                                       \
	X(ST_STATUS, "status")                                                                     \
	X(ST_BORDER, "border")                                                                     \
	X(ST_DEPT, "department")                                                                   \
	X(ST_ROW, "row")                                                                           \
	X(ST_ROW_SELECTED, "row-selected")                                                         \
	X(ST_ROW_CURRENT, "row-current") /* selected, but the text has the focus */                \
	X(ST_HEADLINE, "headline")                                                                 \
	X(ST_SPEAKER, "speaker")                                                                   \
	X(ST_PULLQUOTE, "pullquote")                                                               \
	X(ST_BYLINE, "byline")                                                                     \
	X(ST_MATCH, "match")                                                                       \
	X(ST_MATCH_CURRENT, "match-current")                                                       \
	X(ST_OVERLAY, "overlay")                                                                   \
	X(ST_OVERLAY_SELECTED, "overlay-selected")                                                 \
	X(ST_PROMPT, "prompt")                                                                     \
	X(ST_MESSAGE, "message")

#define STYLE_ENUM(id, name) id,
enum style { STYLES(STYLE_ENUM) ST_COUNT };
#undef STYLE_ENUM

enum attr_bits { ATTR_BOLD = 1, ATTR_DIM = 2, ATTR_UNDERLINE = 4, ATTR_REVERSE = 8, ATTR_ITALIC = 16 };
enum { COLOR_DEFAULT = -1, COLOR_MAX = 255 };

struct style_def {
	short fg, bg; /* COLOR_DEFAULT, or 0-255 (0-7 the eight names, 8-15 bright-) */
	unsigned attrs;
};

struct theme {
	struct style_def v[ST_COUNT];
};

void theme_init(struct theme *t);
const char *theme_element_name(enum style st);
bool theme_parse_element(const char *name, enum style *st);
/* default, black … white, bright-NAME, 0-255, #rrggbb (the nearest of 256). */
bool theme_parse_color(const char *name, short *color);
bool theme_parse_attr(const char *name, unsigned *bit);
/* A style as the color statement's words: "default default bold". */
void theme_format(const struct style_def *d, struct buf *out);

#endif
