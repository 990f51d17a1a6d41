/*
 * The configuration file (SPEC 6): each statement, each error (reported with
 * file and line, skipped, the rest still read), the colour and key syntax,
 * and --dump-config's output read back giving the same configuration.
 */
#include "tap.h"

#include <stdlib.h>

#include "buf.h"
#include "config.h"
#include "util.h"

/* Parses text as the file "c.conf"; the messages go to *errors. */
static void parse(struct config *cfg, const char *text, struct buf *errors)
{
	char *msg = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&msg, &len);

	config_init(cfg);
	config_parse(cfg, "c.conf", text, strlen(text), err);
	fclose(err);
	buf_clear(errors);
	buf_add(errors, msg, len);
	buf_addc(errors, '\0');
	errors->len--;
	free(msg);
}

static void dump(const struct config *cfg, struct buf *out)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	config_dump(cfg, f);
	fclose(f);
	buf_clear(out);
	buf_add(out, text, len);
	buf_addc(out, '\0');
	out->len--;
	free(text);
}

static void test_settings(void)
{
	struct config cfg;
	struct buf err = {0};

	parse(&cfg, "set ambiguous 2\nset fullwidth off\nset list-width 28\n"
		    "set show-list no\nset text-width 0   # the whole pane\nset mouse off\n"
		    "set restore false\nset view speaker\n",
	      &err);
	is_str(err.data, "", "eight set statements, no message");
	is_num(cfg.set.ambiguous, 2, "ambiguous 2");
	ok(!cfg.set.fullwidth, "fullwidth off");
	is_num(cfg.set.list_width, 28, "list-width 28");
	ok(!cfg.set.show_list, "show-list no");
	is_num(cfg.set.text_width, 0, "text-width 0, a comment after it");
	ok(!cfg.set.mouse, "mouse off");
	ok(!cfg.set.restore, "restore false");
	is_num(cfg.set.view, VIEW_SPEAKER, "view speaker");
	config_fini(&cfg);
	buf_fini(&err);
}

static void test_bindings(void)
{
	struct config cfg;
	struct buf err = {0};
	int arg;

	parse(&cfg, "bind x quit\nbind ^D page-down\nbind F5 redraw\nbind 发 search\n"
		    "bind Space down\nunbind q\nbind # help\nbind w department-3\n",
	      &err);
	is_str(err.data, "", "bind and unbind, no message");
	is_num(keymap_lookup(&cfg.keys, 'x', &arg), ACT_QUIT, "x quits");
	is_num(keymap_lookup(&cfg.keys, 0x04, &arg), ACT_PAGE_DOWN, "^D pages down");
	is_num(keymap_lookup(&cfg.keys, KEY_F1_ + 4, &arg), ACT_REDRAW, "F5 redraws");
	is_num(keymap_lookup(&cfg.keys, 0x53D1, &arg), ACT_SEARCH, "a Chinese character is a key");
	is_num(keymap_lookup(&cfg.keys, ' ', &arg), ACT_DOWN, "Space rebound: the old binding goes");
	is_num(keymap_lookup(&cfg.keys, 'q', &arg), ACT_NONE, "q unbound");
	is_num(keymap_lookup(&cfg.keys, '#', &arg), ACT_HELP, "# as a KEY is no comment");
	ok(keymap_lookup(&cfg.keys, 'w', &arg) == ACT_DEPT && arg == 3, "department-3");
	is_num(keymap_lookup(&cfg.keys, 'j', &arg), ACT_DOWN, "the other defaults stay");
	config_fini(&cfg);
	buf_fini(&err);
}

static void test_colors(void)
{
	struct config cfg;
	struct buf err = {0};

	parse(&cfg, "color department red default bold\ncolor match black yellow\n"
		    "color speaker bright-blue 236 underline italic\ncolor title #ff0000 #000000\n"
		    "color border default default\n",
	      &err);
	is_str(err.data, "", "color statements, no message");
	const struct style_def *d = &cfg.theme.v[ST_DEPT];
	ok(d->fg == 1 && d->bg == COLOR_DEFAULT && d->attrs == ATTR_BOLD, "department red default bold");
	d = &cfg.theme.v[ST_MATCH];
	ok(d->fg == 0 && d->bg == 3 && d->attrs == 0, "match black yellow, no attributes");
	d = &cfg.theme.v[ST_SPEAKER];
	ok(d->fg == 12 && d->bg == 236 && d->attrs == (ATTR_UNDERLINE | ATTR_ITALIC),
	   "bright-blue is 12, 236 a number, two attributes");
	d = &cfg.theme.v[ST_TITLE];
	ok(d->fg == 196 && d->bg == 16, "#ff0000 is the cube's red (196), #000000 its black (16)");
	d = &cfg.theme.v[ST_BORDER];
	ok(d->fg == COLOR_DEFAULT && d->attrs == 0, "an element's attributes are replaced, not added");
	config_fini(&cfg);
	buf_fini(&err);
}

