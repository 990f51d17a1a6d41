#include "keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "util.h"

static const struct binding defaults[] = {
	{'j', ACT_DOWN, 0},          {KEY_DOWN_, ACT_DOWN, 0},
	{'k', ACT_UP, 0},            {KEY_UP_, ACT_UP, 0},
	{KEY_TAB, ACT_FOCUS_TOGGLE, 0},
	{'h', ACT_FOCUS_LIST, 0},    {KEY_LEFT_, ACT_FOCUS_LIST, 0},
	{'l', ACT_FOCUS_TEXT, 0},    {KEY_RIGHT_, ACT_FOCUS_TEXT, 0},
	{KEY_ENTER_, ACT_OPEN, 0},   {'\r', ACT_OPEN, 0},
	{' ', ACT_PAGE_DOWN, 0},     {KEY_PGDN, ACT_PAGE_DOWN, 0},
	{'b', ACT_PAGE_UP, 0},       {KEY_PGUP, ACT_PAGE_UP, 0},
	{'f', ACT_PAGE_DOWN, 0},     {0x06, ACT_PAGE_DOWN, 0}, /* less's f, ^F */
	{0x02, ACT_PAGE_UP, 0},      /* ^B */
	{0x04, ACT_HALF_DOWN, 0},    {KEY_CTRL_U, ACT_HALF_UP, 0}, /* ^D ^U */
	{'g', ACT_TOP, 0},           {KEY_HOME_, ACT_TOP, 0},
	{'G', ACT_BOTTOM, 0},        {KEY_END_, ACT_BOTTOM, 0},
	{'J', ACT_NEXT_SPEECH, 0},   {'K', ACT_PREV_SPEECH, 0},
	{']', ACT_NEXT_COLL, 0},     {'[', ACT_PREV_COLL, 0},
	{'=', ACT_WHERE, 0},
	{'m', ACT_MARK_SET, 0},      {'\'', ACT_MARK_GO, 0},
	{'1', ACT_DEPT, 1},          {'2', ACT_DEPT, 2},
	{'3', ACT_DEPT, 3},          {'4', ACT_DEPT, 4},
	{'5', ACT_DEPT, 5},          {'6', ACT_DEPT, 6},
	{'7', ACT_DEPT, 7},          {'8', ACT_DEPT, 8},
	{'9', ACT_DEPT, 9},          {'0', ACT_DEPT_ALL, 0},
	{'d', ACT_DEPT_PICKER, 0},   {'s', ACT_SPEAKER, 0},
	{'/', ACT_SEARCH, 0},        {'n', ACT_SEARCH_NEXT, 0},
	{'N', ACT_SEARCH_PREV, 0},   {'o', ACT_OUTLINE, 0},
	{'c', ACT_CONCORDANCE, 0},   {'r', ACT_RAW, 0},
	{'|', ACT_PIPE, 0},          {'y', ACT_COPY, 0},
	{'z', ACT_TOGGLE_LIST, 0},
	{'<', ACT_NARROW, 0},        {'>', ACT_WIDEN, 0},
	{'a', ACT_AMBIGUOUS, 0},     {'v', ACT_VIEW, 0},
	{'t', ACT_SIMPLIFIED, 0},    {'!', ACT_FINDINGS, 0},
	{'?', ACT_HELP, 0},
	{KEY_ESC, ACT_ESCAPE, 0},    {'q', ACT_QUIT, 0},
	{'Q', ACT_QUIT_ALL, 0},
	{KEY_CTRL_L, ACT_REDRAW, 0}, {KEY_CTRL_Z, ACT_SUSPEND, 0},
};

static const struct {
	const char *name, *en, *zh;
} actions[] = {
#define ACTION_TEXT(id, name, en, zh) [id] = {name, en, zh},
	ACTIONS(ACTION_TEXT)
#undef ACTION_TEXT
};

