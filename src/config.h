/*
 * config — the configuration file (SPEC 6): set, bind, unbind and color
 * statements, one a line, # comments. A config owns a keymap and a theme and
 * holds the screen's settings; main reads it and hands the parts to the
 * state, the renderer and tui. A wrong line is reported ("fayan: FILE:LINE:
 * message") and skipped. config_dump writes the configuration in force in
 * the file's own syntax.
 */
#ifndef FAYAN_CONFIG_H
#define FAYAN_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "keymap.h"
#include "util.h"
#include "theme.h"
#include "view.h"


struct settings {
	int ambiguous;  /* 0: ask the terminal; 1 or 2 */
	bool fullwidth;
	int list_width; /* 0: in proportion to the terminal */
	bool show_list;
	int text_width; /* the text's measure in columns; 0: the whole pane */
	bool mouse;
	bool restore;
	enum view view;
};

/* A wrong line of the file, for the screen's ! list. */
struct config_error {
	char *where; /* FILE:LINE, the name as a terminal may show it; owned */
	char *zh;    /* what is wrong, in Chinese; owned */
};

struct config {
	struct settings set;
	struct keymap keys;
	struct theme theme;
	size_t errors; /* lines reported and skipped */
	VEC(struct config_error) error_list;
};

enum { CONFIG_TEXT_WIDTH = 80, CONFIG_WIDTH_MAX = 1000 };

void config_init(struct config *cfg);
void config_fini(struct config *cfg);
/* Applies the statements in bytes (from file name), reporting wrong lines to err. */
void config_parse(struct config *cfg, const char *name, const char *bytes, size_t len, FILE *err);
void config_dump(const struct config *cfg, FILE *out);


#endif
