#define _XOPEN_SOURCE_EXTENDED 1
#include "tui.h"

#include <curses.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <assert.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "command.h"
#include "keymap.h"
#include "text.h"
#include "util.h"

/* SPLIT_WAIT_MS: how long a read waits for the rest of a character cut
 * across two reads (a paste in two SSH packets). */
enum { CPR_WAIT_MS = 300, ESC_WAIT_MS = 40, SPLIT_WAIT_MS = 100 };

static SCREEN *screen;
static FILE *tty_in;
static int in_fd = -1, out_fd = -1;
static int ambiguous = 1;
/* Atomic, not only volatile: the signal may land on one thread while
 * another asks (a long load's progress watches it beside the load). A
 * lock-free atomic is safe in a handler. */
static atomic_int stop_signal;
static_assert(ATOMIC_INT_LOCK_FREE == 2, "the stop flag is lock-free");
static attr_t style_attr[ST_COUNT];
static short style_pair[ST_COUNT];

/*
 * fayan's East Asian Ambiguous override (SPEC 3.4). ncursesw measures
 * characters with wcwidth(); defining it here puts this one in front of the
 * C library's for ncursesw too, so layout and screen agree at width 2.
 */
int wcwidth(wchar_t wc)
{
	static int (*real)(wchar_t);
	int w;

	if (!real)
		real = (int (*)(wchar_t))dlsym(RTLD_NEXT, "wcwidth");
	w = real(wc);
	if (w == 1 && ambiguous == 2 && text_is_ambiguous((uint32_t)wc))
		return 2;
	return w;
}

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

int tui_stop_signal(void)
{
	return stop_signal;
}

/* Handlers only set a flag; the key reader sees it and the loop ends. A
 * signal ignored when we started (nohup) stays ignored: a closed terminal
 * is then noticed by the read failing. SIGQUIT (Ctrl-\) ends fayan as
 * SIGTERM does, the terminal restored, rather than with a core and the
 * terminal left in the alternate screen. */
static void catch_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	struct sigaction sa = {0}, old;
	size_t i;

	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < ARRAY_LEN(sigs); i++)
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

static void restore_terminal(void)
{
	if (screen)
		endwin();
}

static attr_t curses_attrs(unsigned attrs)
{
	static const struct {
		unsigned bit;
		attr_t attr;
	} map[] = {
		{ATTR_BOLD, A_BOLD},       {ATTR_DIM, A_DIM},       {ATTR_UNDERLINE, A_UNDERLINE},
		{ATTR_REVERSE, A_REVERSE}, {ATTR_ITALIC, A_ITALIC},
	};
	attr_t a = A_NORMAL;
	size_t i;

	for (i = 0; i < ARRAY_LEN(map); i++)
		if (attrs & map[i].bit)
			a |= map[i].attr;
	return a;
}

/* A colour this terminal has: bright-NAME on an eight-colour terminal is
 * NAME (bold then marks it, for a foreground); beyond that, the default. */
static short usable_color(short c, bool *brighten)
{
	if (c < COLORS)
		return c;
	if (c < 16 && c - 8 < COLORS) {
		*brighten = true;
		return (short)(c - 8);
	}
	return -1;
}

static void init_styles(bool color, const struct theme *theme)
{
	bool colors = color && has_colors() && start_color() == OK;
	int i;

	if (colors)
		use_default_colors();
	for (i = 0; i < ST_COUNT; i++) {
		const struct style_def *d = &theme->v[i];
		bool bright_fg = false, bright_bg = false;
		style_attr[i] = curses_attrs(d->attrs);
		style_pair[i] = 0;
		if (!colors || (d->fg == COLOR_DEFAULT && d->bg == COLOR_DEFAULT))
			continue;
		short fg = usable_color(d->fg, &bright_fg), bg = usable_color(d->bg, &bright_bg);
		if (bright_fg)
			style_attr[i] |= A_BOLD;
		if (i + 1 < COLOR_PAIRS && init_pair((short)(i + 1), fg, bg) == OK)
			style_pair[i] = (short)(i + 1);
	}
}

/* Whether terminfo knows TERM well enough to address the cursor. */
static const char *check_term(void)
{
	const char *term = getenv("TERM");
	int err = 0;

	if (!term || !*term)
		return "TERM is not set";
	if (strcmp(term, "dumb") == 0)
		return "TERM is dumb";
	if (setupterm(NULL, out_fd, &err) != OK)
		return "TERM is unknown to terminfo";
	bool usable = tigetstr("cup") != NULL && tigetstr("cup") != (char *)-1;
	del_curterm(cur_term);
	return usable ? NULL : "the terminal cannot move the cursor";
}

