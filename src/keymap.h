/*
 * keymap — the actions of the reader and the default key bindings, as data.
 * The help overlay and the man page's key list are generated from the same
 * table. Key codes are fayan's own (tui translates curses' codes), so this
 * module knows nothing of curses.
 */
#ifndef FAYAN_KEYMAP_H
#define FAYAN_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

/* Keys beyond Unicode: what the terminal's special keys become. */
enum key {
	KEY_NONE = 0,
	KEY_CTRL_L = 0x0C,
	KEY_CTRL_U = 0x15,
	KEY_CTRL_W = 0x17,
	KEY_CTRL_Z = 0x1A,
	KEY_ENTER_ = '\n',
	KEY_ESC = 0x1B,
	KEY_TAB = '\t',
	KEY_BACKSPACE_ = 0x7F,
	KEY_SPECIAL = 0x110000,
	KEY_UP_,
	KEY_DOWN_,
	KEY_LEFT_,
	KEY_RIGHT_,
	KEY_PGUP,
	KEY_PGDN,
	KEY_HOME_,
	KEY_END_,
	KEY_RESIZE_, /* the screen changed size */
	KEY_CLOSED,  /* the terminal is gone, or a signal asks us to stop */
};

#define ACTIONS(X)                                                                                 \
	X(ACT_NONE, "", "")                                                                        \
	X(ACT_DOWN, "next row (list) or line (text)", "下移")                                     \
	X(ACT_UP, "previous row (list) or line (text)", "上移")                                   \
	X(ACT_FOCUS_TOGGLE, "move focus between the panes", "切换窗格")                           \
	X(ACT_FOCUS_LIST, "focus the list", "列表")                                                \
	X(ACT_FOCUS_TEXT, "focus the text", "正文")                                                \
	X(ACT_OPEN, "open the selected speech and focus the text", "打开")                       \
	X(ACT_PAGE_DOWN, "page down; at the end, the next speech", "下一页")                       \
	X(ACT_PAGE_UP, "page up", "上一页")                                                        \
	X(ACT_TOP, "top", "顶部")                                                                  \
	X(ACT_BOTTOM, "bottom", "底部")                                                            \
	X(ACT_NEXT_SPEECH, "next speech in list order", "下一篇")                                  \
	X(ACT_PREV_SPEECH, "previous speech in list order", "上一篇")                              \
	X(ACT_DEPT, "show only the Nth department", "只看第N个部门")                               \
	X(ACT_DEPT_ALL, "show all departments again", "全部部门")                                  \
	X(ACT_DEPT_PICKER, "department picker", "选择部门")                                        \
	X(ACT_SPEAKER, "jump to a speaker: part of a name, Enter", "跳到发言人")                   \
	X(ACT_SEARCH, "search", "搜索")                                                            \
	X(ACT_SEARCH_NEXT, "next match", "下一处")                                                 \
	X(ACT_SEARCH_PREV, "previous match", "上一处")                                             \
	X(ACT_OUTLINE, "outline of the speech's numbered points", "要点")                         \
	X(ACT_CONCORDANCE, "concordance of the search term", "索引")                              \
	X(ACT_RAW, "raw view: the text as the file has it", "原文")                                \
	X(ACT_PIPE, "pipe the speech to a shell command", "管道")                                  \
	X(ACT_TOGGLE_LIST, "hide or show the list", "隐藏列表")                                    \
	X(ACT_NARROW, "narrow the list", "列表变窄")                                                \
	X(ACT_WIDEN, "widen the list", "列表变宽")                                                 \
	X(ACT_AMBIGUOUS, "ambiguous-width characters: 1 or 2 columns", "歧义宽度")                 \
	X(ACT_HELP, "help", "帮助")                                                                \
	X(ACT_ESCAPE, "close the overlay or prompt", "关闭")                                       \
	X(ACT_QUIT, "close the overlay, else quit", "退出")                                        \
	X(ACT_REDRAW, "redraw", "重绘")                                                            \
	X(ACT_SUSPEND, "suspend", "挂起")

#define ACTION_ENUM(id, en, zh) id,
enum action { ACTIONS(ACTION_ENUM) ACT_COUNT };
#undef ACTION_ENUM

struct binding {
	uint32_t key;
	enum action action;
	int arg; /* ACT_DEPT: the department number */
};

/* The action bound to key (ACT_NONE when none); *arg gets its argument. */
enum action keymap_lookup(uint32_t key, int *arg);

/* One help row per action: the keys bound to it, and what it does. */
struct help_row {
	char keys[64];
	const char *en, *zh;
};
/* Fills rows (one per bound action, in table order); returns the count. */
size_t keymap_help(struct help_row *rows, size_t max);
/* The name of a key as help shows it ("j", "↓", "PgDn", "Ctrl-L"). */
void keymap_key_name(uint32_t key, char *out, size_t size);

#endif
