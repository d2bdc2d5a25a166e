#include "demo/demonames.h"

namespace cockpit::demo::names {

namespace {
constexpr const char *kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史"};
// The most common surnames are more frequent: the first 10 are drawn twice as often.
constexpr const char *kGiven[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "英", "华", "玉", "萍", "红", "鹏", "飞", "宇", "浩", "凯", "辉",
    "晨", "欣", "怡", "婷", "雪", "琳", "晶", "颖", "博", "文", "斌", "宁", "思", "雨", "佳", "嘉",
    "子", "涵", "轩", "睿", "航", "昊", "俊", "峰", "志", "建", "国", "海", "波", "林", "立", "新",
    "春", "晓", "丹", "倩", "悦", "瑶", "璐", "蕾", "振", "家", "鑫", "彤"};
constexpr const char *kBrandChars[] = {
    "恒", "瑞", "华", "信", "中", "创", "天", "成", "金", "达", "宏", "远", "鑫", "盛", "博", "丰",
    "永", "泰", "新", "东", "方", "汇", "通", "安", "嘉", "禾", "润", "世", "卓", "越", "航", "德",
    "利", "隆", "兴", "昌", "源", "康", "明", "辉", "正", "诚", "精", "锐", "峰", "海", "宇", "星",
    "智", "联", "众", "力", "科", "凯", "合", "和", "广", "佳", "益", "元"};
// Industry words, several per industry (same order as kIndustries).
constexpr const char *kIndustryWords[][3] = {
    {"精密机械", "智能装备", "机械制造"}, {"汽车零部件", "汽配科技", "车用电子"},
    {"医疗器械", "生物医疗", "医疗科技"}, {"商贸", "连锁超市", "百货"},
    {"教育科技", "培训", "文化教育"},     {"融资租赁", "金融服务", "投资管理"},
    {"物流", "供应链管理", "冷链物流"},   {"新能源", "能源科技", "电力设备"},
    {"软件", "信息技术", "网络科技"},     {"食品", "饮品", "乳业"},
    {"化工材料", "新材料", "精细化工"},   {"建设工程", "建筑装饰", "工程咨询"}};
constexpr const char *kSuffixes[] = {"有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司"};

struct TextDef { const char *kind; char dir; const char *texts[3]; };
constexpr TextDef kTexts[] = {
    {"call", 's', {"电话跟进需求进展", "确认下次拜访时间", "电话介绍产品方案"}},
    {"call", 'c', {"客户来电询问报价细节", "客户回电确认会议", "客户来电反馈内部评估"}},
    {"wechat", 's', {"微信发送产品资料", "微信跟进试用情况", "微信确认需求清单"}},
    {"wechat", 'c', {"客户微信回复：资料已收到", "客户微信询问交付周期", "客户微信确认时间"}},
    {"email", 's', {"邮件发送方案初稿", "邮件发送会议纪要", "邮件发送案例材料"}},
    {"email", 'c', {"客户邮件回复修改意见", "客户邮件确认需求范围", "客户邮件询问价格"}},
    {"meeting", 's', {"需求沟通会", "方案评审会", "商务谈判会"}},
    {"visit", 's', {"上门拜访客户", "拜访客户IT负责人", "陪同客户参观案例"}},
    {"demo", 's', {"现场产品演示", "线上方案演示", "POC演示"}},
    {"quote", 's', {"发送正式报价", "调整报价", "发送阶梯报价"}},
    {"doc_opened", 'c', {"客户打开了报价单", "客户打开了方案文档", "客户查看了案例材料"}},
    {"review_note", 's', {"15秒复盘：客户关注价格", "15秒复盘：需见决策人", "15秒复盘：推进顺利"}},
    {"request", 'x', {"申请售前支持", "申请交付评估", "申请技术方案"}},
    {"presales_task", 'x', {"售前完成方案设计", "售前完成POC环境", "售前参与技术交流"}},
    {"delivery_task", 'x', {"交付评估实施周期", "交付启动会", "交付完成上线"}},
};
} // namespace

QByteArray personName(Rng &r)
{
    const int si = r.chance(0.4) ? r.index(10) : r.index(std::size(kSurnames));
    QByteArray n = kSurnames[si];
    n += kGiven[r.index(std::size(kGiven))];
    if (r.chance(0.6))
        n += kGiven[r.index(std::size(kGiven))];
    return n;
}

QByteArray companyName(Rng &r, const QByteArray &city, int industry)
{
    const int a = r.index(std::size(kBrandChars));
    int b = r.index(std::size(kBrandChars) - 1);
    if (b >= a)
        ++b;
    QByteArray n = city;
    n += kBrandChars[a];
    n += kBrandChars[b];
    n += kIndustryWords[industry % kIndustryCount][r.index(3)];
    n += kSuffixes[r.index(std::size(kSuffixes))];
    return n;
}

QByteArray mobilePhone(Rng &r)
{
    static constexpr const char *prefixes[] = {"130", "133", "135", "136", "137", "138", "139", "150",
                                               "151", "152", "158", "159", "176", "177", "180", "181",
                                               "186", "187", "188", "189", "199"};
    QByteArray p = prefixes[r.index(std::size(prefixes))];
    p += ' ';
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            p += ' ';
        p += char('0' + r.range(0, 9));
    }
    return p;
}

const char *activityText(Rng &r, const char *kind, char direction)
{
    for (const TextDef &t : kTexts) {
        if (t.dir == direction && qstrcmp(t.kind, kind) == 0)
            return t.texts[r.index(3)];
    }
    return "";
}

} // namespace cockpit::demo::names
