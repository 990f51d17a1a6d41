#include "theme.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static const char *const element_names[] = {
#define STYLE_NAME(id, name) [id] = name,
	STYLES(STYLE_NAME)
#undef STYLE_NAME
};

static const char *const color_names[] = {"black", "red",     "green", "yellow",
					  "blue",  "magenta", "cyan",  "white"};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{"bold", ATTR_BOLD},       {"dim", ATTR_DIM},       {"underline", ATTR_UNDERLINE},
	{"reverse", ATTR_REVERSE}, {"italic", ATTR_ITALIC},
};

enum { D = COLOR_DEFAULT, RED = 1, GREEN = 2, YELLOW = 3, MAGENTA = 5, BLACK = 0 };

/*
 * Defaults that read on dark and light backgrounds alike: attributes and the
 * terminal's own colours carry the structure; colour is only an accent, and
 * never a pale one (yellow text) on the background.
 */
static const struct style_def defaults[ST_COUNT] = {
	[ST_NORMAL] = {D, D, 0},
	[ST_TITLE] = {D, D, ATTR_REVERSE | ATTR_BOLD},
	[ST_STATUS] = {D, D, ATTR_REVERSE},
	[ST_BORDER] = {D, D, ATTR_DIM},
	[ST_DEPT] = {D, D, ATTR_BOLD | ATTR_UNDERLINE},
	[ST_ROW] = {D, D, 0},
	[ST_ROW_SELECTED] = {D, D, ATTR_REVERSE},
	[ST_ROW_CURRENT] = {D, D, ATTR_BOLD | ATTR_UNDERLINE},
	[ST_HEADLINE] = {D, D, ATTR_BOLD},
	[ST_SPEAKER] = {GREEN, D, 0},
	[ST_PULLQUOTE] = {MAGENTA, D, ATTR_BOLD},
	[ST_BYLINE] = {D, D, ATTR_DIM},
	[ST_MATCH] = {BLACK, YELLOW, 0},
	[ST_MATCH_CURRENT] = {D, D, ATTR_REVERSE | ATTR_BOLD | ATTR_UNDERLINE},
	[ST_OVERLAY] = {D, D, 0},
	[ST_OVERLAY_SELECTED] = {D, D, ATTR_REVERSE},
	[ST_PROMPT] = {D, D, 0},
	[ST_MESSAGE] = {D, D, ATTR_BOLD},
};

void theme_init(struct theme *t)
{
	memcpy(t->v, defaults, sizeof(defaults));
}

const char *theme_element_name(enum style st)
{
	return element_names[st];
}

bool theme_parse_element(const char *name, enum style *st)
{
	int i;

	for (i = 0; i < ST_COUNT; i++)
		if (strcmp(name, element_names[i]) == 0) {
			*st = (enum style)i;
			return true;
		}
	return false;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* xterm's 256 colours: 16-231 a 6×6×6 cube, 232-255 a grey ramp. */
static short nearest_256(int r, int g, int b)
{
	static const int level[6] = {0, 95, 135, 175, 215, 255};
	int idx[3], rgb[3] = {r, g, b}, i, k;
	long cube_err = 0, grey_err;

	for (i = 0; i < 3; i++) {
		for (idx[i] = 0, k = 1; k < 6; k++)
			if (abs(level[k] - rgb[i]) < abs(level[idx[i]] - rgb[i]))
				idx[i] = k;
		cube_err += (long)(level[idx[i]] - rgb[i]) * (level[idx[i]] - rgb[i]);
	}
	int grey = (r + g + b) / 3, step = MAX(0, MIN(23, (grey - 8 + 5) / 10));
	int gv = 8 + 10 * step;
	grey_err = (long)(gv - r) * (gv - r) + (long)(gv - g) * (gv - g) + (long)(gv - b) * (gv - b);
	if (grey_err < cube_err)
		return (short)(232 + step);
	return (short)(16 + 36 * idx[0] + 6 * idx[1] + idx[2]);
}

bool theme_parse_color(const char *name, short *color)
{
	const char *base = name;
	int i, bright = 0;
	char *end;

	if (strcmp(name, "default") == 0) {
		*color = COLOR_DEFAULT;
		return true;
	}
	if (name[0] == '#' && strlen(name) == 7) {
		int v[6];
		for (i = 0; i < 6; i++)
			if ((v[i] = hex_digit(name[1 + i])) < 0)
				return false;
		*color = nearest_256(v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]);
		return true;
	}
	if (name[0] >= '0' && name[0] <= '9') {
		long n = strtol(name, &end, 10);
		if (*end || n > COLOR_MAX)
			return false;
		*color = (short)n;
		return true;
	}
	if (strncmp(name, "bright-", 7) == 0)
		base = name + 7, bright = 8;
	for (i = 0; i < 8; i++)
		if (strcmp(base, color_names[i]) == 0) {
			*color = (short)(i + bright);
			return true;
		}
	return false;
}

bool theme_parse_attr(const char *name, unsigned *bit)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(attr_names); i++)
		if (strcmp(name, attr_names[i].name) == 0) {
			*bit = attr_names[i].bit;
			return true;
		}
	return false;
}

static void format_color(short c, struct buf *out)
{
	if (c == COLOR_DEFAULT)
		buf_adds(out, "default");
	else if (c < 8)
		buf_adds(out, color_names[c]);
	else if (c < 16)
		buf_addf(out, "bright-%s", color_names[c - 8]);
	else
		buf_addf(out, "%d", c);
}

void theme_format(const struct style_def *d, struct buf *out)
{
	size_t i;

	format_color(d->fg, out);
	buf_addc(out, ' ');
	format_color(d->bg, out);
	for (i = 0; i < ARRAY_LEN(attr_names); i++)
		if (d->attrs & attr_names[i].bit)
			buf_addf(out, " %s", attr_names[i].name);
}
