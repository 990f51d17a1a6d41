/*
 * tui — the terminal: the only file that includes curses. Opens and closes
 * the screen, reads keys (as keymap's codes), blits a grid, suspends, pipes,
 * and asks the terminal how wide it draws East Asian Ambiguous characters.
 */
#ifndef FAYAN_TUI_H
#define FAYAN_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grid.h"
#include "keymap.h"
#include "theme.h"

struct tui_opts {
	bool keys_from_tty; /* standard input is the corpus: keys from /dev/tty */
	bool color;
	int ambiguous_width; /* 1, 2, or 0: ask the terminal */
	const struct theme *theme;
	bool mouse; /* ask the terminal for mouse reports */
};

/* Why the screen cannot start, or NULL when it did. */
const char *tui_open(const struct tui_opts *opts);
void tui_close(void);
void tui_size(int *rows, int *cols);
/* The ambiguous width in force (what was asked, or what the terminal said). */
int tui_ambiguous_width(void);
void tui_set_ambiguous_width(int width);
/* The next key or mouse event; KEY_CLOSED when the terminal is gone or a
 * signal says stop. */
struct key_event tui_read_key(void);
/* A key or mouse event that has come already, without waiting; false when
 * none has. */
bool tui_poll_key(struct key_event *ev);
/* Keeps a key read early for tui_read_key to give first. */
void tui_keep_key(struct key_event ev);
/* Clears the screen and shows one line in its middle (a line wider than
 * the screen is not shown). */
void tui_show_line(const char *line);
/* Draws g; repaint_all repaints every cell (after Ctrl-L, or a width change). */
void tui_blit(const struct grid *g, bool repaint_all);
void tui_suspend(void);
/* Runs command with data on its standard input, outside the screen. */
void tui_pipe(const char *command, const char *data, size_t len);
/* The signal that ended the session (SIGINT, SIGTERM, SIGHUP), or 0. */
int tui_stop_signal(void);

/* Hands text to the terminal's clipboard with OSC 52 (ESC ] 52 ; c ;
 * base64 BEL), which works over SSH and in tmux with set-clipboard on;
 * false when it could not be written. */
bool tui_copy(const char *text, size_t len);

#endif
