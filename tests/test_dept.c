/* Post → department / unit / role (SPEC 1.3), including the seed's table. */
#include "tap.h"

#include "dept.h"
#include "util.h"

static struct lexicon *lex;

static void check(const char *post, const char *dept, const char *unit, const char *role)
{
	struct post_split sp;
	char got[256];

	dept_split_post(lex, str_from(post), &sp);
	snprintf(got, sizeof(got), "%.*s|%.*s|%.*s", sp.dept.s ? (int)sp.dept.len : 1,
		 sp.dept.s ? sp.dept.s : "-", sp.unit.s ? (int)sp.unit.len : 1,
		 sp.unit.s ? sp.unit.s : "-", (int)sp.role.len, sp.role.s);
	char want[256];
	snprintf(want, sizeof(want), "%s|%s|%s", dept ? dept : "-", unit ? unit : "-", role);
	is_str(got, want, "%s", post);
}

int main(void)
{
	tap_setup();
	lex = lexicon_builtin();
	/* The seed's posts (SPEC 1.3 table). A "-" department is inherited. */
	check("市委组织部副部长", "市委组织部", NULL, "副部长");
	check("市人社局局长", "市人社局", NULL, "局长");
	check("市经信局党组书记", "市经信局", "党组", "书记");
	check("局长", NULL, NULL, "局长");
	check("安庆经开区党工委委员", "安庆经开区", "党工委", "委员");
	check("管委会副主任", NULL, "管委会", "副主任");
	check("市筑梦新区党委委员", "市筑梦新区", "党委", "委员");
	check("市数据资源管理局副局长", "市数据资源管理局", NULL, "副局长");
	check("市市场监管局副局长", "市市场监管局", NULL, "副局长");
	check("宜秀区副区长", "宜秀区", NULL, "副区长");
	check("市劳动保障监察支队队长", "市劳动保障监察支队", NULL, "队长");
	check("市住建局保障办主任", "市住建局", "保障办", "主任");
	check("市科技成果转化中心负责人", "市科技成果转化中心", NULL, "负责人");
	check("迎江区科技局副局长", "迎江区", "科技局", "副局长");
	check("安庆经开区经发局副局长", "安庆经开区", "经发局", "副局长");
	check("安庆经开区招商三局副局长", "安庆经开区", "招商三局", "副局长");
	/* Beyond the seed. */
	check("区委宣传部部长", "区委宣传部", NULL, "部长");
	check("市委副书记", "市委", NULL, "副书记");
	check("县发改委主任", "县发改委", NULL, "主任");
	/* Real organisations (SPEC 1.3, 1.5): words inside words, committees as prefixes. */
	check("市住房和城乡建设局副局长", "市住房和城乡建设局", NULL, "副局长");
	check("市城乡规划局局长", "市城乡规划局", NULL, "局长");
	check("县乡村振兴局局长", "县乡村振兴局", NULL, "局长");
	check("中共安庆市委宣传部副部长", "中共安庆市委宣传部", NULL, "副部长");
	check("市政府副秘书长", "市政府", NULL, "副秘书长");
	check("人民路街道办事处主任", "人民路街道办事处", NULL, "主任");
	check("市人力资源和社会保障局局长", "市人力资源和社会保障局", NULL, "局长");
	check("市发展和改革委员会副主任", "市发展和改革委员会", NULL, "副主任");
	check("省农业农村厅二级巡视员", "省农业农村厅", NULL, "二级巡视员");
	check("市中级人民法院副院长", "市中级人民法院", NULL, "副院长");
	check("市公安局交警支队副支队长", "市公安局", "交警支队", "副支队长");
	check("市社会科学界联合会主席", "市社会科学界联合会", NULL, "主席");
	check("市总工会副主席", "市总工会", NULL, "副主席");
	check("团市委书记", "团市委", NULL, "书记");
	check("市妇联主席", "市妇联", NULL, "主席");
	check("区卫生健康委员会党委书记", "区卫生健康委员会", "党委", "书记");
	check("市委组织部副部长", "市委组织部", NULL, "副部长");
	check("宜秀区副区长", "宜秀区", NULL, "副区长");
	check("迎江区科技局副局长", "迎江区", "科技局", "副局长");
	check("市住建局保障办主任", "市住建局", "保障办", "主任");
	check("某某公司总经理", "某某公司", NULL, "总经理"); /* a company is a department */
	check("特邀嘉宾", NULL, NULL, "特邀嘉宾");
	/* Provinces: a province with more organisation after it is a prefix of
	 * the department, as 中共X市委 is; alone it is the department. */
	check("湖北省省长", "湖北省", NULL, "省长");
	check("湖北省发展改革委主任", "湖北省发展改革委", NULL, "主任");
	check("湖北省委书记", "湖北省委", NULL, "书记");
	check("湖北省委组织部副部长", "湖北省委组织部", NULL, "副部长");
	check("中共湖北省委宣传部部长", "中共湖北省委宣传部", NULL, "部长");
	check("甘肃省人大常委会副主任", "甘肃省人大常委会", NULL, "副主任");
	check("浙江省安吉县余村村党支部书记", "浙江省安吉县", "余村村党支部", "书记");
	/* An organisation's other name in brackets goes with it; a bracket's
	 * inside is no boundary. */
	check("中央党校（国家行政学院）副校长", "中央党校（国家行政学院）", NULL, "副校长");
	check("市委（市政府）办公室主任", "市委（市政府）办公室", NULL, "主任");
	/* A city alone is its department; 市 inside a word ends none. */
	check("北京市市长", "北京市", NULL, "市长");
	check("市城市管理局局长", "市城市管理局", NULL, "局长");
	check("城市管理局局长", "城市管理局", NULL, "局长");
	check("北京市海淀区区长", "北京市海淀区", NULL, "区长");
	check("市委办主任", "市委办", NULL, "主任");
	check("市广播电视台台长", "市广播电视台", NULL, "台长");
	/* In Traditional characters, through the lists' Traditional forms. */
	check("福建省臺辦主任", "福建省臺辦", NULL, "主任");
	check("市經信局黨組書記", "市經信局", "黨組", "書記");
	check("台灣大學政治學系教授", "台灣大學", "政治學系", "教授");
	lexicon_free(lex);
	return done_testing();
}
