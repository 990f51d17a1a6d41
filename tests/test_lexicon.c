/* The word lists load from data, sorted for longest match. */
#include "tap.h"

#include "lexicon.h"
#include "names.h"
#include "util.h"

/* One split of s: "POSTS|NAME", or "-" where none. */
static void splits_as(const struct lexicon *lex, const char *s, enum names_trust t, const char *want)
{
	struct str posts, name;
	char got[256] = "-";

	if (names_split_at(lex, str_from(s), true, t, &posts, &name))
		snprintf(got, sizeof(got), "%.*s|%.*s", (int)posts.len, posts.s, (int)name.len, name.s);
	ok(strcmp(got, want) == 0, "%s splits as %s (got %s)", s, want, got);
}

/* Where a split cuts: at the last space, the first, inside a padded name,
 * at a name's dot; by the lists and by form (names.c scans once for all). */
static void test_splits(void)
{
	struct lexicon *lex = lexicon_builtin();

	splits_as(lex, "市人社局局长  聂立新", NAMES_LISTED, "市人社局局长|聂立新");
	splits_as(lex, "市人社局局长聂立新", NAMES_LISTED, "市人社局局长|聂立新");
	splits_as(lex, "聂立新　市人社局局长", NAMES_LISTED, "市人社局局长|聂立新");
	splits_as(lex, "市人社局局长 王　强", NAMES_LISTED, "市人社局局长|王　强");
	splits_as(lex, "市政协委员 阿米娜·吐尔洪", NAMES_LISTED, "市政协委员|阿米娜·吐尔洪");
	splits_as(lex, "市政协委员阿米娜·吐尔洪", NAMES_LISTED, "市政协委员|阿米娜·吐尔洪");
	splits_as(lex, "聂立新　市委常委　市人社局局长", NAMES_LISTED, "市委常委　市人社局局长|聂立新");
	splits_as(lex, "聂立新", NAMES_LISTED, "|聂立新");
	splits_as(lex, "市委 组织部副部长聂立新", NAMES_LISTED, "-");
	splits_as(lex, "这些园区高度重视科技孵化，他们在服务企业", NAMES_LISTED, "-");
	splits_as(lex, "艺术总监 皋立新", NAMES_FORM, "艺术总监|皋立新");
	splits_as(lex, "市林草局巡河员 邗　思", NAMES_FORM, "市林草局巡河员|邗　思");
	/* a name alone by form: two or three characters, four with a listed surname */
	splits_as(lex, "禤丽华", NAMES_FORM, "|禤丽华");
	splits_as(lex, "欧阳振华", NAMES_FORM, "|欧阳振华");
	splits_as(lex, "久久为功", NAMES_FORM, "-");
	splits_as(lex, "扎根基层 争当带头人", NAMES_FORM, "-");
	splits_as(lex, "争当带头人 扎根基层", NAMES_FORM, "-");
	/* roles of rural and service pages: by form (户 手 警), or listed */
	splits_as(lex, "某县种粮大户 邗思", NAMES_FORM, "某县种粮大户|邗思");
	splits_as(lex, "某厂技术能手眭朗", NAMES_FORM, "某厂技术能手|眭朗");
	splits_as(lex, "某公司法律顾问 张立群", NAMES_LISTED, "某公司法律顾问|张立群");
	/* 任 is a surname, but here it ends the listed role 主任 */
	splits_as(lex, "市发展改革委主任禤丽华", NAMES_FORM, "市发展改革委主任|禤丽华");
	splits_as(lex, "街道办主任任丽", NAMES_FORM, "街道办主任|任丽");
	/* an unlisted role before a dot name ends the posts, listed or not */
	splits_as(lex, "县水务局巡河员热合曼·艾力", NAMES_FORM, "县水务局巡河员|热合曼·艾力");
	splits_as(lex, "县水务局巡河员热合曼·艾力", NAMES_LISTED, "-");
	splits_as(lex, "市委常委，常务副市长 张立群", NAMES_LISTED, "市委常委，常务副市长|张立群");
	splits_as(lex, "我们怎么干？要在三个方面努力张立群", NAMES_LISTED, "-");
	splits_as(lex, "我们怎么干？要在三个方面努力张立群", NAMES_SHAPE, "-");
	lexicon_free(lex);
}

