#include "pattern.h"

#include <string.h>

#include "names.h"
#include "speaker.h"

enum {
	PATTERN_MIN_LINES = 2, /* a pattern is a shape seen again */
	HEAD_SLACK_BYTES = 8 * 3, /* how much longer a run-in head may be than those taught */
	ROLE_MAX_CHARS = 6,       /* the unknown role a finding names */
};

/* What the page's confident speaker lines have in common. */
struct pattern {
	enum speech_layout layout;
	bool under_headline; /* they stand under a bare headline (three in four) */
	bool marked;         /* all open with a bullet or an ordinal (■ 院长 张三) */
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
 * first line is the page's title). */
static bool under_headline(const struct lines *ls, size_t i)
{
	return i > 1 && (ls->v[i - 1].flags & LF_BARE) && !ls->v[i - 1].cand;
}

/* A line no active recogniser took and no other part of the page claims. */
static bool open_line(const struct lines *ls, size_t i, unsigned active)
{
	return !(ls->v[i].cand & active) &&
	       !(ls->v[i].flags & (LF_BYLINE | LF_BRACKETED | LF_TRAILER | LF_PREAMBLE));
}

/* On a page whose speaker lines carry no text (own-line), a line right
 * over a speaker line is that speech's headline, not a speaker line. */
static bool heads_speaker(const struct lines *ls, size_t i, enum speech_layout k, unsigned active)
{
	return k == LAYOUT_OWN_LINE && i + 1 < ls->n && (ls->v[i + 1].cand & active);
}

static bool ask(const struct lines *ls, const struct lexicon *lex, size_t i,
		enum speech_layout k, enum names_trust trust, struct speaker_line *sl)
{
	struct speaker_context ctx = lines_context(ls, lex, i);

	ctx.trust = trust;
	return speaker_match(&ctx, k, sl);
}

/* Bytes of line i before its first paragraph (all of an own-line line). */
static size_t head_len(const struct lines *ls, size_t i, const struct speaker_line *sl)
{
	struct str line = lines_text(ls, i);

	return sl->text.s && sl->text.len ? (size_t)(sl->text.s - line.s) : line.len;
}

/* What line i's shape shows beyond its recogniser's verdict. */
static bool line_marked(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	struct str line = lines_text(ls, i);

	return speaker_unmarked(lex, line).s != line.s;
}

static bool line_spaced(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	struct str line = speaker_unmarked(lex, lines_text(ls, i));

	for (size_t k = 0; k < line.len; k += text_char_len((unsigned char)line.s[k]))
		if (names_space_len(line.s + k, line.len - k))
			return true;
	return false;
}

/* Whether line i stands where the pattern's lines stand, shaped as they
 * are. The first line is the page's title, whatever its shape. */
static bool fits(const struct lines *ls, const struct lexicon *lex, const struct pattern *p,
		 size_t i, const struct speaker_line *sl)
{
	if (i == 0 || (p->under_headline && !under_headline(ls, i)) ||
	    (p->marked && !line_marked(ls, lex, i)) || (p->spaced && !line_spaced(ls, lex, i)))
		return false;
	return p->layout != LAYOUT_RUN_IN || head_len(ls, i, sl) <= p->head_max + HEAD_SLACK_BYTES;
}

/* The pattern of layout k's lines the lists vouched for; false: none. */
static bool learn(struct lines *ls, const struct lexicon *lex, enum speech_layout k,
		  struct pattern *p)
{
	size_t taught = 0, headed = 0, marked = 0, spaced = 0, i;
	struct speaker_line sl;

