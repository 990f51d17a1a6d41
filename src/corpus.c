#include "corpus.h"

#include <assert.h>
#include <stdlib.h>
#include <sys/mman.h>


/* A text block's size: 32 of the largest small files. */
#define BLOCK_BYTES ((size_t)32 << 20)

/* A 100 MB collection holds a hundred thousand speeches and more posts: the
 * model stays within SPEC 5's memory yardstick only while these stay small. */
static_assert(sizeof(struct speech) <= 144, "a speech's model grew");
static_assert(sizeof(struct post) <= 40, "a post's model grew");

struct corpus *corpus_new(void)
{
	return xcalloc(1, sizeof(struct corpus));
}

void corpus_add_unusable(struct corpus *c, const char *shown, enum unusable_why why, int err)
{
	*VEC_PUSH(&c->unusable) = (struct unusable){xstrdup(shown), why, err};
}

void corpus_free(struct corpus *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->colls.n; i++) {
		free(c->colls.v[i].name);
		free(c->colls.v[i].shown);
		if (c->colls.v[i].text_home == TEXT_HEAP)
			free(c->colls.v[i].text);
	}
	free(c->colls.v);
	free(c->speeches.v);
	free(c->posts.v);
	free(c->paras.v);
	free(c->segs.v);
	free(c->pqs.v);
	free(c->repairs.v);
	free(c->parts.v);
	free(c->speech_depts.v);
	free(c->depts.v);
	free(c->unatt.v);
	free(c->findings.v);
	for (i = 0; i < c->unusable.n; i++) {
		free(c->unusable.v[i].shown);
	}
	free(c->unusable.v);
	for (i = 0; i < c->blocks.n; i++)
		munmap(c->blocks.v[i].base, BLOCK_BYTES);
	free(c->blocks.v);
	for (i = 0; i < c->made.n; i++)
		free(c->made.v[i]);
	free(c->made.v);
	free(c->dept_slots);
	free(c);
}

/* Room for count more, reserved up front; in 2 MiB pages if huge: only the
 * part used is resident, but a part-used huge page counts whole (peak RSS,
 * SPEC 5). What the array holds is moved there. */
#define RESERVE(vec, count, huge)                                                                  \
	do {                                                                                       \
		size_t need_ = (vec)->n + (count), size_ = sizeof(*(vec)->v);                      \
		if (need_ > (vec)->cap) {                                                          \
			(vec)->v = (huge) ? util_realloc_huge((vec)->v, (vec)->n * size_,           \
							      need_ * size_)                        \
					  : xrealloc((vec)->v, need_ * size_);                     \
			(vec)->cap = need_;                                                        \
		}                                                                                  \
	} while (0)

/* A text block on a 2 MiB boundary, in huge pages from its first byte:
 * address space only, a page is resident once a text is read into it. */
static char *map_block(void)
{
	const size_t huge = HUGE_PAGE_BYTES;
	char *mapped = mmap(NULL, BLOCK_BYTES + huge, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), *base;
	size_t head;

	if (mapped == MAP_FAILED)
		return NULL;
	base = (char *)(((uintptr_t)mapped + huge - 1) & ~(uintptr_t)(huge - 1));
	head = (size_t)(base - mapped);
	if (head)
		munmap(mapped, head);
	munmap(base + BLOCK_BYTES, huge - head);
	util_hint_huge(base, BLOCK_BYTES);
	return base;
}

char *corpus_text_room(struct corpus *c, size_t n)
{
	struct text_block *b = c->blocks.n ? &c->blocks.v[c->blocks.n - 1] : NULL;
	void *base;

	if (n > CORPUS_BLOCK_FILE_MAX)
		return NULL;
	if (!b || BLOCK_BYTES - b->used < n) {
		if (!(base = map_block()))
			return NULL;
		b = VEC_PUSH(&c->blocks);
		b->base = base;
	}
	b->used += n;
	return b->base + b->used - n;
}

/*
 * Bounds from the line count: a speech takes at least two lines, a paragraph
 * or segment one. Only pages that are written become resident, so the
 * generous virtual size costs little; a collection of small files never
 * reaches the hint's threshold. The four arrays that grow with the text are
 * in 2 MiB pages: on a virtual machine the first touch of each 4 KiB page is
 * dear (at 100 MB they were 3,000 faults, a fifth of the load). Repairs and
 * departments take a few bytes a speech: a huge page would be mostly RSS.
 */
void corpus_reserve(struct corpus *c, size_t lines)
{
	if (lines < 4096)
		return;
	RESERVE(&c->speeches, lines / 2, true);
	RESERVE(&c->posts, lines / 2, true);
	RESERVE(&c->paras, lines, true);
	RESERVE(&c->segs, lines, true);
	RESERVE(&c->repairs, lines / 2, false);
	RESERVE(&c->speech_depts, lines / 2, false);
}

/* What of vec's room from its count on count more elements take (none
 * where nothing is reserved: no pointer is made from NULL). */
#define ROOM(room, k, vec, count)                                                                  \
	do {                                                                                       \
		(room).at[k] = (vec)->v ? (char *)((vec)->v + (vec)->n) : NULL;                    \
		(room).bytes[k] = (vec)->v ? MIN((count), (vec)->cap - (vec)->n) * sizeof(*(vec)->v) \
					   : 0;                                                    \
	} while (0)

