#include "pattern.h"

#include <stdlib.h>
#include <string.h>

#include "attendees.h"
#include "forkjoin.h"
#include "names.h"
#include "speaker.h"

enum {
	PATTERN_MIN_LINES = 2, /* a pattern is a shape seen again */
	HEAD_SLACK_BYTES = 8 * 3, /* how much longer a run-in head may be than those taught */
	ROLE_MAX_CHARS = 6,       /* the unknown role a finding names */
	OWN_LINE_MAX_BYTES = 40 * 4,  /* an own-line speaker line is forty characters at most */
};

/* Fork-joins over the lines (learn, decide) cut them in this many ranges,
 * where there are enough of them to be worth it. */
enum { PATTERN_RANGES = 32, RANGE_MIN_LINES = 1 << 15 };

/* What the page's confident speaker lines have in common. */
struct pattern {
	enum speech_layout layout;
	bool under_headline; /* they stand under a bare headline (three in four) */
	bool marked;         /* all open with a bullet, an ordinal or a dash (■ 院长 张三) */
	bool spaced;         /* all hold a space (院长  张三) */
	size_t head_max;     /* bytes before the first paragraph, at most (run-in) */
};

/* Layouts whose names the pattern may judge by form. Bold's marks carry
 * its names already; reported is narrative, never a pattern. */
static bool learnable(enum speech_layout k)
{
	return k != LAYOUT_BOLD && k != LAYOUT_REPORTED && k < LAYOUT_COUNT;
}

/* A bare line before line i that no recogniser took: a headline (the
 * first line is the page's title). One with a group's ending (企业代表)
 * stands over the first speech of a group, not over every speech, so it
 * teaches no place. */
static bool under_headline(const struct lines *ls, size_t i)
{
	return i > 1 && (ls->v[i - 1].flags & (LF_BARE | LF_GROUP)) == LF_BARE && !ls->v[i - 1].cand;
}

/* A line no active recogniser took and no other part of the page claims. */
static bool open_line(const struct lines *ls, size_t i, unsigned active)
{
	return !(ls->v[i].cand & active) &&
	       !(ls->v[i].flags & (LF_BYLINE | LF_BRACKETED | LF_TRAILER | LF_PREAMBLE));
}

/* Whether line i cannot be a speaker line of layout k, as its flags
 * tell: a speaker line that carries no text (own-line) ends no sentence
 * and has a paragraph after it; one right over a speaker line is that
 * speech's headline, one after a paragraph that ends mid-sentence a pull
 * quote (SPEC 1.2). */
static bool ruled_out(const struct lines *ls, size_t i, enum speech_layout k, unsigned active)
{
	const struct pline *l = &ls->v[i];

	return k == LAYOUT_OWN_LINE &&
	       ((l->flags & LF_COMPLETE) || l->head_len > (uint32_t)OWN_LINE_MAX_BYTES + l->lead ||
		i + 1 >= ls->n || (ls->v[i + 1].flags & LF_BARE) || (ls->v[i + 1].cand & active) ||
		!(ls->v[i - 1].flags & (LF_COMPLETE | LF_BARE | LF_HEADING)));
}

/* Whether layout k's recogniser takes ctx's line at this trust. */
static bool ask_at(struct speaker_context *ctx, enum speech_layout k, enum names_trust trust,
		   struct speaker_line *sl)
{
	ctx->trust = trust;
	return speaker_match(ctx, k, sl);
}

/* Bytes of line i before its first paragraph (all of an own-line line). */
static size_t head_len(const struct lines *ls, size_t i, const struct speaker_line *sl)
{
	struct str line = lines_text(ls, i);

	return sl->text.s && sl->text.len ? (size_t)(sl->text.s - line.s) : line.len;
}

/* What line i's shape shows beyond its recogniser's verdict: a bullet, an
 * ordinal or a dash before what it names. */
static bool line_marked(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	struct str line = lines_text(ls, i);

	return speaker_unmarked(lex, line).s != line.s ||
	       (line.len >= 3 && (memcmp(line.s, "\xE2\x80\x94", 3) == 0 || /* — */
				  memcmp(line.s, "\xE2\x80\x95", 3) == 0)) ||  /* ― */
	       (line.len >= 1 && line.s[0] == '-');
}

/* line_marked for an own-line line, from what its recogniser found (the
 * posts or the name open what it read): no read of the text, which the
 * marking left long ago. */
