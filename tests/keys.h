/*
 * keys.h — the key scripts of the screen tests: "jj<Enter><PgDn>1<Resize 60x20>".
 * The same scripts drive the in-memory screen test and the tmux test.
 */
#ifndef FAYAN_TEST_KEYS_H
#define FAYAN_TEST_KEYS_H

#include <stdio.h>
#include <string.h>

#include "keymap.h"
#include "text.h"

static const struct {
	const char *name;
	uint32_t key;
} key_names[] = {
	{"Enter", KEY_ENTER_}, {"Space", ' '},      {"Tab", KEY_TAB},     {"Esc", KEY_ESC},
	{"Up", KEY_UP_},       {"Down", KEY_DOWN_}, {"Left", KEY_LEFT_},  {"Right", KEY_RIGHT_},
	{"PgUp", KEY_PGUP},    {"PgDn", KEY_PGDN},  {"Home", KEY_HOME_},  {"End", KEY_END_},
	{"BSpace", KEY_BACKSPACE_}, {"C-u", KEY_CTRL_U}, {"C-w", KEY_CTRL_W}, {"C-l", KEY_CTRL_L},
};

/* Reads the next key of a script at *s: a character, <Name>, or
 * <Resize WxH> (which sets rows and cols and returns KEY_RESIZE_). */
static uint32_t next_script_key(const char **s, int *rows, int *cols) __attribute__((unused));
static uint32_t next_script_key(const char **s, int *rows, int *cols)
{
	uint32_t uc;
	size_t i;

	if (**s == '<') {
		const char *end = strchr(*s, '>');
		if (end) {
			char name[32];
			snprintf(name, sizeof(name), "%.*s", (int)(end - *s - 1), *s + 1);
			*s = end + 1;
			if (sscanf(name, "Resize %dx%d", cols, rows) == 2)
				return KEY_RESIZE_;
			for (i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++)
				if (strcmp(name, key_names[i].name) == 0)
					return key_names[i].key;
			return KEY_NONE;
		}
	}
	*s += text_next(*s, strlen(*s), &uc);
	return uc;
}

#endif
