/*
 * main — locale, loading, the printing modes, and the hand-over to
 * the screen (SPEC 2). Everything here runs before curses starts, so every
 * error is reported plainly on stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "corpus.h"
#include "decode.h"
#include "encout.h"
#include "group.h"
#include "hanfold.h"
#include "lexicon.h"
#include "load.h"
#include "options.h"
#include "output.h"
#include "parse.h"
#include "place.h"
#include "progress.h"
#include "render.h"
#include "select.h"
#include "speaker.h"
#include "state.h"
#include "tui.h"
#include "userfile.h"

enum { DEFAULT_WIDTH = 80 };

/*
 * SPEC 4: over SSH the locale is often unset or C, whose codeset is ASCII;
 * Chinese would then not show, so LC_CTYPE becomes C.UTF-8. Real non-UTF-8
 * locales (GB18030) are left alone.
 */
static void setup_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "ANSI_X3.4-1968") == 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/* Standard output in the locale's character set: UTF-8 as it is, another
 * (a real GB18030 locale) converted on the way out. */
static FILE *locale_output(void)
{
	const char *codeset = nl_langinfo(CODESET);
	FILE *f;

	if (strcmp(codeset, "UTF-8") == 0 || !(f = encout_open(codeset)))
		return stdout;
	fflush(stdout);
	return f;
}