	*p = (struct pattern){.layout = k};
	for (i = 0; i < ls->n; i++) {
		if (!(ls->v[i].cand >> k & 1))
			continue;
		taught++;
		headed += under_headline(ls, i);
		marked += line_marked(ls, lex, i);
		spaced += line_spaced(ls, lex, i);
		lines_speaker(ls, lex, i, k, &sl);
		p->head_max = MAX(p->head_max, head_len(ls, i, &sl));
	}
	ls->found_at = 0;
	p->under_headline = taught > 0 && headed * 4 >= taught * 3;
	p->marked = taught > 0 && marked == taught;
	p->spaced = taught > 0 && spaced == taught;
	return taught > 0;
}

/*
 * A page the lists vouch for nowhere: the layout whose lines of form
 * repeat most (own-line's under headlines, for a short bare line alone is
 * too common) teaches the pattern.
 */
static bool learn_by_form(struct lines *ls, const struct lexicon *lex, struct pattern *p)
{
	size_t counts[LAYOUT_COUNT] = {0}, headed[LAYOUT_COUNT] = {0}, best = LAYOUT_NONE, i, k;
	struct speaker_line sl;

	*p = (struct pattern){.layout = LAYOUT_NONE};
	for (i = 0; i < ls->n; i++) {
		if (!open_line(ls, i, 0))
			continue;
		for (k = 0; k < LAYOUT_COUNT; k++)
			if (learnable((enum speech_layout)k) &&
			    (k != LAYOUT_OWN_LINE || under_headline(ls, i)) &&
			    ask(ls, lex, i, (enum speech_layout)k, NAMES_FORM, &sl)) {
				counts[k]++;
				headed[k] += under_headline(ls, i);
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
	return true;
}

/* Whether the character before at in s is the one at at (信息司|司长). */
static bool repeats(struct str s, size_t at)
{
	size_t before = text_prev(s.s, at);

	return at > 0 && at + (at - before) <= s.len && memcmp(s.s + before, s.s + at, at - before) == 0;
}

/* The role a post ends in, as a list would hold it: the last two
 * characters where the organisation ends in the role's first (信息司|司长);
 * else what follows the shortest head that ends in an organisation suffix
 * (上海京剧院|艺术总监), less a 原 or 前; else its last two characters. */
static struct str role_of(const struct lexicon *lex, struct str post)
{
	size_t cut = post.len, chars = 0, two = 0;
	struct str role, prefix;

	while (cut > 0 && chars < ROLE_MAX_CHARS) {
		cut = text_prev(post.s, cut);
		if (++chars == 2 && repeats(post, (two = cut)))
			break;
		if (cut > 0 && wordlist_suffix_of(&lex->org_suffix, (struct str){post.s, cut}).s)
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

static void take(struct lines *ls, size_t i, enum speech_layout k, struct layout_choice *choice)
{
	ls->v[i].cand |= (uint8_t)(1u << k);
	*VEC_PUSH(&ls->by_pattern) = (uint32_t)i;
	choice->counts[k]++;
}

/* Whether line i ends in a colon: 出席座谈会的有： opens a list. */
static bool ends_colon(const struct lines *ls, size_t i)
{
	struct str t = lines_text(ls, i);

	return (t.len >= 1 && t.s[t.len - 1] == ':') ||
	       (t.len >= 3 && memcmp(t.s + t.len - 3, "\xEF\xBC\x9A", 3) == 0);
}

/* A line that names a person and nothing else, as a list's items do; by
 * the lists, for a headline over a speaker line has this place too. */
static bool names_one(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	struct str posts, name;

	return (ls->v[i].flags & LF_BARE) &&
	       names_split(lex, speaker_unmarked(lex, lines_text(ls, i)), false, &posts, &name);
}

/*
 * People listed as attending are not speakers (SPEC 1.5): an own-line
 * line after a list's opening (…的有：) or after another line that names
 * one person is the list's last item, whatever follows it.
 */
static void drop_lists(struct lines *ls, const struct lexicon *lex, struct layout_choice *choice)
{
	const uint8_t bit = 1u << LAYOUT_OWN_LINE;

	for (size_t i = 1; i < ls->n; i++)
		if ((ls->v[i].cand & bit) && !ls->v[i - 1].cand &&
		    (ends_colon(ls, i - 1) || names_one(ls, lex, i - 1))) {
			ls->v[i].cand &= (uint8_t)~bit;
			choice->counts[LAYOUT_OWN_LINE]--;
		}
}

void pattern_apply(struct lines *ls, const struct lexicon *lex, struct layout_choice *choice,
		   struct decode_findings *found)
{
	struct pattern p;
	struct speaker_line sl;
	size_t i;
	bool learnt;

	drop_lists(ls, lex, choice);
	if (choice->forced != LAYOUT_NONE)
		learnt = learnable(choice->forced) && learn(ls, lex, choice->forced, &p);
	else if (choice->counts[choice->primary] > 0 && choice->primary != LAYOUT_REPORTED)
		learnt = learnable(choice->primary) && learn(ls, lex, choice->primary, &p);
	else if ((learnt = learn_by_form(ls, lex, &p))) {
		choice->primary = p.layout;
		choice->active = 1u << p.layout;
	}
	if (!learnt)
		return;
	for (i = 1; i < ls->n; i++) {
		if (!open_line(ls, i, choice->active) || heads_speaker(ls, i, p.layout, choice->active))
			continue;
		if (ask(ls, lex, i, p.layout, NAMES_FORM, &sl)) {
			if (!fits(ls, lex, &p, i, &sl)) {
				report(found, DIAG_NEAR_PLACE, &ls->v[i], p.layout, STR_NULL);
				continue;
			}
			take(ls, i, p.layout, choice);
			report_taken(lex, found, &ls->v[i], p.layout, &sl);
		} else if (ask(ls, lex, i, p.layout, NAMES_SHAPE, &sl) && fits(ls, lex, &p, i, &sl)) {
			report_near(ls, lex, found, i, p.layout, &sl);
		}
	}
}
