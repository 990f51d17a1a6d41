#include "diag.h"

#include <string.h>

static const struct {
	enum diag_level level;
	const char *text;
} catalogue[] = {
#define DIAG_ROW(id, level, text) [id] = {level, text},
	DIAG_CATALOGUE(DIAG_ROW)
#undef DIAG_ROW
};

enum diag_level diag_level(enum diag_id id)
{
	return catalogue[id].level;
}

const char *diag_level_name(enum diag_level level)
{
	static const char *const names[] = {"repair", "warning", "error"};
	return names[level];
}

void diag_message(struct buf *out, const struct diag *d)
{
	const char *t = catalogue[d->id].text;

	while (*t) {
		if (*t != '{') { /* most of a template: copied as it is */
			const char *brace = strchr(t, '{');
			size_t n = brace ? (size_t)(brace - t) : strlen(t);
			buf_add(out, t, n);
			t += n;
		} else if (strncmp(t, "{s}", 3) == 0) {
			if (d->arg.s)
				buf_add(out, d->arg.s, d->arg.len);
			t += 3;
		} else if (strncmp(t, "{t}", 3) == 0) {
			if (d->tag)
				buf_add(out, d->tag, strlen(d->tag));
			t += 3;
		} else if (strncmp(t, "{n}", 3) == 0) {
			buf_addf(out, "%zu", d->num);
			t += 3;
		} else if (strncmp(t, "{x}", 3) == 0) {
			buf_addf(out, "%02zX", d->num);
			t += 3;
		} else {
			buf_addc(out, *t++);
		}
	}
}