static bool spans_marked(const struct lines *ls, size_t i, const struct speaker_line *sl)
{
	const char *first = sl->posts.len && sl->posts.s < sl->name.s ? sl->posts.s : sl->name.s;

	return first > lines_text(ls, i).s;
}

/* Whether a space stood between the posts and the name the recogniser
 * found (院长  张三), not nothing (院长张三). */
static bool spans_apart(const struct speaker_line *sl)
{
	return sl->posts.len > 0 &&
	       (sl->name.s > sl->posts.s + sl->posts.len || sl->posts.s > sl->name.s + sl->name.len);
}

/* A space of any kind inside the line (names_space_len's three). */
static bool line_spaced(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	struct str line = speaker_unmarked(lex, lines_text(ls, i));

	return memchr(line.s, ' ', line.len) || memmem(line.s, line.len, "\xE3\x80\x80", 3) ||
	       memmem(line.s, line.len, "\xC2\xA0", 2);
}

/* Whether line i stands where the pattern's lines stand, shaped as they
 * are. The first line is the page's title, whatever its shape. Only a line
 * that is nothing but a name and posts (own-line) must stand under a
 * headline where they do: one that opens its speech's text after a colon
 * has shape enough, and a speech without a headline may follow one with
 * (旷一鸣（青石县个体劳动者协会）：… after the last headed one). */
static bool fits_place(const struct lines *ls, const struct lexicon *lex, const struct pattern *p,
		       size_t i)
{
	return i > 0 &&
	       (!p->under_headline || p->layout != LAYOUT_OWN_LINE || under_headline(ls, i)) &&
	       (!p->marked || line_marked(ls, lex, i)) && (!p->spaced || line_spaced(ls, lex, i));
}

/* The same, and as long as they (a run-in line's head). */
static bool fits(const struct lines *ls, const struct lexicon *lex, const struct pattern *p,
		 size_t i, const struct speaker_line *sl)
{
	return fits_place(ls, lex, p, i) &&
	       (p->layout != LAYOUT_RUN_IN || head_len(ls, i, sl) <= p->head_max + HEAD_SLACK_BYTES);
}

/* What the lines a range of them holds of layout k teach (learn). */
struct teaching {
	const struct lines *ls;
	const struct lexicon *lex;
	enum speech_layout k;
	size_t range_len;
	struct lesson {
		size_t taught, headed, marked, spaced, head_max;
	} lessons[PATTERN_RANGES];
};

static void learn_range(void *arg, size_t r)
{
	struct teaching *t = arg;
	struct lesson *l = &t->lessons[r];
	size_t to = MIN((r + 1) * t->range_len, t->ls->n), cursor = 0;
	struct speaker_line sl;

	for (size_t i = r * t->range_len; i < to; i++) {
		if (!(t->ls->v[i].cand >> t->k & 1))
			continue;
		l->taught++;
		l->headed += under_headline(t->ls, i);
		lines_speaker_from(t->ls, t->lex, i, t->k, &cursor, &sl);
		l->marked += t->k == LAYOUT_OWN_LINE ? spans_marked(t->ls, i, &sl)
						     : line_marked(t->ls, t->lex, i);
		l->spaced += t->k == LAYOUT_OWN_LINE && spans_apart(&sl);
		l->head_max = MAX(l->head_max, head_len(t->ls, i, &sl));
	}
}

/* How many ranges a fork-join over the lines cuts them in. */
static size_t ranges_of(const struct lines *ls)
{
	return ls->n >= RANGE_MIN_LINES ? PATTERN_RANGES : 1;
}

/* The pattern of layout k's lines the lists vouched for; false: none. */
static bool learn(const struct lines *ls, const struct lexicon *lex, enum speech_layout k,
		  struct pattern *p)
{
	struct teaching *t = xcalloc(1, sizeof(*t));
	size_t ranges = ranges_of(ls);
	struct lesson all = {0};

	*t = (struct teaching){.ls = ls, .lex = lex, .k = k, .range_len = (ls->n + ranges - 1) / ranges};
	forkjoin(ranges, learn_range, t);
	for (size_t r = 0; r < ranges; r++) {
		all.taught += t->lessons[r].taught;
		all.headed += t->lessons[r].headed;
		all.marked += t->lessons[r].marked;
		all.spaced += t->lessons[r].spaced;
		all.head_max = MAX(all.head_max, t->lessons[r].head_max);
	}
	free(t);
	*p = (struct pattern){.layout = k, .head_max = all.head_max};
	p->under_headline = all.taught > 0 && all.headed * 4 >= all.taught * 3;
	p->marked = all.taught > 0 && all.marked == all.taught;
	p->spaced = all.taught > 0 && all.spaced == all.taught;
	return all.taught > 0;
}