int main(void)
{
	struct lexicon *lex;
	size_t bad = 0;
	const char *src;

	src = "# comment\n[role]\n长\n副部长\n部长\n[complete-end] (chars)\n。 !\n"
	      "[outline]\n一是 二是\n第一 第二 第三\n";

	tap_setup();
	lex = lexicon_new(src, strlen(src), &bad);
	ok(lex != NULL, "a small lexicon parses");
	is_num(lex->role.n, 3, "three roles");
	is_num(lex->role.v[0].len, strlen("副部长"), "longest role first");
	is_num(lex->complete_end.n, 2, "character set without the space");
	ok(charset_has(&lex->complete_end, 0x3002), "。 is a member");
	ok(!charset_has(&lex->complete_end, ' '), "space is not");
	is_num(lex->outline_count, 2, "two outline series");
	is_num(lex->outline[1].count, 3, "three markers in the second");
	ok(str_eqs(wordlist_suffix_of(&lex->role, str_from("市委组织部副部长")), "副部长"),
	   "longest suffix match");
	ok(!wordlist_prefix_of(&lex->role, str_from("书记")).s, "no match");
	{
		uint32_t uc = 0;
		struct str s = str_from("部长说!好。");
		is_num(charset_find(&lex->complete_end, s, 0, &uc), strlen("部长说"),
		       "charset_find: the first member (ASCII)");
		is_num(uc, '!', "and its code point");
		is_num(charset_find(&lex->complete_end, s, strlen("部长说!"), &uc), strlen("部长说!好"),
		       "from further on: the next (。, a lead byte Han text shares)");
		is_num(uc, 0x3002, "and its code point");
		s = str_from("部长说，好");
		is_num(charset_find(&lex->complete_end, s, 0, &uc), s.len, "none: the length");
		is_num(charset_find(&lex->closing, s, 0, &uc), s.len,
		       "an empty set finds nothing");
	}
	lexicon_free(lex);

	/* More words end in 长 than a bucket should hold: they are bucketed by
	 * their last two characters, 长 alone by its one. */
	src = "[role]\n长 局长 副局长 常务副局长 部长 副部长 县长 副县长 市长 副市长 处长 副处长\n"
	      "[surname]\n王 欧阳 欧 司马 李 张 赵 钱 孙 周 吴 郑 冯 陈\n";
	lex = lexicon_new(src, strlen(src), &bad);
	ok(lex->role.last_two, "a last character shared by twelve words: buckets by two");
	ok(str_eqs(wordlist_suffix_of(&lex->role, str_from("市财政局常务副局长")), "常务副局长"),
	   "by two: the longest suffix");
	ok(str_eqs(wordlist_suffix_of(&lex->role, str_from("市财政局局长")), "局长"), "a shorter one");
	ok(str_eqs(wordlist_suffix_of(&lex->role, str_from("组长")), "长"),
	   "no word of two matches: the word of one");
	ok(str_eqs(wordlist_suffix_of(&lex->role, str_from("长")), "长"), "a text of one character");
	ok(!wordlist_suffix_of(&lex->role, str_from("主任")).s, "none");
	ok(!lex->surname.first_two, "surnames: few share a first character, bucketed by one");
	ok(str_eqs(wordlist_prefix_of(&lex->surname, str_from("欧阳振华")), "欧阳"),
	   "the compound surname before the single");
	ok(str_eqs(wordlist_prefix_of(&lex->surname, str_from("欧明")), "欧"), "the single");
	ok(wordlist_may_start(&lex->surname, 0x6B27) && !wordlist_may_start(&lex->surname, 0x4E3B),
	   "may start: 欧 yes, 主 no");
	lexicon_free(lex);

	lex = lexicon_new("entry before any section\n", 24, &bad);
	ok(lex == NULL && bad == 1, "an entry outside a section is an error at its line");
	lex = lexicon_new("[role]\n[nonsense]\nx\n", 19, &bad);
	ok(lex == NULL && bad == 2, "an unknown section is an error at its line");

	lex = lexicon_builtin();
	ok(lex->byline.n > 0 && lex->role.n > 0 && lex->dept_suffix.n > 0 && lex->outline_count > 0,
	   "the bundled lexicon has every list");
	ok(charset_has(&lex->no_line_start, 0x00B7), "· may not start a line");
	lexicon_free(lex);
	test_splits();
	return done_testing();
}
