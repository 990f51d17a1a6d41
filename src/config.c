#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "text.h"
#include "util.h"

enum { WORDS_MAX = 12 };

void config_init(struct config *cfg)
{
	*cfg = (struct config){
		.set = {.ambiguous = 0, .fullwidth = true, .list_width = 0, .show_list = true,
			.text_width = CONFIG_TEXT_WIDTH, .mouse = true, .restore = true,
			.view = VIEW_DEPARTMENT},
	};
	keymap_init(&cfg->keys);
	theme_init(&cfg->theme);
}

void config_fini(struct config *cfg)
{
	keymap_fini(&cfg->keys);
	for (size_t i = 0; i < cfg->error_list.n; i++) {
		free(cfg->error_list.v[i].where);
		free(cfg->error_list.v[i].zh);
	}
	free(cfg->error_list.v);
	cfg->error_list.v = NULL;
	cfg->error_list.n = cfg->error_list.cap = 0;
}

/* One line being read: where it came from, for the messages. */
struct line_ctx {
	struct config *cfg;
	const char *file;
	size_t no;
	FILE *err;
};

/*
 * A wrong line: said in English on lc->err now, and kept in Chinese with
 * its file and line for the screen's ! list (SPEC 3). fmt and zh hold one
 * %s for word, or none.
 */
static void report(struct line_ctx *lc, const char *fmt, const char *zh, const char *word)
{
	char *shown = text_shown_name(word ? word : "");
	struct config_error *e = VEC_PUSH(&lc->cfg->error_list);
	struct buf b = {0};

	fprintf(lc->err, "%s: %s:%zu: ", util_progname, lc->file, lc->no);
	fprintf(lc->err, fmt, shown);
	fputc('\n', lc->err);
	buf_addf(&b, "%s:%zu", lc->file, lc->no);
	e->where = b.data;
	b = (struct buf){0};
	buf_addf(&b, zh, shown);
	e->zh = b.data;
	free(shown);
	lc->cfg->errors++;
}

static bool parse_bool(const char *w, bool *out)
{
	static const char *const yes[] = {"on", "yes", "true", "1"}, *const no[] = {"off", "no", "false", "0"};
	size_t i;

	for (i = 0; i < ARRAY_LEN(yes); i++) {
		if (strcmp(w, yes[i]) == 0)
			return *out = true, true;
		if (strcmp(w, no[i]) == 0)
			return *out = false, true;
	}
	return false;
}

static bool parse_columns(const char *w, int *out)
{
	char *end;
	long n = strtol(w, &end, 10);

	if (end == w || *end || n < 0 || n > CONFIG_WIDTH_MAX)
		return false;
	*out = (int)n;
	return true;
}

enum setting_kind { SET_BOOL, SET_COLUMNS, SET_AMBIGUOUS, SET_VIEW };

static const struct {
	const char *name;
	enum setting_kind kind;
	size_t offset;
	const char *values; /* for the message when a value is wrong */
} settings[] = {
	{"ambiguous", SET_AMBIGUOUS, offsetof(struct settings, ambiguous), "1, 2 or auto"},
	{"fullwidth", SET_BOOL, offsetof(struct settings, fullwidth), "on or off"},
	{"list-width", SET_COLUMNS, offsetof(struct settings, list_width),
	 "a number of columns; 0: in proportion to the terminal"},
	{"show-list", SET_BOOL, offsetof(struct settings, show_list), "on or off"},
	{"text-width", SET_COLUMNS, offsetof(struct settings, text_width),
	 "a number of columns; 0: the whole pane"},
	{"mouse", SET_BOOL, offsetof(struct settings, mouse), "on or off"},
	{"restore", SET_BOOL, offsetof(struct settings, restore), "on or off"},
	{"view", SET_VIEW, offsetof(struct settings, view), "department, page or speaker"},
};

static bool set_value(struct settings *s, size_t i, const char *w)
{
	void *field = (char *)s + settings[i].offset;

	switch (settings[i].kind) {
	case SET_BOOL: return parse_bool(w, field);
	case SET_COLUMNS: return parse_columns(w, field);
	case SET_VIEW: return view_parse(w, field);
	case SET_AMBIGUOUS:
		if (strcmp(w, "auto") == 0 || strcmp(w, "1") == 0 || strcmp(w, "2") == 0) {
			*(int *)field = w[0] == 'a' ? 0 : w[0] - '0';
			return true;
		}
		return false;
	}
	return false;
}

static void statement_set(struct line_ctx *lc, char **w, size_t n)
{
	size_t i;

	if (n != 3) {
		report(lc, n < 3 ? "set needs an OPTION and a VALUE" : "set takes an OPTION and one VALUE",
		       n < 3 ? "set 需要一个选项和一个值" : "set 只接一个选项和一个值", NULL);
		return;
	}
	for (i = 0; i < ARRAY_LEN(settings); i++)
		if (strcmp(w[1], settings[i].name) == 0)
			break;
	if (i == ARRAY_LEN(settings)) {
		report(lc, "unknown option '%s' (ambiguous, fullwidth, list-width, show-list, "
			   "text-width, mouse, restore, view)",
		       "没有选项 '%s'（ambiguous、fullwidth、list-width、show-list、text-width、"
		       "mouse、restore、view）", w[1]);
		return;
	}
	if (!set_value(&lc->cfg->set, i, w[2])) {
		char msg[160], zh[160];
		snprintf(msg, sizeof(msg), "invalid value '%%s' for %s (%s)", settings[i].name,
			 settings[i].values);
		snprintf(zh, sizeof(zh), "'%%s' 不是 %s 的有效值（%s）", settings[i].name,
			 settings[i].values);
		report(lc, msg, zh, w[2]);
	}
}