/*
 * Whether an own-line line of form may teach a page the lists vouch for
 * nowhere: one with posts (a name alone by form is any heading of two or
 * three characters: 强基层 under 守正创新), under a headline or apart from
 * its name (笃豪 林草局巡河员), for a short bare line alone is too common
 * (专家学者 reads as posts and a name run together).
 */
static bool own_line_teaches(const struct lines *ls, size_t i, const struct speaker_line *sl)
{
	return sl->posts.len > 0 && (under_headline(ls, i) || spans_apart(sl));
}

/*
 * A page the lists vouch for nowhere: the layout whose lines of form
 * repeat most teaches the pattern.
 */
static bool learn_by_form(struct lines *ls, const struct lexicon *lex, struct pattern *p)
{
	size_t counts[LAYOUT_COUNT] = {0}, headed[LAYOUT_COUNT] = {0}, spaced = 0;
	size_t best = LAYOUT_NONE, i, k;
	struct speaker_line sl;

	*p = (struct pattern){.layout = LAYOUT_NONE};
	for (i = 0; i < ls->n; i++) {
		if (!open_line(ls, i, 0))
			continue;
		struct speaker_context ctx = lines_context(ls, lex, i);
		for (k = 0; k < LAYOUT_COUNT; k++)
			if (learnable((enum speech_layout)k) &&
			    ask_at(&ctx, (enum speech_layout)k, NAMES_FORM, &sl) &&
			    (k != LAYOUT_OWN_LINE || own_line_teaches(ls, i, &sl))) {
				counts[k]++;
				headed[k] += under_headline(ls, i);
				spaced += k == LAYOUT_OWN_LINE && spans_apart(&sl);
				p->head_max = MAX(p->head_max, head_len(ls, i, &sl));
			}
	}
	for (k = 0; k < LAYOUT_COUNT; k++)
		if (counts[k] >= PATTERN_MIN_LINES &&
		    (best == LAYOUT_NONE || counts[k] > counts[best] ||
		     (counts[k] == counts[best] &&
		      speaker_layout_rank((enum speech_layout)k) < speaker_layout_rank((enum speech_layout)best))))
			best = k;
	if (best == LAYOUT_NONE)
		return false;
	p->layout = (enum speech_layout)best;
	p->under_headline = headed[best] * 4 >= counts[best] * 3;
	/* lines not under headlines taught it by their space: the others need one too */
	p->spaced = best == LAYOUT_OWN_LINE && !p->under_headline && spaced == counts[best];
	return true;
}

/* Whether the character before at in s is the one at at (信息司|司长). */
static bool repeats(struct str s, size_t at)
{
	size_t before;

	if (at == 0)
		return false;
	before = text_prev(s.s, at);
	return at + (at - before) <= s.len && memcmp(s.s + before, s.s + at, at - before) == 0;
}

/* The role a post ends in, as a list would hold it: the last two
 * characters where the organisation ends in the role's first (信息司|司长,
 * 合作社|社员); else what follows the shortest head that ends in an
 * organisation suffix (上海京剧院|艺术总监), two characters at least, less a
 * 原 or 前; else its last two characters. */
static struct str role_of(const struct lexicon *lex, struct str post)
{
	size_t cut = post.len, chars = 0, two = 0;
	struct str role, prefix;

	while (cut > 0 && chars < ROLE_MAX_CHARS) {
		cut = text_prev(post.s, cut);
		if (++chars == 2 && repeats(post, (two = cut)))
			break;
		if (chars >= 2 && cut > 0 &&
		    wordlist_suffix_of(&lex->org_suffix, (struct str){post.s, cut}).s)
			break;
	}
	if (cut == 0 || chars >= ROLE_MAX_CHARS)
		cut = two;
	role = (struct str){post.s + cut, post.len - cut};
	if ((prefix = wordlist_prefix_of(&lex->role_prefix, role)).s && prefix.len < role.len)
		role = (struct str){role.s + prefix.len, role.len - prefix.len};
	return role;
}

