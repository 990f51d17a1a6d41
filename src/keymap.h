/*
 * keymap — the actions of the reader and the key bindings, as data. The
 * defaults are one table; a keymap is an object made from it, changed by the
 * configuration (bind, unbind) and handed to the state. The help overlay, the
 * man page's KEYS section and --dump-config are generated from it. Key codes
 * are fayan's own (tui translates curses' codes), so this module knows
 * nothing of curses.
 */
#ifndef FAYAN_KEYMAP_H
#define FAYAN_KEYMAP_H

#include <stdbool.h>
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
	KEY_F1_, /* … KEY_F1_ + 11 is F12 */
	KEY_RESIZE_ = KEY_F1_ + 12, /* the screen changed size */
	KEY_MOUSE_,  /* a mouse event: see struct key_event */
	KEY_CLOSED,  /* the terminal is gone, or a signal asks us to stop */
};

enum mouse_kind { MOUSE_PRESS, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

/* What the key reader hands on: a key, or (KEY_MOUSE_) a mouse event. */
struct key_event {
	uint32_t key;
	enum mouse_kind mouse;
	int row, col;
};

/* id, configuration name, English (man page), Chinese (the ? overlay). */
#define ACTIONS(X)                                                                                 \
	X(ACT_NONE, "none", "", "")                                                                \
	X(ACT_DOWN, "down", "next row (list) or line (text)", "下移一行")                         \
	X(ACT_UP, "up", "previous row (list) or line (text)", "上移一行")                         \
	X(ACT_FOCUS_TOGGLE, "focus-toggle", "move focus between the panes", "切换窗格")           \
	X(ACT_FOCUS_LIST, "focus-list", "focus the list", "转到列表")                              \
	X(ACT_FOCUS_TEXT, "focus-text", "focus the text", "转到正文")                              \
	X(ACT_OPEN, "open", "open the selected speech and focus the text", "打开发言")           \
	X(ACT_PAGE_DOWN, "page-down", "page down; at the end, the next speech", "下一页")         \
	X(ACT_PAGE_UP, "page-up", "page up", "上一页")                                             \
	X(ACT_HALF_DOWN, "half-page-down", "half a page down", "下半页")                           \
	X(ACT_HALF_UP, "half-page-up", "half a page up", "上半页")                                 \
	X(ACT_TOP, "top", "top", "到顶部")                                                         \
	X(ACT_BOTTOM, "bottom", "bottom", "到底部")                                                \
	X(ACT_NEXT_SPEECH, "next-speech", "next speech in list order", "下一篇发言")              \
	X(ACT_PREV_SPEECH, "previous-speech", "previous speech in list order", "上一篇发言")      \
	X(ACT_NEXT_COLL, "next-collection", "first speech of the next collection", "下一个文集")  \
	X(ACT_PREV_COLL, "previous-collection", "first speech of the previous collection",       \
	  "上一个文集")                                                                            \
	X(ACT_MARK_SET, "mark", "set a mark: m, then a letter", "设标记（再按字母）")              \
	X(ACT_MARK_GO, "go-to-mark", "go back to a mark: ', then its letter",                     \
	  "回到标记（再按字母）")                                                                  \
	X(ACT_WHERE, "where", "file, line and collection of this place (less's =)",               \
	  "当前位置：文件、行、第几个文集")                                                          \
	X(ACT_DEPT, "department", "show only the Nth department", "只看第 N 个部门")              \
	X(ACT_DEPT_ALL, "all-departments", "show all departments again", "显示全部部门")          \
	X(ACT_DEPT_PICKER, "department-picker", "department picker", "选择部门")                  \
	X(ACT_SPEAKER, "speaker", "jump to a speaker: part of a name, Enter", "按姓名跳到发言人") \
	X(ACT_SEARCH, "search", "search", "搜索")                                                  \
	X(ACT_SEARCH_NEXT, "search-next", "next match", "下一处匹配")                              \
	X(ACT_SEARCH_PREV, "search-previous", "previous match", "上一处匹配")                      \
	X(ACT_OUTLINE, "outline", "outline of the speech's numbered points", "发言要点提纲")      \
	X(ACT_CONCORDANCE, "concordance", "concordance of the search term", "搜索词上下文一览")  \
	X(ACT_RAW, "raw", "raw view: the text as the file has it", "原文（修复前）")               \
	X(ACT_PIPE, "pipe", "pipe the speech to a shell command", "把发言交给外部命令")           \
	X(ACT_COPY, "copy", "copy the speech to the terminal's clipboard (OSC 52)",               \
	  "复制发言到终端剪贴板")                                                                    \
	X(ACT_TOGGLE_LIST, "toggle-list", "hide or show the list", "隐藏或显示列表")              \
	X(ACT_NARROW, "narrow-list", "narrow the list", "列表变窄")                                \
	X(ACT_WIDEN, "widen-list", "widen the list", "列表变宽")                                   \
	X(ACT_AMBIGUOUS, "ambiguous", "ambiguous-width characters: 1 or 2 columns",               \
	  "“”…等歧义宽度字符占 1 或 2 列")                                                          \
	X(ACT_VIEW, "view", "next view: by department, in page order, by speaker",                \
	  "切换视图：按部门、按版面顺序、按发言人")                                                  \
	X(ACT_SIMPLIFIED, "simplified", "show everything in Simplified characters (简体)",        \
	  "以简体显示")                                                                            \
	X(ACT_FINDINGS, "findings", "the files that could not be used, the config's wrong lines",   \
	  "无法使用的文件、有误的配置行")                                                          \
	X(ACT_HELP, "help", "help", "帮助")                                                        \
	X(ACT_ESCAPE, "escape", "close the overlay, prompt or raw view", "关闭")                   \
	X(ACT_QUIT, "quit", "close the overlay or raw view, else quit", "退出")                    \
	X(ACT_QUIT_ALL, "quit-all", "quit, from anywhere", "立即退出")                             \
	X(ACT_REDRAW, "redraw", "redraw", "重绘屏幕")                                              \
	X(ACT_SUSPEND, "suspend", "suspend", "挂起")

#define ACTION_ENUM(id, name, en, zh) id,
enum action { ACTIONS(ACTION_ENUM) ACT_COUNT };
#undef ACTION_ENUM

enum { DEPT_KEYS = 9 }; /* department-1 … department-9 */

struct binding {
	uint32_t key;
	enum action action;
	int arg; /* ACT_DEPT: the department number */
};

struct keymap {
	struct binding *v;
	size_t n, cap;
};

/* The default bindings (SPEC 3.1). */
void keymap_init(struct keymap *km);
void keymap_fini(struct keymap *km);
/* Binds key to act (replacing what it had); unbind reports whether it had one. */
void keymap_bind(struct keymap *km, uint32_t key, enum action act, int arg);
bool keymap_unbind(struct keymap *km, uint32_t key);
/* The action bound to key (ACT_NONE when none); *arg gets its argument. */
enum action keymap_lookup(const struct keymap *km, uint32_t key, int *arg);

/* An action's configuration name ("page-down", "department-3"), and back. */
void keymap_action_name(enum action act, int arg, char *out, size_t size);
bool keymap_parse_action(const char *name, enum action *act, int *arg);
/* A key in the configuration's syntax: a character, ^X, Enter, F1… */
bool keymap_parse_key(const char *name, uint32_t *key);
void keymap_format_key(uint32_t key, char *out, size_t size);

/* One help row per action: the keys bound to it, what it does, its name. */
struct help_row {
	char keys[64];
	char name[24];
	const char *en, *zh;
};
/* Fills rows (one per bound action, in table order); returns the count. */
size_t keymap_help(const struct keymap *km, struct help_row *rows, size_t max);
/* The name of a key as help shows it ("j", "↓", "PgDn", "Ctrl-L"). */
void keymap_key_name(uint32_t key, char *out, size_t size);

#endif