/*
 * SPEC 3.4: draw “ at the start of a line, ask where the cursor went, wait
 * briefly. A reply of column 3 means the terminal drew it 2 columns wide.
 * No reply means 1; a late reply is discarded by the key reader.
 */
static int detect_ambiguous(void)
{
	static const char probe[] = "\r\xE2\x80\x9C\033[6n";
	char reply[32];
	size_t got = 0;
	int row, col;
	struct pollfd p = {in_fd, POLLIN, 0};

	if (write(out_fd, probe, sizeof(probe) - 1) < 0)
		return 1;
	while (got < sizeof(reply) - 1 && poll(&p, 1, CPR_WAIT_MS) > 0) {
		ssize_t n = read(in_fd, reply + got, 1);
		if (n <= 0)
			break;
		if (reply[got++] == 'R')
			break;
	}
	reply[got] = '\0';
	char *csi = strstr(reply, "\033[");
	/* What came before the reply was typed (during a long load, say): it
	 * goes back to the key reader, last byte first, not away. */
	for (size_t k = csi ? (size_t)(csi - reply) : got; k > 0; k--)
		ungetch((unsigned char)reply[k - 1]);
	if (write(out_fd, "\r  \r", 4) < 0)
		return 1;
	if (csi && sscanf(csi, "\033[%d;%dR", &row, &col) == 2)
		return col == 3 ? 2 : 1;
	return 1;
}