static void report(struct decode_findings *found, enum diag_id id, const struct pline *l,
		   enum speech_layout k, struct str arg)
{
	*VEC_PUSH(found) = (struct diag){.id = id, .line = l->no, .arg = arg,
					 .tag = speaker_layout_name(k)};
}

/* A line taken by the pattern: each word no list holds. */
static void report_taken(const struct lexicon *lex, struct decode_findings *found,
			 const struct pline *l, enum speech_layout k, const struct speaker_line *sl)
{
	if (!names_is_person(lex, sl->name))
		report(found, wordlist_prefix_of(&lex->surname, sl->name).s ? DIAG_PATTERN_NAME
									   : DIAG_PATTERN_SURNAME,
		       l, k, sl->name);
	if (sl->posts.len && !names_is_posts(lex, sl->posts))
		report(found, DIAG_PATTERN_ROLE, l, k, role_of(lex, names_last_post(sl->posts)));
}

/* A line of the pattern's shape and place that was left as text. */
static void report_near(const struct lines *ls, const struct lexicon *lex,
			struct decode_findings *found, size_t i, enum speech_layout k,
			const struct speaker_line *sl)
{
	if (sl->posts.len && names_is_person_at(lex, sl->name, NAMES_FORM) &&
	    !names_is_posts_at(lex, sl->posts, NAMES_FORM))
		report(found, DIAG_NEAR_ROLE, &ls->v[i], k, role_of(lex, names_last_post(sl->posts)));
	else
		report(found, DIAG_NEAR_NAME, &ls->v[i], k,
		       (struct str){lines_text(ls, i).s, head_len(ls, i, sl)});
}

/* What the pattern decided about one line: take it, or report a finding
 * on it (d.id DIAG_COUNT: none). */
struct verdict {
	size_t line;
	bool take;
	struct diag d;
};

typedef VEC(struct verdict) verdict_list;

/* A fork-join over ranges of the lines: each decides its own lines from
 * the recognisers' marks alone (a line the pattern takes changes no
 * verdict), into a list of its own; the verdicts are applied after. */
struct deciding {
	const struct lines *ls;
	const struct lexicon *lex;
	const struct pattern *p;
	unsigned active;
	size_t range_len;
	verdict_list verdicts[PATTERN_RANGES];
};

/* The verdict on line i: taken or not, and each finding on it. */
static void add_verdict(verdict_list *out, size_t i, bool take, struct decode_findings *found)
{
	*VEC_PUSH(out) = (struct verdict){.line = i, .take = take, .d = {.id = DIAG_COUNT}};
	for (size_t k = 0; k < found->n; k++)
		*VEC_PUSH(out) = (struct verdict){.line = i, .d = found->v[k]};
	free(found->v);
}

/* One line's verdict, if any. */
static void decide_line(struct deciding *dc, size_t i, verdict_list *out)
{
	const struct lines *ls = dc->ls;
	const struct pattern *p = dc->p;
	struct decode_findings found = {0};
	struct speaker_line sl;

	if (!open_line(ls, i, dc->active) || ruled_out(ls, i, p->layout, dc->active))
		return;
	/* the line and its neighbours once, for both questions */
	struct speaker_context ctx = lines_context(ls, dc->lex, i);
	if (ask_at(&ctx, p->layout, NAMES_FORM, &sl)) {
		if (!fits(ls, dc->lex, p, i, &sl)) {
			report(&found, DIAG_NEAR_PLACE, &ls->v[i], p->layout, STR_NULL);
			add_verdict(out, i, false, &found);
			return;
		}
		report_taken(dc->lex, &found, &ls->v[i], p->layout, &sl);
		add_verdict(out, i, true, &found);
	} else if (fits_place(ls, dc->lex, p, i) && ask_at(&ctx, p->layout, NAMES_SHAPE, &sl) &&
		   fits(ls, dc->lex, p, i, &sl)) {
		report_near(ls, dc->lex, &found, i, p->layout, &sl);
		add_verdict(out, i, false, &found);
	}
}

static void decide_range(void *arg, size_t k)
{
	struct deciding *dc = arg;
	size_t from = MAX(k * dc->range_len, (size_t)1), to = MIN((k + 1) * dc->range_len, dc->ls->n);

	for (size_t i = from; i < to; i++)
		decide_line(dc, i, &dc->verdicts[k]);
}