static bool parse_key_word(struct line_ctx *lc, const char *w, uint32_t *key)
{
	if (keymap_parse_key(w, key))
		return true;
	report(lc, "unknown key '%s' (a character, ^X, Enter, Tab, Space, Esc, Backspace, "
		   "Up, Down, Left, Right, PgUp, PgDn, Home, End, F1…F12)",
	       "无法识别的键 '%s'（一个字符、^X、Enter、Tab、Space、Esc、Backspace、方向键、"
	       "PgUp、PgDn、Home、End、F1…F12）", w);
	return false;
}

/* The keys the terminal keeps for itself, which never reach fayan: ^C
 * interrupts (and ends fayan, exit 130), ^\ quits, ^S and ^Q stop and
 * start output. A bind of one would be listed by ? as working and never
 * fire. (^Z reaches fayan, which suspends itself.) */
static const char *terminal_key(uint32_t key, bool chinese)
{
	switch (key) {
	case 3: return chinese ? "中断" : "the interrupt";
	case 28: return chinese ? "退出" : "quit";
	case 19: case 17: return chinese ? "流量控制" : "flow control";
	default: return NULL;
	}
}

static void statement_bind(struct line_ctx *lc, char **w, size_t n)
{
	uint32_t key;
	enum action act;
	int arg;

	if (n != 3) {
		report(lc, n < 3 ? "bind needs a KEY and an ACTION" : "bind takes a KEY and one ACTION",
		       n < 3 ? "bind 需要一个键和一个动作" : "bind 只接一个键和一个动作", NULL);
		return;
	}
	if (!parse_key_word(lc, w[1], &key))
		return;
	const char *kept = terminal_key(key, false);
	if (kept) {
		char why[96], zh[96];
		snprintf(why, sizeof(why), "key '%%s' is the terminal's (%s): it never reaches fayan", kept);
		snprintf(zh, sizeof(zh), "键 '%%s' 归终端（%s）所用，到不了 fayan",
			 terminal_key(key, true));
		report(lc, why, zh, w[1]);
		return;
	}
	if (!keymap_parse_action(w[2], &act, &arg)) {
		report(lc, "unknown action '%s' (fayan --dump-config lists them)",
		       "没有动作 '%s'（fayan --dump-config 列出全部）", w[2]);
		return;
	}
	keymap_bind(&lc->cfg->keys, key, act, arg);
}

static void statement_unbind(struct line_ctx *lc, char **w, size_t n)
{
	uint32_t key;

	if (n != 2) {
		report(lc, n < 2 ? "unbind needs a KEY" : "unbind takes one KEY",
		       n < 2 ? "unbind 需要一个键" : "unbind 只接一个键", NULL);
		return;
	}
	if (parse_key_word(lc, w[1], &key))
		keymap_unbind(&lc->cfg->keys, key);
}

static void statement_color(struct line_ctx *lc, char **w, size_t n)
{
	struct style_def d = {COLOR_DEFAULT, COLOR_DEFAULT, 0};
	enum style st;
	size_t i;

	if (n < 4) {
		report(lc, "color needs an ELEMENT, a FOREGROUND and a BACKGROUND",
		       "color 需要元素、前景色和背景色", NULL);
		return;
	}
	if (!theme_parse_element(w[1], &st)) {
		report(lc, "unknown element '%s' (fayan --dump-config lists them)",
		       "没有元素 '%s'（fayan --dump-config 列出全部）", w[1]);
		return;
	}
	for (i = 2; i < 4; i++)
		if (!theme_parse_color(w[i], i == 2 ? &d.fg : &d.bg)) {
			report(lc, "unknown colour '%s' (default, black, red, green, yellow, blue, "
				   "magenta, cyan, white, bright-NAME, 0-255 or #rrggbb)",
			       "无法识别的颜色 '%s'（default、八种颜色名、bright-名称、0-255 或 #rrggbb）",
			       w[i]);
			return;
		}
	for (i = 4; i < n; i++) {
		unsigned bit;
		if (!theme_parse_attr(w[i], &bit)) {
			report(lc, "unknown attribute '%s' (bold, dim, underline, reverse, italic)",
			       "无法识别的属性 '%s'（bold、dim、underline、reverse、italic）", w[i]);
			return;
		}
		d.attrs |= bit;
	}
	lc->cfg->theme.v[st] = d;
}

/* A colour word (#rrggbb, or a mistyped one): # and a hex digit. */
static bool looks_like_hex_color(const char *p)
{
	char c = (char)(p[1] | 0x20);

	return (p[1] >= '0' && p[1] <= '9') || (c >= 'a' && c <= 'f');
}