/* Every kind of wrong line: reported with file and line, skipped, the lines
 * after it still read. */
static void test_errors(void)
{
	static const struct {
		const char *line, *message;
	} cases[] = {
		{"frobnicate 1", "unknown statement 'frobnicate'"},
		{"set", "set needs an OPTION and a VALUE"},
		{"set colour red", "unknown option 'colour'"},
		{"set list-width wide", "invalid value 'wide' for list-width"},
		{"set list-width -3", "invalid value '-3' for list-width"},
		{"set ambiguous 3", "invalid value '3' for ambiguous"},
		{"set mouse maybe", "invalid value 'maybe' for mouse"},
		{"set view alphabetical", "invalid value 'alphabetical' for view"},
		{"set mouse on off", "set takes an OPTION and one VALUE"},
		{"bind x", "bind needs a KEY and an ACTION"},
		{"bind xy quit", "unknown key 'xy'"},
		{"bind F13 quit", "unknown key 'F13'"},
		{"bind x explode", "unknown action 'explode'"},
		{"bind x department-0", "unknown action 'department-0'"},
		{"bind x none", "unknown action 'none'"},
		{"unbind", "unbind needs a KEY"},
		{"unbind ^^^", "unknown key '^^^'"},
		{"color title red", "color needs an ELEMENT, a FOREGROUND and a BACKGROUND"},
		{"color sidebar red default", "unknown element 'sidebar'"},
		{"color title rouge default", "unknown colour 'rouge'"},
		{"color title 256 default", "unknown colour '256'"},
		{"color title #12345 default", "unknown colour '#12345'"},
		{"color title red default blink", "unknown attribute 'blink'"},
		{"bind \x1b[31m quit", "unknown key '␛[31m'"},
		{"set a b c d e f g h i j k l m", "too many words"},
	};
	struct config cfg;
	struct buf err = {0}, text = {0}, want = {0};
	size_t i;

	for (i = 0; i < ARRAY_LEN(cases); i++) {
		buf_clear(&text);
		buf_addf(&text, "# a comment\n%s\nbind z quit\n", cases[i].line);
		buf_addc(&text, '\0');
		parse(&cfg, text.data, &err);
		buf_clear(&want);
		buf_addf(&want, "fayan: c.conf:2: %s", cases[i].message);
		buf_addc(&want, '\0');
		ok(strncmp(err.data, want.data, strlen(want.data)) == 0 &&
			   strchr(err.data, '\n') == err.data + err.len - 1,
		   "'%s': one message, file and line", cases[i].line);
		if (strncmp(err.data, want.data, strlen(want.data)) != 0)
			printf("#   got: %s#  want: %s\n", err.data, want.data);
		int arg;
		ok(cfg.errors == 1 && keymap_lookup(&cfg.keys, 'z', &arg) == ACT_QUIT,
		   "  skipped, and the next line still read");
		config_fini(&cfg);
	}
	static const char nul_line[] = "set mouse off\r\nbind\0 x quit\n";
	char *msg = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&msg, &len);
	config_init(&cfg);
	config_parse(&cfg, "c.conf", nul_line, sizeof(nul_line) - 1, f);
	fclose(f);
	buf_clear(&err);
	buf_adds(&err, msg);
	free(msg);
	ok(strstr(err.data, "c.conf:1") == NULL && strstr(err.data, "c.conf:2: a NUL byte"),
	   "CRLF line ends are read; a NUL byte is reported");
	ok(!cfg.set.mouse, "  and the CRLF line applied");
	config_fini(&cfg);
	buf_fini(&err);
	buf_fini(&text);
	buf_fini(&want);
}