/* Takes the lines the verdicts take and adds their findings, in order. */
static void apply_verdicts(struct lines *ls, struct deciding *dc, size_t ranges,
			   struct layout_choice *choice, struct decode_findings *found)
{
	for (size_t k = 0; k < ranges; k++) {
		verdict_list *list = &dc->verdicts[k];
		for (size_t j = 0; j < list->n; j++) {
			const struct verdict *v = &list->v[j];
			if (v->take) {
				ls->v[v->line].cand |= (uint8_t)(1u << dc->p->layout);
				*VEC_PUSH(&ls->by_pattern) = (uint32_t)v->line;
				choice->counts[dc->p->layout]++;
			}
			if (v->d.id != DIAG_COUNT)
				*VEC_PUSH(found) = v->d;
		}
		free(list->v);
	}
}

static int by_line(const void *a, const void *b)
{
	const struct shaped *x = a, *y = b;

	return x->line != y->line ? (x->line > y->line) - (x->line < y->line)
				  : (x->layout > y->layout) - (x->layout < y->layout);
}

static int by_number(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Takes line i for layout k, by the page's pattern, naming what no list holds. */
static void take(struct lines *ls, const struct lexicon *lex, struct layout_choice *choice,
		 struct decode_findings *found, size_t i, enum speech_layout k,
		 const struct speaker_line *sl)
{
	ls->v[i].cand |= (uint8_t)(1u << k);
	*VEC_PUSH(&ls->by_pattern) = (uint32_t)i;
	choice->counts[k]++;
	report_taken(lex, found, &ls->v[i], k, sl);
}

/* Whether layout k may join the page's: a layout whose speaker line follows
 * its speech (attribution) mixes with none that opens one (lines.c). */
static bool mixes(const struct layout_choice *choice, enum speech_layout k)
{
	return speaker_layout_closes(k) == speaker_layout_closes(choice->primary);
}

/*
 * The lines a marked layout's shape took where its lists did not (the
 * marking's shaped list), but the pattern's own: each is asked again with
 * names and posts by their form. A layout already on the page, or one whose
 * lines of form repeat, takes those that pass (a congress page's unlisted
 * delegates beside a listed guest); the rest are near misses, named, for a
 * speech left in the one before is never silent (SPEC 1.5). skip: the
 * pattern's layout, whose lines it decided (LAYOUT_NONE: none).
 */
static void judge_shaped(struct lines *ls, const struct lexicon *lex, struct layout_choice *choice,
			 struct decode_findings *found, enum speech_layout skip)
{
	shaped_list *sh = &ls->shaped;
	size_t counts[LAYOUT_COUNT] = {0}, j;
	unsigned joins = 0, before = choice->active;
	struct speaker_line sl;
	bool *form;

	if (sh->n == 0)
		return;
	qsort(sh->v, sh->n, sizeof(*sh->v), by_line);
	form = xcalloc(sh->n, sizeof(*form));
	for (j = 0; j < sh->n; j++) {
		size_t i = sh->v[j].line;
		enum speech_layout k = (enum speech_layout)sh->v[j].layout;
		if (k == skip || !open_line(ls, i, before))
			continue;
		struct speaker_context ctx = lines_context(ls, lex, i);
		counts[k] += form[j] = ask_at(&ctx, k, NAMES_FORM, &sl);
	}
	for (size_t k = 0; k < LAYOUT_COUNT; k++)
		if (counts[k] && (choice->forced != LAYOUT_NONE
					  ? k == choice->forced
					  : (before >> k & 1) || (counts[k] >= PATTERN_MIN_LINES &&
								 mixes(choice, (enum speech_layout)k))))
			joins |= 1u << k;
	choice->active |= joins;
	for (j = 0; j < sh->n; j++) { /* the takes first: a line taken is no near miss */
		size_t i = sh->v[j].line;
		enum speech_layout k = (enum speech_layout)sh->v[j].layout;
		if (!form[j] || !(joins >> k & 1) || !open_line(ls, i, before | joins))
			continue;
		struct speaker_context ctx = lines_context(ls, lex, i);
		if (ask_at(&ctx, k, NAMES_FORM, &sl))
			take(ls, lex, choice, found, i, k, &sl);
	}
	for (j = 0; j < sh->n; j++) {
		size_t i = sh->v[j].line;
		enum speech_layout k = (enum speech_layout)sh->v[j].layout;
		if (k == skip || !open_line(ls, i, before | joins))
			continue;
		struct speaker_context ctx = lines_context(ls, lex, i);
		if (form[j] && choice->forced == LAYOUT_NONE) /* forced, other layouts are text */
			report(found, counts[k] >= PATTERN_MIN_LINES ? DIAG_NEAR_MIX : DIAG_NEAR_ALONE,
			       &ls->v[i], k, STR_NULL);
		else if (!form[j] && ask_at(&ctx, k, NAMES_SHAPE, &sl))
			report_near(ls, lex, found, i, k, &sl);
	}
	free(form);
	if (ls->by_pattern.n > 1) /* qsort of no array is undefined */
		qsort(ls->by_pattern.v, ls->by_pattern.n, sizeof(*ls->by_pattern.v), by_number);
}

/*
 * A marked layout whose lines of shape, read by form, with those its lists
 * took, outnumber the chosen layout's explains the page better: a page of
 * unlisted speakers in brackets (禤耀良（农业部市场信息司司长）：…) under
 * group headers the lists read as names (政府官员, 专家学者). The marked
 * layouts already on the page that mix with it stay. Where its lists took
 * none of its lines, its lines of form teach p its pattern (as
 * learn_by_form would, without asking every line again); returns whether.
 */
static bool prefer_shaped(const struct lines *ls, const struct lexicon *lex,
			  struct layout_choice *choice, struct pattern *p)
{
	size_t form[LAYOUT_COUNT] = {0}, headed[LAYOUT_COUNT] = {0}, best = choice->primary, k;
	struct speaker_line sl;

	if (choice->forced != LAYOUT_NONE)
		return false;
	for (size_t j = 0; j < ls->shaped.n; j++) {
		size_t i = ls->shaped.v[j].line;
		struct speaker_context ctx = lines_context(ls, lex, i);
		k = ls->shaped.v[j].layout;
		if (ask_at(&ctx, (enum speech_layout)k, NAMES_FORM, &sl)) {
			form[k]++;
			headed[k] += under_headline(ls, i);
		}
	}
	for (k = 0; k < LAYOUT_COUNT; k++)
		if (form[k] >= PATTERN_MIN_LINES &&
		    choice->counts[k] + form[k] > choice->counts[best] + form[best])
			best = k;
	if (best == choice->primary)
		return false;
	choice->primary = (enum speech_layout)best;
	for (k = 0; k < LAYOUT_COUNT; k++)
		if (!speaker_layout_marked((enum speech_layout)k) || !mixes(choice, (enum speech_layout)k))
			choice->active &= ~(1u << k);
	choice->active |= 1u << best;
	*p = (struct pattern){.layout = (enum speech_layout)best,
			      .under_headline = headed[best] * 4 >= form[best] * 3};
	return choice->counts[best] == 0;
}

void pattern_apply(struct lines *ls, const struct lexicon *lex, struct layout_choice *choice,
		   struct decode_findings *found)
{
	struct pattern p;
	bool learnt;

	attendees_drop(ls, lex, choice);
	if (prefer_shaped(ls, lex, choice, &p))
		learnt = true; /* taught by its lines of shape */
	else if (choice->forced != LAYOUT_NONE)
		learnt = learnable(choice->forced) && learn(ls, lex, choice->forced, &p);
	else if (choice->counts[choice->primary] > 0 && choice->primary != LAYOUT_REPORTED)
		learnt = learnable(choice->primary) && learn(ls, lex, choice->primary, &p);
	else if ((learnt = learn_by_form(ls, lex, &p))) {
		/* the layout no line of its own explained gives way; one with
		 * lines (a listed guest's, where prefer_shaped chose) stays */
		choice->active = (choice->active & ~(1u << choice->primary)) | 1u << p.layout;
		choice->primary = p.layout;
	}
	if (!learnt) {
		judge_shaped(ls, lex, choice, found, LAYOUT_NONE);
		return;
	}
	struct deciding *dc = xcalloc(1, sizeof(*dc));
	size_t ranges = ranges_of(ls);
	*dc = (struct deciding){.ls = ls, .lex = lex, .p = &p, .active = choice->active,
				.range_len = (ls->n + ranges - 1) / ranges};
	forkjoin(ranges, decide_range, dc);
	apply_verdicts(ls, dc, ranges, choice, found);
	free(dc);
	judge_shaped(ls, lex, choice, found, p.layout);
}
