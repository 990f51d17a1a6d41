/*
 * options — fayan's command line (SPEC 2): the options in force and their
 * parsing. A usage error is reported on stderr and exits with status 2;
 * --help and --version print and exit. The options point into argv.
 * Depends on view, speaker (the layouts) and decode.
 */
#ifndef FAYAN_OPTIONS_H
#define FAYAN_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "view.h"

enum { EXIT_NOTHING = 1, EXIT_USAGE = 2 };

enum mode { MODE_AUTO, MODE_LIST, MODE_PRINT, MODE_GREP, MODE_JSON, MODE_CHECK };

struct options {
	enum mode mode;
	int width; /* 0: automatic */
	int ambiguous_width; /* 0: auto */
	const char *grep, *dept, *speaker, *encoding, *layout, *lexicon, *config;
	bool fullwidth, repair, color, restore, no_config, dump_config;
	bool ambiguous_given, by_given;
	enum view by;
	char **files;
	size_t file_count;
};

/* Fills o from the command line, or exits (usage error, --help, --version). */
void options_parse(int argc, char **argv, struct options *o);
/* How often standard input ("-") is named among o's files. */
size_t options_stdin_count(const struct options *o);
/* "fayan: MESSAGE" (fmt with arg) and the --help hint on stderr; exit 2. */
_Noreturn void options_usage_error(const char *fmt, const char *arg);

#endif
