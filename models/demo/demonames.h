#pragma once
// Name pools and small text generators of the demo company (Simplified Chinese, UTF-8).
#include "demo/demorng.h"

#include <QByteArray>

#include <iterator>

namespace cockpit::demo::names {

struct CityDef { const char *name; double weight; };
struct RegionDef { const char *code; const char *name; CityDef cities[6]; int cityCount; };

// All regions the generator knows, in the order scales take them.
inline constexpr RegionDef kRegions[] = {
    {"EC", "华东", {{"上海", 1.6}, {"杭州", 1.2}, {"苏州", 1.0}, {"南京", 1.0}, {"宁波", 0.8}, {"合肥", 0.8}}, 6},
    {"SW", "西南", {{"成都", 1.1}, {"重庆", 1.0}, {"昆明", 0.7}}, 3},
    {"SC", "华南", {{"广州", 1.3}, {"深圳", 1.4}, {"厦门", 0.8}, {"福州", 0.8}}, 4},
    {"NC", "华北", {{"北京", 1.5}, {"天津", 1.0}, {"济南", 0.8}, {"青岛", 0.8}}, 4},
    {"CC", "华中", {{"武汉", 1.1}, {"长沙", 0.9}, {"郑州", 0.9}, {"南昌", 0.7}}, 4},
    {"NW", "西北", {{"西安", 1.0}, {"兰州", 0.6}, {"银川", 0.5}}, 3},
};

inline constexpr const char *kIndustries[] = {"制造", "汽车零部件", "医疗器械", "零售", "教育",
                                              "金融", "物流", "能源", "软件", "食品饮料",
                                              "化工", "建筑工程"};
inline constexpr int kIndustryCount = int(std::size(kIndustries));

inline constexpr const char *kSizes[] = {"micro", "small", "medium", "large", "enterprise"};

inline constexpr const char *kProductLines[] = {"ERP套件", "CRM云", "MES制造执行", "BI数据分析",
                                                "供应链协同", "智能门店"};
inline constexpr int kProductLineCount = int(std::size(kProductLines));

inline constexpr const char *kSources[] = {"官网表单", "展会", "转介绍", "电话营销", "微信公众号", "渠道伙伴"};

inline constexpr const char *kCoreNeeds[] = {
    "降低库存成本", "提升生产效率", "打通销售与财务数据", "满足合规审计要求", "门店数字化运营",
    "替换老旧ERP系统", "提升客户复购率", "缩短交付周期", "多工厂协同排产", "经营数据实时看板",
    "渠道库存可视化", "质量追溯"};

inline constexpr const char *kPainKeywords[] = {"库存积压", "数据孤岛", "交付延迟", "人工对账", "报表滞后",
                                                "质量追溯难", "客户流失", "排产混乱", "审批慢", "系统老旧"};

inline constexpr const char *kLostReasons[] = {"价格过高", "选择竞争对手", "预算取消", "需求变更",
                                               "未接触到决策人", "项目延期", "联系不上客户"};

inline constexpr const char *kMoveReasons[] = {"", "", "客户确认需求", "完成方案演示", "客户同意报价流程",
                                               "技术验证通过", "拜访反馈积极"};

inline constexpr const char *kRevisionReasons[] = {"客户CFO出国审批延迟", "新增竞争对手低价", "预算冻结",
                                                   "项目延期", "大单提前签约", "回款提前到账",
                                                   "客户内部组织调整"};

// Why a rep's target carries an external correction (DESIGN §5, targets.correction_reason):
// reasons to raise it, then reasons to lower it. Picked without the random stream, so the
// rest of the demo stays as it was before reasons were kept (schema v8).
inline constexpr const char *kCorrectionUpReasons[] = {"新品上市", "区域新开门店", "重点客户扩容", "新增渠道合作",
                                                       "行业政策利好"};
inline constexpr const char *kCorrectionDownReasons[] = {"重点客户预算冻结", "竞品低价冲击", "大客户合同到期未续",
                                                         "区域市场收缩", "产品线换代停售"};

inline constexpr const char *kTicketSubjects[] = {"系统登录异常", "数据导入失败", "报表显示错误", "培训需求",
                                                  "发票问题", "接口对接问题", "系统响应缓慢", "功能咨询"};

inline constexpr const char *kBadKeywords[] = {"价格敏感", "实施拖延", "功能不符", "响应慢", "培训不足"};
inline constexpr const char *kGoodKeywords[] = {"服务专业", "交付及时", "性价比高", "功能好用"};

inline constexpr const char *kStoreAreas[] = {"万达广场", "中心", "高新", "滨江", "东站", "西湖", "南门", "北城",
                                              "新区", "国贸", "大学城", "湖畔", "江北", "开发区", "老城"};

struct BrandDef { const char *name; const char *aliases; int industry; };
inline constexpr BrandDef kBrands[] = {
    {"博世", "BOSCH|Bosch", 1},     {"华为", "Huawei|HUAWEI", 8}, {"西门子", "Siemens", 0},
    {"海尔", "Haier", 0},           {"美的", "Midea", 0},         {"格力", "Gree", 0},
    {"联想", "Lenovo", 8},          {"小米", "Xiaomi", 3},        {"比亚迪", "BYD", 1},
    {"宁德时代", "CATL", 7},        {"施耐德", "Schneider", 7},   {"三一重工", "SANY", 0},
    {"海康威视", "Hikvision", 8},   {"大疆", "DJI", 0},           {"顺丰", "SF Express", 6},
};

// Contact titles per decision-chain role, with seniority 1..5.
struct TitleDef { const char *role; const char *title; int seniority; };
inline constexpr TitleDef kTitles[] = {
    {"decision_maker", "总经理", 5},   {"decision_maker", "副总裁", 4}, {"final_approver", "财务总监", 4},
    {"final_approver", "CFO", 5},      {"influencer", "IT经理", 3},     {"influencer", "生产总监", 3},
    {"user", "运营主管", 2},           {"user", "业务专员", 1},         {"procurement", "采购经理", 3},
    {"procurement", "采购专员", 1},
};

QByteArray personName(Rng &r);
// City + 2-char 字号 + industry word + 有限公司.
QByteArray companyName(Rng &r, const QByteArray &city, int industry);
QByteArray mobilePhone(Rng &r); // "1xx xxxx xxxx"
// Short activity text for a kind and direction.
const char *activityText(Rng &r, const char *kind, char direction);

} // namespace cockpit::demo::names