void keymap_init(struct keymap *km)
{
	*km = (struct keymap){0};
	km->cap = ARRAY_LEN(defaults);
	km->v = xmalloc(sizeof(*km->v) * km->cap);
	memcpy(km->v, defaults, sizeof(defaults));
	km->n = ARRAY_LEN(defaults);
}

void keymap_fini(struct keymap *km)
{
	free(km->v);
	*km = (struct keymap){0};
}

static struct binding *find(const struct keymap *km, uint32_t key)
{
	size_t i;

	for (i = 0; i < km->n; i++)
		if (km->v[i].key == key)
			return &km->v[i];
	return NULL;
}

void keymap_bind(struct keymap *km, uint32_t key, enum action act, int arg)
{
	struct binding *b = find(km, key);

	if (!b) {
		if (km->n == km->cap) {
			km->cap = km->cap ? km->cap * 2 : 16;
			km->v = xrealloc(km->v, sizeof(*km->v) * km->cap);
		}
		b = &km->v[km->n++];
	}
	*b = (struct binding){key, act, arg};
}

bool keymap_unbind(struct keymap *km, uint32_t key)
{
	struct binding *b = find(km, key);

	if (!b)
		return false;
	memmove(b, b + 1, sizeof(*b) * (size_t)(km->v + km->n - (b + 1)));
	km->n--;
	return true;
}

enum action keymap_lookup(const struct keymap *km, uint32_t key, int *arg)
{
	const struct binding *b = find(km, key);

	*arg = b ? b->arg : 0;
	return b ? b->action : ACT_NONE;
}

void keymap_action_name(enum action act, int arg, char *out, size_t size)
{
	if (act == ACT_DEPT)
		snprintf(out, size, "%s-%d", actions[act].name, arg);
	else
		snprintf(out, size, "%s", actions[act].name);
}

bool keymap_parse_action(const char *name, enum action *act, int *arg)
{
	size_t dept_len = strlen(actions[ACT_DEPT].name);
	int i;

	*arg = 0;
	if (strncmp(name, actions[ACT_DEPT].name, dept_len) == 0 && name[dept_len] == '-' &&
	    name[dept_len + 1] >= '1' && name[dept_len + 1] <= '0' + DEPT_KEYS &&
	    !name[dept_len + 2]) {
		*act = ACT_DEPT;
		*arg = name[dept_len + 1] - '0';
		return true;
	}
	for (i = ACT_NONE + 1; i < ACT_COUNT; i++)
		if (i != ACT_DEPT && strcmp(name, actions[i].name) == 0) {
			*act = (enum action)i;
			return true;
		}
	return false;
}

/* The configuration's names of keys that are no printable character. */
static const struct {
	uint32_t key;
	const char *name;
} named_keys[] = {
	{KEY_ENTER_, "Enter"}, {KEY_TAB, "Tab"},   {' ', "Space"},       {KEY_ESC, "Esc"},
	{KEY_BACKSPACE_, "Backspace"}, {KEY_UP_, "Up"}, {KEY_DOWN_, "Down"}, {KEY_LEFT_, "Left"},
	{KEY_RIGHT_, "Right"}, {KEY_PGUP, "PgUp"}, {KEY_PGDN, "PgDn"},   {KEY_HOME_, "Home"},
	{KEY_END_, "End"},
};

bool keymap_parse_key(const char *name, uint32_t *key)
{
	size_t len = strlen(name), i;
	uint32_t uc;
	char *end;

	for (i = 0; i < ARRAY_LEN(named_keys); i++)
		if (strcasecmp(name, named_keys[i].name) == 0) {
			*key = named_keys[i].key;
			return true;
		}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		long n = strtol(name + 1, &end, 10);
		if (!*end && n >= 1 && n <= 12) {
			*key = KEY_F1_ + (uint32_t)(n - 1);
			return true;
		}
		return false;
	}
	/* ^X: the control character; ^? is DEL. */
	if (len == 2 && name[0] == '^' && ((name[1] >= '@' && name[1] <= '_') ||
					   (name[1] >= 'a' && name[1] <= 'z') || name[1] == '?')) {
		char c = name[1] >= 'a' ? (char)(name[1] - 'a' + 'A') : name[1];
		*key = c == '?' ? 0x7F : (uint32_t)(c - '@');
		return true;
	}
	/* One character, printable. */
	if (len && text_next(name, len, &uc) == len && uc > 0x20 && uc != 0x7F &&
	    !(uc >= 0x80 && uc < 0xA0)) {
		*key = uc;
		return true;
	}
	return false;
}