/* Splits line (NUL-terminated, changed in place) into words; a word that
 * starts with # ends the line, except a bare # as bind's or unbind's KEY and
 * a colour's #rrggbb. */
static size_t split_words(char *line, char **w, size_t max, bool *too_many)
{
	size_t n = 0;
	char *p = line;

	*too_many = false;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		bool key_slot = n == 1 && (strcmp(w[0], "bind") == 0 || strcmp(w[0], "unbind") == 0);
		bool color_slot = n >= 2 && (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0);
		if (*p == '#' && !(key_slot && (p[1] == ' ' || p[1] == '\t' || !p[1])) &&
		    !(color_slot && looks_like_hex_color(p)))
			break;
		if (n == max) {
			*too_many = true;
			break;
		}
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

static void parse_line(struct line_ctx *lc, char *line)
{
	char *w[WORDS_MAX];
	bool too_many;
	size_t n = split_words(line, w, WORDS_MAX, &too_many);

	if (too_many) {
		report(lc, "too many words", "这一行的词太多", NULL);
		return;
	}
	if (n == 0)
		return;
	if (strcmp(w[0], "set") == 0)
		statement_set(lc, w, n);
	else if (strcmp(w[0], "bind") == 0)
		statement_bind(lc, w, n);
	else if (strcmp(w[0], "unbind") == 0)
		statement_unbind(lc, w, n);
	else if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0)
		statement_color(lc, w, n);
	else
		report(lc, "unknown statement '%s' (set, bind, unbind or color)",
		       "无法识别的语句 '%s'（set、bind、unbind 或 color）", w[0]);
}

void config_parse(struct config *cfg, const char *name, const char *bytes, size_t len, FILE *err)
{
	struct line_ctx lc = {cfg, name, 0, err};
	size_t start = 0;

	while (start < len) {
		const char *nl = memchr(bytes + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - bytes) : len, line_len = end - start;
		lc.no++;
		if (line_len && bytes[end - 1] == '\r')
			line_len--;
		if (memchr(bytes + start, '\0', line_len)) {
			report(&lc, "a NUL byte: not a text line", "有 NUL 字节，不是文本行", NULL);
		} else {
			char *line = xmalloc(line_len + 1);
			memcpy(line, bytes + start, line_len);
			line[line_len] = '\0';
			parse_line(&lc, line);
			free(line);
		}
		start = end + 1;
	}
}

static void dump_settings(const struct settings *s, FILE *out)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(settings); i++) {
		const void *field = (const char *)s + settings[i].offset;
		fprintf(out, "set %s ", settings[i].name);
		switch (settings[i].kind) {
		case SET_BOOL: fputs(*(const bool *)field ? "on" : "off", out); break;
		case SET_COLUMNS: fprintf(out, "%d", *(const int *)field); break;
		case SET_VIEW: fputs(view_name(*(const enum view *)field), out); break;
		case SET_AMBIGUOUS:
			if (*(const int *)field)
				fprintf(out, "%d", *(const int *)field);
			else
				fputs("auto", out);
			break;
		}
		fputc('\n', out);
	}
}

void config_dump(const struct config *cfg, FILE *out)
{
	struct buf b = {0};
	char key[32], action[32];
	size_t i;

	fputs("# fayan's configuration in force (fayan --dump-config)\n# actions:", out);
	for (i = ACT_NONE + 1; i < ACT_COUNT; i++) {
		keymap_action_name((enum action)i, 1, action, sizeof(action));
		fprintf(out, " %s%s", i == ACT_DEPT ? "department-1…" : action,
			i == ACT_DEPT ? "9" : "");
	}
	fputs("\n# elements:", out);
	for (i = 0; i < ST_COUNT; i++)
		fprintf(out, " %s", theme_element_name((enum style)i));
	fputc('\n', out);
	dump_settings(&cfg->set, out);
	fputc('\n', out);
	for (i = 0; i < cfg->keys.n; i++) {
		const struct binding *bd = &cfg->keys.v[i];
		keymap_format_key(bd->key, key, sizeof(key));
		keymap_action_name(bd->action, bd->arg, action, sizeof(action));
		fprintf(out, "bind %s %s\n", key, action);
	}
	/* Default keys no longer bound: the dump read back must unbind them too. */
	struct keymap defaults;
	keymap_init(&defaults);
	for (i = 0; i < defaults.n; i++) {
		int arg;
		if (keymap_lookup(&cfg->keys, defaults.v[i].key, &arg) == ACT_NONE) {
			keymap_format_key(defaults.v[i].key, key, sizeof(key));
			fprintf(out, "unbind %s\n", key);
		}
	}
	keymap_fini(&defaults);
	fputc('\n', out);
	for (i = 0; i < ST_COUNT; i++) {
		b.len = 0;
		theme_format(&cfg->theme.v[i], &b);
		fprintf(out, "color %s %.*s\n", theme_element_name((enum style)i), (int)b.len, b.data);
	}
	buf_fini(&b);
}