static int terminal_width(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	long n;

	if (env && (n = strtol(env, NULL, 10)) >= 2 && n <= 100000)
		return (int)n;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 2)
		return ws.ws_col;
	/* fayan | less: the controlling terminal is the screen it ends on. */
	int tty = open("/dev/tty", O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (tty >= 0) {
		int ok = ioctl(tty, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 2;
		close(tty);
		if (ok)
			return ws.ws_col;
	}
	return DEFAULT_WIDTH;
}

static bool has_stdin_name(const struct options *o)
{
	return options_stdin_count(o) > 0;
}

static size_t speech_total(const struct corpus *c)
{
	return c->speeches.n;
}

/* Whether text holds a CJK ideograph: only then is 繁简 folding needed. */
static bool has_han(const char *text)
{
	size_t i = 0, len = strlen(text);
	uint32_t uc;

	while (i < len) {
		i += text_next(text + i, len - i, &uc);
		if (uc >= 0x3400)
			return true;
	}
	return false;
}

/* 繁简 folding for a search: made ready, or said once to be off. */
static void ready_han(struct hanfold *han)
{
	if (!hanfold_ready(han))
		fprintf(stderr, "%s: 繁简 folding is off: %s\n", util_progname, han->why);
}

/* -d and -s: a name or a part of one that picks out one (SPEC 2); else a
 * usage error listing the candidates. */
static void resolve_selection(const struct corpus *c, const struct options *o,
			      struct hanfold *han, struct selection *sel)
{
	struct buf why = {0};
	bool fold = (o->dept && has_han(o->dept)) || (o->speaker && has_han(o->speaker));

	if (fold) /* -s 聶 finds 聂立新 */
		ready_han(han);
	if (!selection_pick(c, o->dept, o->speaker, fold && han->ok ? han : NULL, sel, &why))
		options_usage_error("%s", why.data);
	buf_fini(&why);
}

/* The files that gave nothing, one line each on stderr (the printing modes;
 * the screen sums them up in one notice instead). --check reports empty
 * files and pages without speeches itself. */
static void report_unusable(const struct corpus *c, bool unreadable_only)
{
	size_t i;

	char why[160];

	for (i = 0; i < c->unusable.n; i++)
		if (!unreadable_only || unusable_unread(&c->unusable.v[i]))
			fprintf(stderr, "%s: %s: %s\n", util_progname, c->unusable.v[i].shown,
				load_unusable_text(&c->unusable.v[i], false, why, sizeof(why)));
}

/* Flushes (or closes) a printing mode's output: a failed write is reported
 * (fayan: write error: …) and exits 1; a closed pipe stays quiet. */
static int finish_output(FILE *out)
{
	bool failed = ferror(out);
	int err = errno;

	if ((out == stdout ? fflush(out) : fclose(out)) != 0) {
		failed = true;
		err = errno;
	}
	if (!failed)
		return 0;
	if (err != EPIPE)
		fprintf(stderr, "%s: write error: %s\n", util_progname, strerror(err ? err : EIO));
	return EXIT_NOTHING;
}

static int run_printing(const struct corpus *c, const struct options *o,
			const struct selection *sel, const struct lexicon *lex, struct hanfold *han)
{
	struct page_opts popts = {
		.width = o->width ? o->width : terminal_width(),
		.ambiguous_width = o->ambiguous_width == 2 ? 2 : 1,
		.fullwidth = o->fullwidth,
		.lex = lex,
		.han = han,
	};

	FILE *out = locale_output();

	switch (o->mode) {
	case MODE_LIST: output_list(out, c, sel, o->by_given ? o->by : VIEW_DEPARTMENT); break;
	case MODE_JSON: output_json(out, c, sel); break;
	case MODE_GREP:
		if (has_han(o->grep))
			ready_han(han);
		output_grep(out, c, sel, o->grep, &popts);
		break;
	default: output_print(out, c, sel, &popts, o->by_given ? o->by : VIEW_PAGE); break;
	}
	return finish_output(out);
}

/* The main loop: render, blit, read a key, apply. */
static void browse(struct state *st)
{
	struct grid g;
	bool repaint = false;
	int rows, cols;

	grid_init(&g);
	for (;;) {
		render(st, &g);
		tui_blit(&g, repaint);
		repaint = false;
		struct key_event ev = tui_read_key();
		if (ev.key == KEY_CLOSED)
			break;
		if (ev.key == KEY_RESIZE_) {
			tui_size(&rows, &cols);
			state_resize(st, rows, cols);
			continue;
		}
		if (ev.key == KEY_MOUSE_)
			state_mouse(st, ev.mouse, ev.row, ev.col);
		else
			state_key(st, ev.key);
		if (st->request == REQ_QUIT)
			break;
		if (st->request == REQ_SUSPEND)
			tui_suspend();
		if (st->request == REQ_PIPE || st->request == REQ_COPY) {
			size_t len;
			char *text = state_plain_speech(st, &len);
			if (st->request == REQ_PIPE)
				tui_pipe(st->pipe_command, text, len);
			else if (tui_copy(text, len))
				snprintf(st->message, sizeof(st->message), "已复制 %zu 个字符（OSC 52）",
					 text_char_count(text, len));
			free(text);
		}
		if (st->request == REQ_REPAINT_ALL)
			tui_set_ambiguous_width(st->ambiguous_width);
		repaint = st->request != REQ_NONE;
		st->request = REQ_NONE;
	}
	grid_fini(&g);
}

static size_t first_speech_of(const struct corpus *c, const struct selection *sel)
{
	size_t i;

	for (i = 0; i < c->speeches.n; i++)
		if (selection_has(c, sel, i))
			return i;
	return 0;
}

/* Adds a notice to the status line's message, after what it has. */
static void add_notice(struct state *st, const char *notice)
{
	size_t used = strlen(st->message);

	snprintf(st->message + used, sizeof(st->message) - used, "%s%s", used ? "；" : "", notice);
}

/* The screen; when the terminal cannot show it, --print instead (SPEC 2). */
/* How the screen is opened: keys_from_tty when standard input is the corpus. */
static struct tui_opts screen_opts(const struct options *o, const struct config *cfg,
				   bool keys_from_tty)
{
	return (struct tui_opts){keys_from_tty, o->color, cfg->set.ambiguous, &cfg->theme,
				 cfg->set.mouse};
}

static int run_screen(const struct corpus *c, const struct options *o, const struct config *cfg,
		      const struct selection *sel, const struct lexicon *lex, struct hanfold *han,
		      bool keys_from_tty)
{
	struct tui_opts topts = screen_opts(o, cfg, keys_from_tty);
	struct state st;
	const char *why = tui_open(&topts);
	int rows, cols, sig;

	if (why) {
		fprintf(stderr, "%s: %s; printing instead\n", util_progname, why);
		report_unusable(c, false);
		return run_printing(c, o, sel, lex, han);
	}
	tui_size(&rows, &cols);
	struct state_opts so = {
		.dept = sel->dept,
		.speech = first_speech_of(c, sel),
		.focus_text = sel->speaker.s != NULL,
		.ambiguous_width = tui_ambiguous_width(),
		.fullwidth = cfg->set.fullwidth,
		.keys = &cfg->keys,
		.list_width = cfg->set.list_width,
		.list_hidden = !cfg->set.show_list,
		.text_width = cfg->set.text_width,
		.view = cfg->set.view,
		.han = han,
		.config_errors = cfg->error_list.v,
		.config_error_count = cfg->error_list.n,
	};
	char *place_file = place_path(c);
	struct place p;
	/* the marks come back always; the place unless -d, -s or --no-restore */
	bool loaded = place_load(place_file, c, &p);
	bool restored = loaded && cfg->set.restore && !o->dept && !o->speaker;
	if (loaded)
		so.marks = p.marks;
	if (restored) {
		so.speech = p.speech;
		so.at = (struct anchor){p.para, p.offset};
		so.has_at = true;
		so.dept = p.dept;
		so.view = p.view;
	}
	state_init(&st, c, lex, &so, rows, cols);
	/* SPEC 4: the reader is told (unless the place is the start anyway),
	 * and --no-restore starts afresh. */
	if (restored && (p.speech != first_speech_of(c, sel) || st.reading.scroll || p.dept != GROUP_ALL ||
			 p.view != cfg->set.view))
		add_notice(&st, "回到上次的位置（--no-restore 从头开始）");
	if (c->unusable.n) { /* summed up here, not printed under the screen */
		char n[80];
		snprintf(n, sizeof(n), "%zu 个文件无法使用（! 列出）", c->unusable.n);
		add_notice(&st, n);
	}
	if (cfg->errors) { /* reported on stderr, which the screen now covers */
		char n[80];
		snprintf(n, sizeof(n), "配置文件有 %zu 行有误，已跳过（! 列出）", cfg->errors);
		add_notice(&st, n);
	}
	browse(&st);
	struct anchor at = state_anchor(&st);
	p = (struct place){st.reading.speech, at.para, at.offset, st.list.filter, st.list.view_kind, {{0}}};
	memcpy(p.marks, st.marks, sizeof(p.marks));
	place_save(place_file, c, &p);
	free(place_file);
	state_fini(&st);
	tui_close();
	sig = tui_stop_signal();
	return sig ? 128 + sig : 0;
}

/* The configuration (SPEC 6): the file's, then the command line's options. */
static void read_config(struct config *cfg, const struct options *o)
{
	config_init(cfg);
	if (!o->no_config)
		userfile_config(cfg, o->config);
	if (o->ambiguous_given)
		cfg->set.ambiguous = o->ambiguous_width;
	if (!o->fullwidth)
		cfg->set.fullwidth = false;
	if (!o->restore)
		cfg->set.restore = false;
}

int main(int argc, char **argv)
{
	struct options o;
	struct config cfg;
	struct hanfold han;
	struct selection sel;
	struct lexicon *lex;
	struct corpus *c;
	int status;

	/* Large arrays straight from mmap, so growing them is mremap, not a
	 * copy (glibc would otherwise raise the threshold as blocks are freed). */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	setup_locale();
	options_parse(argc, argv, &o);
	read_config(&cfg, &o);
	if (o.dump_config) {
		config_dump(&cfg, stdout);
		config_fini(&cfg);
		return finish_output(stdout);
	}
	hanfold_init(&han);
	lex = lexicon_builtin();
	userfile_lexicon(lex, o.lexicon);
	c = corpus_new();
	struct parse_opts popts = {
		.lex = lex, .repair = o.repair, .encoding = o.encoding, .layout = o.layout};
	char *stdin_name[] = {"-"};
	bool use_stdin = o.file_count == 0 && !isatty(STDIN_FILENO);
	bool screen = o.mode == MODE_AUTO && isatty(STDOUT_FILENO);
	bool keys_from_tty = use_stdin || (o.file_count > 0 && has_stdin_name(&o));
	struct load_request req = {c, use_stdin ? stdin_name : o.files, use_stdin ? 1 : o.file_count,
				   &popts};
	if (screen) {
		struct tui_opts topts = screen_opts(&o, &cfg, keys_from_tty);
		progress_load(&req, &topts);
		/* closed again if the progress opened it: what comes before the
		 * browser may still print, as after a short load */
		tui_close();
	} else {
		load_all(req.c, req.names, req.name_count, req.opts, &(struct load_count){0});
	}

	if (o.mode == MODE_CHECK) {
		FILE *out = locale_output();
		report_unusable(c, true);
		output_check(out, c);
		output_layouts(stderr, c);
		status = speech_total(c) > 0 ? 0 : EXIT_NOTHING;
		if (finish_output(out) != 0)
			status = EXIT_NOTHING;
	} else if (speech_total(c) == 0) {
		report_unusable(c, false);
		status = EXIT_NOTHING;
	} else {
		resolve_selection(c, &o, &han, &sel);
		if (!screen)
			report_unusable(c, false);
		if (screen)
			status = run_screen(c, &o, &cfg, &sel, lex, &han, keys_from_tty);
		else
			status = run_printing(c, &o, &sel, lex, &han);
	}
	corpus_free(c);
	lexicon_free(lex);
	config_fini(&cfg);
	hanfold_fini(&han);
	return status;
}