struct corpus_room corpus_room_ahead(const struct corpus *c, size_t speeches, size_t body_lines)
{
	struct corpus_room room;

	ROOM(room, 0, &c->speeches, speeches);
	ROOM(room, 1, &c->posts, speeches);
	ROOM(room, 2, &c->paras, body_lines / 2);
	ROOM(room, 3, &c->segs, body_lines);
	return room;
}

enum { POPULATE_STEPS = 64, PAGE_BYTES = 4096 };

/* Pages [from, to) of a room, the first one whole or not. */
static void populate(char *at, size_t from, size_t to)
{
	if (!at)
		return;
	uintptr_t start = ((uintptr_t)at + from) & ~(uintptr_t)(PAGE_BYTES - 1);

	if (to > from)
		madvise((void *)start, (uintptr_t)at + to - start, MADV_POPULATE_WRITE);
}

void corpus_room_populate(const struct corpus_room *room)
{
	for (size_t step = 0; step < POPULATE_STEPS; step++)
		for (size_t k = 0; k < 4; k++)
			populate(room->at[k], room->bytes[k] * step / POPULATE_STEPS,
				 room->bytes[k] * (step + 1) / POPULATE_STEPS);
}

/* What the files not yet loaded would add at the rate of those loaded, and
 * a quarter more. */
static size_t ahead(size_t n, size_t done, size_t total)
{
	return n * (total - done) / done / 4 * 5;
}

void corpus_reserve_ahead(struct corpus *c, size_t done, size_t total)
{
	if (done == 0 || total <= done)
		return;
	RESERVE(&c->speeches, ahead(c->speeches.n, done, total), true);
	RESERVE(&c->posts, ahead(c->posts.n, done, total), true);
	RESERVE(&c->paras, ahead(c->paras.n, done, total), true);
	RESERVE(&c->segs, ahead(c->segs.n, done, total), true);
	RESERVE(&c->repairs, ahead(c->repairs.n, done, total), false);
	RESERVE(&c->speech_depts, ahead(c->speech_depts.n, done, total), false);
	RESERVE(&c->findings, ahead(c->findings.n, done, total), false);
	RESERVE(&c->colls, ahead(c->colls.n, done, total), false);
}

static size_t hash_str(struct str s)
{
	return (size_t)str_hash_table(s.s, s.len);
}

/* The slot holding name, or the empty slot where it would go. */
static size_t *dept_slot(const struct corpus *c, struct str name)
{
	size_t mask = c->dept_slot_count - 1, i = hash_str(name) & mask;

	while (c->dept_slots[i] && !str_eq(c->depts.v[c->dept_slots[i] - 1], name))
		i = (i + 1) & mask;
	return &c->dept_slots[i];
}

static void rehash_depts(struct corpus *c)
{
	size_t i;

	free(c->dept_slots);
	c->dept_slot_count = c->dept_slot_count ? c->dept_slot_count * 2 : 64;
	c->dept_slots = xcalloc(c->dept_slot_count, sizeof(*c->dept_slots));
	for (i = 0; i < c->depts.n; i++)
		*dept_slot(c, c->depts.v[i]) = i + 1;
}

size_t corpus_find_dept(const struct corpus *c, struct str name)
{
	if (!c->dept_slot_count)
		return NO_DEPT;
	size_t slot = *dept_slot(c, name);
	return slot ? slot - 1 : NO_DEPT;
}

size_t corpus_intern_dept(struct corpus *c, struct str name)
{
	size_t *slot;

	if (2 * (c->depts.n + 1) > c->dept_slot_count)
		rehash_depts(c);
	slot = dept_slot(c, name);
	if (!*slot) {
		*VEC_PUSH(&c->depts) = name;
		*slot = c->depts.n;
	}
	return *slot - 1;
}

struct str corpus_para_text(const struct corpus *c, const struct para *p, struct buf *scratch)
{
	size_t i;

	if (p->seg_count == 1)
		return c->segs.v[p->seg_first];
	buf_clear(scratch);
	for (i = 0; i < p->seg_count; i++)
		buf_add(scratch, c->segs.v[p->seg_first + i].s, c->segs.v[p->seg_first + i].len);
	return (struct str){scratch->data ? scratch->data : "", scratch->len};
}

bool speech_in_dept(const struct corpus *c, const struct speech *s, size_t dept)
{
	size_t i;

	if (dept == NO_DEPT)
		return s->dept_count == 0;
	for (i = 0; i < s->dept_count; i++)
		if (speech_dept(c, s, i) == dept)
			return true;
	return false;
}

size_t corpus_find_speaker(const struct corpus *c, struct str name)
{
	size_t i;

	for (i = 0; i < c->speeches.n; i++)
		if (str_eq(c->speeches.v[i].speaker, name))
			return i;
	return (size_t)-1;
}

void corpus_add_finding(struct corpus *c, size_t coll, struct diag d)
{
	struct finding *f = VEC_PUSH(&c->findings);

	f->coll = coll;
	f->d = d;
}
