#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "util.h"

static const struct binding bindings[] = {
	{'j', ACT_DOWN, 0},          {KEY_DOWN_, ACT_DOWN, 0},
	{'k', ACT_UP, 0},            {KEY_UP_, ACT_UP, 0},
	{KEY_TAB, ACT_FOCUS_TOGGLE, 0},
	{'h', ACT_FOCUS_LIST, 0},    {KEY_LEFT_, ACT_FOCUS_LIST, 0},
	{'l', ACT_FOCUS_TEXT, 0},    {KEY_RIGHT_, ACT_FOCUS_TEXT, 0},
	{KEY_ENTER_, ACT_OPEN, 0},   {'\r', ACT_OPEN, 0},
	{' ', ACT_PAGE_DOWN, 0},     {KEY_PGDN, ACT_PAGE_DOWN, 0},
	{'b', ACT_PAGE_UP, 0},       {KEY_PGUP, ACT_PAGE_UP, 0},
	{'g', ACT_TOP, 0},           {KEY_HOME_, ACT_TOP, 0},
	{'G', ACT_BOTTOM, 0},        {KEY_END_, ACT_BOTTOM, 0},
	{'J', ACT_NEXT_SPEECH, 0},   {'K', ACT_PREV_SPEECH, 0},
	{'1', ACT_DEPT, 1},          {'2', ACT_DEPT, 2},
	{'3', ACT_DEPT, 3},          {'4', ACT_DEPT, 4},
	{'5', ACT_DEPT, 5},          {'6', ACT_DEPT, 6},
	{'7', ACT_DEPT, 7},          {'8', ACT_DEPT, 8},
	{'9', ACT_DEPT, 9},          {'0', ACT_DEPT_ALL, 0},
	{'d', ACT_DEPT_PICKER, 0},   {'s', ACT_SPEAKER, 0},
	{'/', ACT_SEARCH, 0},        {'n', ACT_SEARCH_NEXT, 0},
	{'N', ACT_SEARCH_PREV, 0},   {'o', ACT_OUTLINE, 0},
	{'c', ACT_CONCORDANCE, 0},   {'r', ACT_RAW, 0},
	{'|', ACT_PIPE, 0},          {'z', ACT_TOGGLE_LIST, 0},
	{'<', ACT_NARROW, 0},        {'>', ACT_WIDEN, 0},
	{'a', ACT_AMBIGUOUS, 0},     {'?', ACT_HELP, 0},
	{KEY_ESC, ACT_ESCAPE, 0},    {'q', ACT_QUIT, 0},
	{KEY_CTRL_L, ACT_REDRAW, 0}, {KEY_CTRL_Z, ACT_SUSPEND, 0},
};

static const struct {
	const char *en, *zh;
} descriptions[] = {
#define ACTION_TEXT(id, en, zh) [id] = {en, zh},
	ACTIONS(ACTION_TEXT)
#undef ACTION_TEXT
};

enum action keymap_lookup(uint32_t key, int *arg)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(bindings); i++)
		if (bindings[i].key == key) {
			*arg = bindings[i].arg;
			return bindings[i].action;
		}
	*arg = 0;
	return ACT_NONE;
}

void keymap_key_name(uint32_t key, char *out, size_t size)
{
	static const struct {
		uint32_t key;
		const char *name;
	} names[] = {
		{KEY_UP_, "↑"},      {KEY_DOWN_, "↓"},      {KEY_LEFT_, "←"},
		{KEY_RIGHT_, "→"},   {KEY_PGUP, "PgUp"},    {KEY_PGDN, "PgDn"},
		{KEY_HOME_, "Home"}, {KEY_END_, "End"},     {KEY_TAB, "Tab"},
		{KEY_ENTER_, "Enter"}, {KEY_ESC, "Esc"},    {' ', "Space"},
		{KEY_CTRL_L, "Ctrl-L"}, {KEY_CTRL_Z, "Ctrl-Z"},
	};
	struct buf b = {0};
	size_t i;

	for (i = 0; i < ARRAY_LEN(names); i++)
		if (names[i].key == key) {
			snprintf(out, size, "%s", names[i].name);
			return;
		}
	buf_add_uc(&b, key);
	snprintf(out, size, "%s", b.data ? b.data : "");
	buf_fini(&b);
}

/* The digits 1-9 share one row ("1…9"); '\r' is Enter again. */
static bool hidden_from_help(const struct binding *b)
{
	return b->key == '\r' || (b->action == ACT_DEPT && b->arg > 1 && b->arg < 9);
}

size_t keymap_help(struct help_row *rows, size_t max)
{
	size_t count = 0, i, r;
	char name[32];

	for (i = 0; i < ARRAY_LEN(bindings); i++) {
		const struct binding *b = &bindings[i];
		if (hidden_from_help(b))
			continue;
		for (r = 0; r < count && strcmp(rows[r].en, descriptions[b->action].en) != 0; r++)
			;
		if (r == count) {
			if (count == max)
				break;
			rows[count].keys[0] = '\0';
			rows[count].en = descriptions[b->action].en;
			rows[count].zh = descriptions[b->action].zh;
			count++;
		}
		keymap_key_name(b->key, name, sizeof(name));
		size_t used = strlen(rows[r].keys);
		snprintf(rows[r].keys + used, sizeof(rows[r].keys) - used, "%s%s",
			 used ? (b->action == ACT_DEPT ? "…" : " ") : "", name);
	}
	return count;
}
