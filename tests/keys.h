/*
 * keys.h — the key scripts of the screen tests: "jj<Enter><PgDn>1<Resize 60x20>".
 * Key names are the configuration's (keymap_parse_key), plus tmux's BSpace and C-x.
 * The same scripts drive the in-memory screen test and the tmux test.
 */
#ifndef FAYAN_TEST_KEYS_H
#define FAYAN_TEST_KEYS_H

#include <stdio.h>
#include <string.h>

#include "keymap.h"
#include "text.h"

/* Reads the next key of a script at *s: a character, <Name>, <Resize WxH>
 * (which sets rows and cols and returns KEY_RESIZE_), or a mouse event
 * <Click ROW,COL>, <WheelUp ROW,COL>, <WheelDown ROW,COL> (0-based cells;
 * returns KEY_MOUSE_ and fills *mouse). */
static uint32_t next_script_key(const char **s, int *rows, int *cols, struct key_event *mouse)
	__attribute__((unused));
static uint32_t next_script_key(const char **s, int *rows, int *cols, struct key_event *mouse)
{
	uint32_t uc;

	if (**s == '<') {
		const char *end = strchr(*s, '>');
		if (end) {
			char name[32];
			snprintf(name, sizeof(name), "%.*s", (int)(end - *s - 1), *s + 1);
			*s = end + 1;
			if (sscanf(name, "Resize %dx%d", cols, rows) == 2)
				return KEY_RESIZE_;
			*mouse = (struct key_event){.key = KEY_MOUSE_};
			if (sscanf(name, "Click %d,%d", &mouse->row, &mouse->col) == 2)
				return mouse->mouse = MOUSE_PRESS, KEY_MOUSE_;
			if (sscanf(name, "WheelUp %d,%d", &mouse->row, &mouse->col) == 2)
				return mouse->mouse = MOUSE_WHEEL_UP, KEY_MOUSE_;
			if (sscanf(name, "WheelDown %d,%d", &mouse->row, &mouse->col) == 2)
				return mouse->mouse = MOUSE_WHEEL_DOWN, KEY_MOUSE_;
			/* The program's own key names; tmux spells two differently. */
			if (strcmp(name, "BSpace") == 0)
				snprintf(name, sizeof(name), "Backspace");
			if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3])
				name[0] = '^', memmove(name + 1, name + 2, 2);
			return keymap_parse_key(name, &uc) ? uc : KEY_NONE;
		}
	}
	*s += text_next(*s, strlen(*s), &uc);
	return uc;
}

#endif
