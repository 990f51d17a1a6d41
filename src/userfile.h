/*
 * userfile — the user's own files under $XDG_CONFIG_HOME/fayan (default
 * ~/.config/fayan), or named on the command line: the word lists
 * (lexicon.txt) and the configuration (config). A named file that cannot be
 * read ends the program (exit 1); a missing default one is no error; a
 * FIFO or device is never read. Wrong lines are reported and skipped.
 */
#ifndef FAYAN_USERFILE_H
#define FAYAN_USERFILE_H

#include "config.h"
#include "lexicon.h"

void userfile_lexicon(struct lexicon *lex, const char *named);
void userfile_config(struct config *cfg, const char *named);

#endif