const char *tui_open(const struct tui_opts *opts)
{
	const char *why;

	if (screen) /* opened already, to show a long load's progress */
		return NULL;
	out_fd = STDOUT_FILENO;
	if ((why = check_term()))
		return why;
	if (opts->keys_from_tty) {
		tty_in = fopen("/dev/tty", "r");
		if (!tty_in)
			return "no terminal to read keys from";
	}
	screen = newterm(NULL, stdout, tty_in ? tty_in : stdin);
	if (!screen) {
		/* The caller prints instead: with the signals as they were, and
		 * no /dev/tty left open. */
		if (tty_in)
			fclose(tty_in);
		tty_in = NULL;
		return "the terminal cannot be opened";
	}
	catch_signals(); /* only once curses is up, before the modes change */
	in_fd = fileno(tty_in ? tty_in : stdin);
	util_set_fatal_hook(restore_terminal);
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(ESC_WAIT_MS);
	leaveok(stdscr, FALSE);
	curs_set(0);
	init_styles(opts->color, opts->theme);
	if (opts->mouse) {
		/* Presses only, reported at once: a click is a press here. */
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	refresh(); /* enters the alternate screen */
	ambiguous = opts->ambiguous_width ? opts->ambiguous_width : detect_ambiguous();
	clearok(curscr, TRUE);
	return NULL;
}

void tui_close(void)
{
	if (!screen)
		return;
	curs_set(1);
	endwin();
	delscreen(screen);
	screen = NULL;
	util_set_fatal_hook(NULL);
	if (tty_in)
		fclose(tty_in);
	tty_in = NULL;
}

void tui_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

int tui_ambiguous_width(void)
{
	return ambiguous;
}

void tui_set_ambiguous_width(int width)
{
	ambiguous = width;
}

static uint32_t map_special(int code)
{
	switch (code) {
	case KEY_UP: return KEY_UP_;
	case KEY_DOWN: return KEY_DOWN_;
	case KEY_LEFT: return KEY_LEFT_;
	case KEY_RIGHT: return KEY_RIGHT_;
	case KEY_PPAGE: return KEY_PGUP;
	case KEY_NPAGE: return KEY_PGDN;
	case KEY_HOME: return KEY_HOME_;
	case KEY_END: return KEY_END_;
	case KEY_RESIZE: return KEY_RESIZE_;
	case KEY_BACKSPACE: return KEY_BACKSPACE_;
	case KEY_ENTER: return KEY_ENTER_;
	default:
		if (code >= KEY_F(1) && code <= KEY_F(12))
			return KEY_F1_ + (uint32_t)(code - KEY_F(1));
		return KEY_NONE;
	}
}

enum wait { WAIT_READY, WAIT_INTERRUPTED, WAIT_GONE };

/* Waits until input is readable or a signal comes (SIGWINCH: ncurses then
 * has a KEY_RESIZE for us). */
static enum wait wait_input(void)
{
	struct pollfd p = {in_fd, POLLIN, 0};
	int n;

	if (stop_signal)
		return WAIT_GONE;
	n = poll(&p, 1, -1);
	if (n < 0 && errno == EINTR)
		return stop_signal ? WAIT_GONE : WAIT_INTERRUPTED;
	if (n < 0 || (p.revents & (POLLERR | POLLNVAL)))
		return WAIT_GONE;
	return WAIT_READY; /* POLLIN, or POLLHUP: the read then tells */
}

static int next_char(wint_t *ch, int wait_ms)
{
	int r;

	wtimeout(stdscr, wait_ms);
	r = wget_wch(stdscr, ch);
	nodelay(stdscr, TRUE);
	return r;
}

/*
 * After ESC: a CSI sequence that ncurses did not know (a late cursor
 * position report, ESC [ row ; col R, above all) is swallowed whole;
 * ESC alone is the Esc key.
 */
static bool swallow_escape(void)
{
	wint_t ch;
	int r = next_char(&ch, ESC_WAIT_MS), n;

	if (r == ERR)
		return false;
	if (r == KEY_CODE_YES || ch != '[') {
		unget_wch(ch);
		return false;
	}
	for (n = 0; n < 32; n++) {
		r = next_char(&ch, ESC_WAIT_MS);
		if (r == ERR || r == KEY_CODE_YES || (ch >= 0x40 && ch <= 0x7E))
			break;
	}
	return true;
}

/* A mouse report as fayan's event; false for what fayan does not use. */
static bool mouse_event(struct key_event *ev)
{
	MEVENT me;

	if (getmouse(&me) != OK)
		return false;
	ev->key = KEY_MOUSE_;
	ev->row = me.y;
	ev->col = me.x;
	if (me.bstate & BUTTON1_PRESSED)
		ev->mouse = MOUSE_PRESS;
	else if (me.bstate & BUTTON4_PRESSED)
		ev->mouse = MOUSE_WHEEL_UP;
	else if (me.bstate & BUTTON5_PRESSED)
		ev->mouse = MOUSE_WHEEL_DOWN;
	else
		return false;
	return true;
}

static struct key_event key_only(uint32_t key)
{
	return (struct key_event){.key = key};
}

/* Whether the terminal has hung up or failed: poll says so without
 * waiting. A readable terminal that gave no key has sent bytes that are no
 * character (an 8-bit Meta, a Latin-1 é) or half of one. */
static bool input_gone(void)
{
	struct pollfd p = {in_fd, POLLIN, 0};

	return poll(&p, 1, 0) < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* Readable yet no key this many times in a row, without a hang-up: the
 * terminal only says end of file (SPEC 4: it ends the process). */
enum { NO_KEY_MAX = 256 };

/* Keys read before the browser asked for them (during a long load), given
 * to it first, in the order they came; more are dropped. */
enum { KEPT_MAX = 64 };
static struct key_event kept[KEPT_MAX];
static size_t kept_count, kept_given;

void tui_keep_key(struct key_event ev)
{
	if (kept_count < KEPT_MAX)
		kept[kept_count++] = ev;
}

/* What a character ncurses read is to fayan; false for nothing it uses. */
static bool key_of(int r, wint_t ch, struct key_event *ev)
{
	if (r == KEY_CODE_YES) {
		if (ch == KEY_MOUSE)
			return mouse_event(ev);
		*ev = key_only(map_special((int)ch));
		return ev->key != KEY_NONE;
	}
	if (ch == KEY_ESC && swallow_escape())
		return false;
	*ev = key_only((uint32_t)ch);
	return true;
}

bool tui_poll_key(struct key_event *ev)
{
	wint_t ch;
	int r;

	while ((r = next_char(&ch, 0)) != ERR)
		if (key_of(r, ch, ev))
			return true;
	return false;
}

struct key_event tui_read_key(void)
{
	struct key_event ev;
	wint_t ch;
	int r, no_key = 0;
	bool after_poll = false;

	if (kept_given < kept_count)
		return kept[kept_given++];
	for (;;) {
		if (stop_signal)
			return key_only(KEY_CLOSED);
		r = next_char(&ch, SPLIT_WAIT_MS);
		if (r == ERR) {
			/* Readable, yet no key: a hang-up or EIO ends fayan; bytes
			 * that are no character are dropped (SPEC 4), and a
			 * character cut across two reads is waited for. */
			if (after_poll && (input_gone() || ++no_key > NO_KEY_MAX))
				return key_only(KEY_CLOSED);
			enum wait w = wait_input();
			if (w == WAIT_GONE)
				return key_only(KEY_CLOSED);
			after_poll = w == WAIT_READY;
			continue;
		}
		after_poll = false;
		if (key_of(r, ch, &ev))
			return ev;
	}
}

void tui_show_line(const char *line)
{
	int rows, cols, width = (int)text_str_width(line, strlen(line), ambiguous);

	getmaxyx(stdscr, rows, cols);
	erase();
	if (width <= cols)
		mvaddstr(rows / 2, (cols - width) / 2, line);
	refresh();
}

static void put_cell(int row, int col, const struct cell *c)
{
	wchar_t wch[CELL_MARKS + 2] = {(wchar_t)c->ch};
	cchar_t cc;
	int i;

	for (i = 0; i < CELL_MARKS && c->marks[i]; i++)
		wch[i + 1] = (wchar_t)c->marks[i];
	setcchar(&cc, wch, style_attr[c->style], style_pair[c->style], NULL);
	mvadd_wch(row, col, &cc);
}

void tui_blit(const struct grid *g, bool repaint_all)
{
	int row, col;

	for (row = 0; row < g->rows; row++)
		for (col = 0; col < g->cols; col++) {
			const struct cell *c = &g->cells[(size_t)row * (size_t)g->cols + (size_t)col];
			if (c->width > 0)
				put_cell(row, col, c);
		}
	if (repaint_all)
		clearok(curscr, TRUE);
	if (g->cursor_row >= 0) {
		move(g->cursor_row, g->cursor_col);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ncurses' own SIGTSTP handler leaves the screen and restores it. */
void tui_suspend(void)
{
	raise(SIGTSTP);
	clearok(curscr, TRUE);
	refresh();
}

enum { PIPE_TICK_MS = 100 };

/* A command run by | ends when a hangup or SIGTERM comes (the stop flag),
 * or the terminal closes with SIGHUP ignored (nohup). */
static bool pipe_stopped(void)
{
	return stop_signal || input_gone();
}

/* "Press any key", answering a stop or a closed terminal too. */
static void wait_for_key(void)
{
	struct pollfd pf = {in_fd, POLLIN, 0};
	wint_t ch;

	while (!stop_signal) {
		if (poll(&pf, 1, PIPE_TICK_MS) > 0) {
			if (pf.revents & (POLLHUP | POLLERR | POLLNVAL))
				return;
			if (wget_wch(stdscr, &ch) != ERR)
				return;
		}
	}
}

static void show_status(int ran, int status)
{
	if (!ran)
		fputs("\n[无法运行] 按任意键返回", stdout);
	else if (WIFSIGNALED(status) && sigabbrev_np(WTERMSIG(status)))
		fprintf(stdout, "\n[信号 SIG%s] 按任意键返回", sigabbrev_np(WTERMSIG(status)));
	else if (WIFSIGNALED(status))
		fprintf(stdout, "\n[信号 %d] 按任意键返回", WTERMSIG(status));
	else
		fprintf(stdout, "\n[退出状态 %d] 按任意键返回", WEXITSTATUS(status));
	fflush(stdout);
}

/*
 * Runs command with the speech on its standard input (SPEC 3.1 |). While it
 * runs, Ctrl-C and Ctrl-\ are the command's (as a shell leaves them), a hangup
 * or SIGTERM ends it and returns at once, and no key is waited for then.
 */
void tui_pipe(const char *command, const char *data, size_t len)
{
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit, old_pipe;
	int status = 0;
	bool ran;

	def_prog_mode();
	endwin();
	fflush(stdout);
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	sigaction(SIGPIPE, &ignore, &old_pipe);
	ran = command_run(command, data, len, pipe_stopped, &status);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	if (!stop_signal)
		show_status(ran, status);
	reset_prog_mode();
	if (!stop_signal)
		wait_for_key();
	clearok(curscr, TRUE);
}

static const char base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool tui_copy(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	bool ok = fputs("\033]52;c;", stdout) >= 0;

	for (size_t i = 0; ok && i < len; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < len ? (unsigned)p[i + 1] << 8 : 0) |
			     (i + 2 < len ? p[i + 2] : 0);
		char quad[4] = {base64[v >> 18 & 63], base64[v >> 12 & 63],
				i + 1 < len ? base64[v >> 6 & 63] : '=', i + 2 < len ? base64[v & 63] : '='};
		ok = fwrite(quad, 1, 4, stdout) == 4;
	}
	return ok && fputs("\a", stdout) >= 0 && fflush(stdout) == 0;
}