/* What --dump-config prints, read back, is the same configuration. */
static void test_dump_round_trip(void)
{
	struct config cfg, again;
	struct buf err = {0}, first = {0}, second = {0};

	parse(&cfg, "set list-width 33\nset view page\nbind x quit\nunbind j\nbind ^D page-down\n"
		    "color match black #00ff00 bold reverse\n",
	      &err);
	dump(&cfg, &first);
	ok(strstr(first.data, "set list-width 33\n") && strstr(first.data, "bind x quit\n") &&
		   strstr(first.data, "bind ^D page-down\n") && !strstr(first.data, "bind j "),
	   "the dump shows the settings and bindings in force");
	ok(strstr(first.data, "color match black 46 bold reverse\n") != NULL,
	   "and the colours, #rrggbb as the colour it became");
	ok(strstr(first.data, "bind Enter open\n") && strstr(first.data, "bind 1 department-1\n") &&
		   strstr(first.data, "bind ^L redraw\n") && strstr(first.data, "bind | pipe\n"),
	   "key names in the file's syntax");
	parse(&again, first.data, &err);
	is_str(err.data, "", "the dump reads back without a message");
	dump(&again, &second);
	is_str(second.data, first.data, "and gives the same dump");
	config_fini(&cfg);
	config_fini(&again);
	buf_fini(&err);
	buf_fini(&first);
	buf_fini(&second);
}

/* Keys the terminal keeps (interrupt, flow control, quit) are
 * refused with file and line, not listed as working (issue 22.11). */
static void test_terminal_keys(void)
{
	struct config cfg;
	struct buf err = {0};

	parse(&cfg, "bind ^C view\nbind ^S top\nbind ^Q bottom\nbind ^\\ quit\nbind x quit\n", &err);
	is_str(err.data,
	       "fayan: c.conf:1: key '^C' is the terminal's (the interrupt): it never reaches fayan\n"
	       "fayan: c.conf:2: key '^S' is the terminal's (flow control): it never reaches fayan\n"
	       "fayan: c.conf:3: key '^Q' is the terminal's (flow control): it never reaches fayan\n"
	       "fayan: c.conf:4: key '^\\' is the terminal's (quit): it never reaches fayan\n",
	       "^C ^S ^Q ^\\ refused, each with its line; the x after them bound");
	is_num(cfg.errors, 4, "four lines in error");
	config_fini(&cfg);
	buf_fini(&err);
}

/* Whether s holds a CJK ideograph (its UTF-8 lead byte E4 to E9). */
static bool has_han(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xE4 && (unsigned char)*s <= 0xE9)
			return true;
	return false;
}

/* The wrong lines are kept for the screen's ! list, in Chinese, each with
 * its file and line (SPEC 3): every kind of error has its words. */
static void test_errors_listed(void)
{
	static const char *const lines[] = {
		"set", "set nosuch 1", "set ambiguous 7", "bind", "bind ^C view", "bind x nosuch",
		"bind NoSuchKey quit", "unbind", "color", "color nosuch red blue",
		"color match nosuch blue", "color match red blue nosuch", "frobnicate",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k",
	};
	struct config cfg;
	struct buf text = {0}, err = {0};
	size_t chinese = 0;

	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++)
		buf_addf(&text, "%s\n", lines[i]);
	parse(&cfg, text.data, &err);
	is_num(cfg.error_list.n, sizeof(lines) / sizeof(*lines), "every wrong line kept for the list");
	for (size_t i = 0; i < cfg.error_list.n; i++) {
		char where[32];
		snprintf(where, sizeof(where), "c.conf:%zu", i + 1);
		/* a Han character in each: the words are the screen's */
		chinese += strcmp(cfg.error_list.v[i].where, where) == 0 &&
			   has_han(cfg.error_list.v[i].zh);
	}
	is_num(chinese, cfg.error_list.n, "each with its file and line, its words in Chinese");
	is_str(cfg.error_list.v[5].zh, "没有动作 'nosuch'（fayan --dump-config 列出全部）",
	       "bind x nosuch: the action named");
	config_fini(&cfg);
	buf_fini(&text);
	buf_fini(&err);
}

int main(void)
{
	tap_setup();
	util_progname = "fayan";
	test_settings();
	test_bindings();
	test_colors();
	test_errors();
	test_dump_round_trip();
	test_terminal_keys();
	test_errors_listed();
	return done_testing();
}