void keymap_format_key(uint32_t key, char *out, size_t size)
{
	struct buf b = {0};
	size_t i;

	for (i = 0; i < ARRAY_LEN(named_keys); i++)
		if (named_keys[i].key == key) {
			snprintf(out, size, "%s", named_keys[i].name);
			return;
		}
	if (key >= KEY_F1_ && key < KEY_F1_ + 12) {
		snprintf(out, size, "F%u", key - KEY_F1_ + 1);
		return;
	}
	if (key < 0x20) {
		snprintf(out, size, "^%c", (char)(key + '@'));
		return;
	}
	buf_add_uc(&b, key);
	snprintf(out, size, "%s", b.data ? b.data : "");
	buf_fini(&b);
}

void keymap_key_name(uint32_t key, char *out, size_t size)
{
	static const struct {
		uint32_t key;
		const char *name;
	} arrows[] = {
		{KEY_UP_, "↑"}, {KEY_DOWN_, "↓"}, {KEY_LEFT_, "←"}, {KEY_RIGHT_, "→"},
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(arrows); i++)
		if (arrows[i].key == key) {
			snprintf(out, size, "%s", arrows[i].name);
			return;
		}
	if (key < 0x20 && key != KEY_ENTER_ && key != KEY_TAB && key != KEY_ESC) {
		snprintf(out, size, "Ctrl-%c", (char)(key + '@'));
		return;
	}
	keymap_format_key(key, out, size);
}

/* Each of the digits 1-9 bound to its own department, as by default: then
 * help shows them as one run, "1…9". */
static bool digits_as_default(const struct keymap *km)
{
	int d, arg;

	for (d = 1; d <= DEPT_KEYS; d++)
		if (keymap_lookup(km, (uint32_t)('0' + d), &arg) != ACT_DEPT || arg != d)
			return false;
	return true;
}

/* '\r' is Enter again; 2-8 are inside the run 1…9. */
static bool hidden_from_help(const struct binding *b, bool digit_run)
{
	return b->key == '\r' ||
	       (digit_run && b->action == ACT_DEPT && b->key == (uint32_t)('0' + b->arg) &&
		b->arg > 1 && b->arg < DEPT_KEYS);
}

size_t keymap_help(const struct keymap *km, struct help_row *rows, size_t max)
{
	size_t count = 0, i, r;
	char name[32];
	bool run = digits_as_default(km);

	for (i = 0; i < km->n; i++) {
		const struct binding *b = &km->v[i];
		if (hidden_from_help(b, run) || b->action == ACT_NONE)
			continue;
		for (r = 0; r < count && strcmp(rows[r].en, actions[b->action].en) != 0; r++)
			;
		if (r == count) {
			if (count == max)
				break;
			rows[count].keys[0] = '\0';
			rows[count].en = actions[b->action].en;
			rows[count].zh = actions[b->action].zh;
			if (b->action == ACT_DEPT)
				snprintf(rows[count].name, sizeof(rows[count].name), "%s-N",
					 actions[ACT_DEPT].name);
			else
				keymap_action_name(b->action, b->arg, rows[count].name,
						   sizeof(rows[count].name));
			count++;
		}
		keymap_key_name(b->key, name, sizeof(name));
		size_t used = strlen(rows[r].keys);
		snprintf(rows[r].keys + used, sizeof(rows[r].keys) - used, "%s%s",
			 used ? (run && b->action == ACT_DEPT && b->key == '9' ? "…" : " ") : "", name);
	}
	return count;
}
