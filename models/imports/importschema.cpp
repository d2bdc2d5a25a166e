#include "imports/importschema.h"

#include "io/values.h"

namespace cockpit::imports {

QString entityCode(Entity entity)
{
    switch (entity) {
    case Entity::Org: return QStringLiteral("org");
    case Entity::Products: return QStringLiteral("products");
    case Entity::Customers: return QStringLiteral("customers");
    case Entity::Contacts: return QStringLiteral("contacts");
    case Entity::Leads: return QStringLiteral("leads");
    case Entity::Orders: return QStringLiteral("orders");
    case Entity::Payments: return QStringLiteral("payments");
    case Entity::Activities: return QStringLiteral("activities");
    case Entity::Stores: return QStringLiteral("stores");
    case Entity::StoreDays: return QStringLiteral("store_days");
    case Entity::Targets: return QStringLiteral("targets");
    }
    return {};
}

std::optional<Entity> entityFromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c == QLatin1String("org") || c == QLatin1String("users") || c == QLatin1String("people")
        || c == QLatin1String("sales_teams"))
        return Entity::Org;
    if (c == QLatin1String("products"))
        return Entity::Products;
    if (c == QLatin1String("customers") || c == QLatin1String("accounts"))
        return Entity::Customers;
    if (c == QLatin1String("leads") || c == QLatin1String("opportunities") || c == QLatin1String("deals"))
        return Entity::Leads;
    if (c == QLatin1String("contacts") || c == QLatin1String("people_at_customers"))
        return Entity::Contacts;
    if (c == QLatin1String("activities") || c == QLatin1String("touchpoints") || c == QLatin1String("history"))
        return Entity::Activities;
    if (c == QLatin1String("orders") || c == QLatin1String("sales"))
        return Entity::Orders;
    if (c == QLatin1String("payments") || c == QLatin1String("collections"))
        return Entity::Payments;
    if (c == QLatin1String("stores") || c == QLatin1String("shops"))
        return Entity::Stores;
    if (c == QLatin1String("store_days") || c == QLatin1String("store-days") || c == QLatin1String("storedays"))
        return Entity::StoreDays;
    if (c == QLatin1String("targets") || c == QLatin1String("quotas") || c == QLatin1String("goals"))
        return Entity::Targets;
    return std::nullopt;
}

QList<Entity> allEntities()
{
    return {Entity::Org,   Entity::Products, Entity::Customers, Entity::Contacts,
            Entity::Leads, Entity::Orders,   Entity::Payments,  Entity::Activities,
            Entity::Stores, Entity::StoreDays, Entity::Targets};
}

QString ImportSchema::normaliseHeader(const QString &header)
{
    const QString half = io::Values::halfWidth(header).toLower();
    QString out;
    out.reserve(half.size());
    for (const QChar c : half) {
        if (c.isSpace() || c == u'_' || c == u'-' || c == u'(' || c == u')' || c == u'（' || c == u'）'
            || c == u'.' || c == u'/' || c == u':' || c == u'：' || c == u'*')
            continue;
        out += c;
    }
    return out;
}

namespace {
FieldDef def(const char *code, FieldType type, bool required, std::initializer_list<const char *> headers)
{
    FieldDef f;
    f.code = QString::fromLatin1(code);
    f.type = type;
    f.required = required;
    f.headers << ImportSchema::normaliseHeader(f.code);
    for (const char *h : headers)
        f.headers << ImportSchema::normaliseHeader(QString::fromUtf8(h));
    return f;
}
} // namespace

const QList<FieldDef> &ImportSchema::fields(Entity entity)
{
    using T = FieldType;
    static const QList<FieldDef> org = {
        def("external_id", T::Text, false, {"employee id", "工号", "员工编号", "user id"}),
        def("name", T::Text, true, {"sales_agent", "agent", "sales agent", "rep", "salesperson", "employee", "user",
                                    "姓名", "销售", "销售员", "员工", "名字"}),
        def("role", T::Choice, false, {"角色", "岗位", "职位"}),
        def("manager", T::Reference, false, {"supervisor", "reports to", "主管", "上级", "直属主管", "经理"}),
        def("region", T::Text, false, {"regional_office", "office", "大区", "区域"}),
        def("city", T::Text, false, {"branch", "城市", "分公司"}),
        def("team", T::Text, false, {"团队", "小组", "组"}),
        def("email", T::Text, false, {"mail", "e-mail", "邮箱", "电子邮件"}),
        def("phone", T::Text, false, {"mobile", "tel", "电话", "手机"}),
        def("hire_date", T::Date, false, {"hired", "start date", "入职日期", "入职时间"}),
    };
    static const QList<FieldDef> products = {
        def("external_id", T::Text, false, {"sku", "product id", "产品编号", "物料编码"}),
        def("name", T::Text, true, {"product", "product name", "产品", "产品名称", "品名"}),
        def("product_line", T::Text, false, {"series", "line", "product line", "产品线", "系列"}),
        def("list_price", T::Money, false, {"price", "sales_price", "list price", "价格", "单价", "售价", "标准价"}),
    };
    static const QList<FieldDef> customers = {
        def("external_id", T::Text, false, {"customer id", "account id", "客户编号", "客户id"}),
        def("name", T::Text, true, {"account", "customer", "company", "account name", "customer name", "客户",
                                    "客户名称", "公司", "公司名称", "账户", "企业名称"}),
        def("aliases", T::Text, false, {"alias", "别名", "简称"}),
        def("industry", T::Text, false, {"sector", "行业", "所属行业"}),
        def("size", T::Choice, false, {"规模", "企业规模"}),
        def("region", T::Reference, false, {"大区", "区域"}),
        def("city", T::Reference, false, {"城市"}),
        def("owner", T::Reference, false, {"account owner", "负责人", "归属销售", "客户经理"}),
        def("source", T::Text, false, {"channel", "lead source", "来源", "渠道", "客户来源"}),
        def("phone", T::Text, false, {"tel", "telephone", "电话", "手机", "联系电话"}),
        def("core_need", T::Text, false, {"need", "needs", "核心需求", "需求"}),
        def("close_cycle_days", T::Integer, false, {"close cycle", "sales cycle", "成交周期", "预计成交周期"}),
        def("created", T::Date, false, {"created at", "created date", "创建时间", "创建日期", "录入时间"}),
        def("parent", T::Reference, false, {"subsidiary_of", "parent company", "母公司", "上级公司", "所属集团"}),
        def("location", T::Text, false, {"office_location", "headquarters", "hq", "country", "所在地", "地址", "国家", "总部"}),
        def("employees", T::Integer, false, {"employee count", "headcount", "员工数", "员工人数", "人数"}),
        def("annual_revenue", T::Money, false, {"revenue", "annual revenue", "营收", "年营收", "年收入", "营业额"}),
        def("established_year", T::Integer, false, {"year_established", "founded", "year founded", "成立年份", "成立时间"}),
    };
    static const QList<FieldDef> leads = {
        def("external_id", T::Text, false, {"opportunity_id", "opportunity id", "deal id", "lead id", "商机编号",
                                            "线索编号", "商机id"}),
        def("title", T::Text, false, {"opportunity", "opportunity name", "deal", "deal name", "商机名称", "线索名称", "标题"}),
        def("customer", T::Reference, true, {"account", "company", "customer name", "account name", "客户", "客户名称", "公司"}),
        def("owner", T::Reference, false, {"sales_agent", "sales agent", "rep", "salesperson", "负责人", "销售", "跟进人"}),
        def("product", T::Reference, false, {"产品", "产品名称"}),
        def("stage", T::Choice, true, {"deal_stage", "deal stage", "sales stage", "阶段", "商机阶段", "销售阶段"}),
        def("status", T::Choice, false, {"状态", "赢输", "结果"}),
        def("amount", T::Money, false, {"value", "close_value", "deal value", "金额", "商机金额", "预计金额", "成交金额"}),
        def("created", T::Date, false, {"created at", "created date", "创建时间", "创建日期"}),
        def("closed", T::Date, false, {"close_date", "close date", "closed date", "关闭日期", "成交日期", "结单日期"}),
        def("expected_close", T::Date, false, {"expected close date", "预计成交日期", "预计签约日期"}),
        def("lost_reason", T::Text, false, {"loss reason", "输单原因", "丢单原因"}),
        def("source_campaign", T::Text, false, {"campaign", "来源活动", "市场活动"}),
    };
    static const QList<FieldDef> contacts = {
        def("customer", T::Reference, true, {"account", "company", "customer name", "客户", "客户名称", "公司", "所属客户"}),
        def("name", T::Text, true, {"contact", "contact name", "联系人", "姓名", "联系人姓名"}),
        def("title", T::Text, false, {"job title", "position", "职位", "职务", "头衔"}),
        def("chain_role", T::Choice, false, {"role", "decision role", "decision-chain role", "决策链角色", "角色", "决策角色"}),
        def("seniority", T::Integer, false, {"level", "级别", "层级"}),
        def("phone", T::Text, false, {"mobile", "tel", "电话", "手机", "联系电话"}),
    };
    static const QList<FieldDef> activities = {
        def("external_id", T::Text, false, {"activity id", "id", "编号", "记录编号"}),
        def("lead", T::Reference, false, {"opportunity_id", "opportunity id", "lead id", "deal id", "商机编号", "线索编号"}),
        def("customer", T::Reference, false, {"account", "company", "customer name", "客户", "客户名称", "公司"}),
        def("actor", T::Reference, false, {"rep", "owner", "sales_agent", "by", "user", "销售", "负责人", "跟进人", "执行人"}),
        def("kind", T::Choice, true, {"type", "activity type", "channel", "类型", "方式", "跟进方式", "动作"}),
        def("direction", T::Choice, false, {"from", "方向", "发起方"}),
        def("at", T::Date, true, {"date", "time", "datetime", "when", "日期", "时间", "跟进时间", "发生时间"}),
        def("duration", T::Integer, false, {"duration seconds", "talk time", "通话时长", "时长"}),
        def("text", T::Text, false, {"note", "notes", "content", "summary", "内容", "备注", "记录", "跟进内容"}),
        def("tags", T::Text, false, {"tag", "标签"}),
    };
    static const QList<FieldDef> orders = {
        def("external_id", T::Text, false, {"order id", "order no", "order number", "订单编号", "订单号"}),
        def("customer", T::Reference, true, {"account", "company", "customer name", "客户", "客户名称", "公司"}),
        def("lead", T::Reference, false, {"opportunity_id", "opportunity id", "lead id", "deal id", "商机编号", "线索编号"}),
        def("rep", T::Reference, false, {"sales_agent", "owner", "salesperson", "销售", "负责人", "业务员"}),
        def("ordered_on", T::Date, true, {"order date", "date", "下单日期", "订单日期", "日期"}),
        def("amount", T::Money, true, {"order amount", "value", "total", "金额", "订单金额", "合同金额"}),
        def("margin", T::Money, false, {"gross margin", "profit", "毛利", "毛利额"}),
        def("product_line", T::Text, false, {"series", "product", "product line", "产品线", "产品"}),
    };
    static const QList<FieldDef> payments = {
        def("external_id", T::Text, false, {"payment id", "receipt no", "回款编号", "收款编号"}),
        def("order", T::Reference, true, {"order id", "order no", "order number", "订单编号", "订单号"}),
        def("amount", T::Money, true, {"paid amount", "payment amount", "金额", "回款金额", "收款金额"}),
        def("due_on", T::Date, true, {"due date", "due", "应收日期", "到期日", "计划回款日期"}),
        def("paid_on", T::Date, false, {"paid date", "payment date", "实收日期", "回款日期", "到账日期"}),
    };
    // Stores and their daily metrics (DESIGN §2): the columns the store-day file always had.
    static const QList<FieldDef> stores = {
        def("external_id", T::Text, false, {"store id", "store code", "门店编号", "门店id", "门店编码"}),
        def("name", T::Text, true, {"store", "store name", "shop", "门店", "门店名称", "店名"}),
        def("region", T::Reference, false, {"大区", "区域"}),
        def("city", T::Reference, false, {"城市"}),
        def("manager", T::Reference, false, {"store manager", "店长", "负责人"}),
        def("opened_on", T::Date, false, {"opened", "opening date", "开业日期", "开店日期"}),
    };
    static const QList<FieldDef> storeDays = {
        def("external_id", T::Text, false, {"record id", "记录编号"}),
        def("store", T::Reference, true, {"store id", "store name", "shop", "门店", "门店名称", "门店id", "门店编号"}),
        def("day", T::Date, true, {"date", "日期"}),
        def("staff", T::Integer, true, {"staff on duty", "在岗人数"}),
        def("receptions", T::Integer, true, {"customer groups", "接待组数"}),
        def("exposure", T::Integer, true, {"exposure %", "exposure_pct", "main-product exposure", "main product exposure %",
                                           "主推品曝光率", "曝光率"}),
        def("dwell", T::Integer, true, {"dwell minutes", "dwell_min", "average dwell minutes", "停留时长", "停留时长(分钟)",
                                        "平均停留时长"}),
        def("experiences", T::Integer, true, {"体验人数"}),
        def("deals_72h", T::Integer, true, {"deals within 72 h", "deals 72h", "deals", "72小时成交", "72小时成交数"}),
    };
    // Targets (DESIGN §2, §5 "Targets"): a period × an org node.
    static const QList<FieldDef> targets = {
        def("external_id", T::Text, false, {"target id", "目标编号"}),
        def("period", T::Text, true, {"month", "quarter", "year", "period", "周期", "期间", "月份", "季度", "年度", "考核期"}),
        def("period_kind", T::Choice, false, {"period type", "granularity", "周期类型", "期间类型"}),
        def("level", T::Choice, false, {"org level", "层级", "组织层级", "级别"}),
        def("org", T::Reference, false, {"org unit", "node", "region or rep", "owner", "rep", "组织", "对象", "部门",
                                         "销售", "大区", "城市"}),
        def("amount", T::Money, true, {"target", "target amount", "quota", "目标", "目标金额", "目标额", "指标"}),
        def("tier", T::Choice, false, {"grade", "分级", "等级", "档位"}),
        def("growth", T::Text, false, {"growth rate", "growth %", "增长率", "增速", "增长"}),
        def("correction", T::Text, false, {"adjustment", "external correction", "修正", "修正系数", "外部修正"}),
        def("status", T::Choice, false, {"状态", "审批状态"}),
        def("correction_reason", T::Text, false, {"correction reason", "reason for correction", "external correction reason",
                                                  "adjustment reason", "reason", "修正原因", "调整原因", "修正说明",
                                                  "调整说明", "外部修正原因", "原因"}),
    };
    switch (entity) {
    case Entity::Stores: return stores;
    case Entity::StoreDays: return storeDays;
    case Entity::Targets: return targets;
    case Entity::Orders: return orders;
    case Entity::Payments: return payments;
    case Entity::Org: return org;
    case Entity::Products: return products;
    case Entity::Customers: return customers;
    case Entity::Contacts: return contacts;
    case Entity::Leads: return leads;
    case Entity::Activities: return activities;
    }
    return org;
}

const FieldDef *ImportSchema::field(Entity entity, const QString &code)
{
    for (const FieldDef &f : fields(entity))
        if (f.code == code)
            return &f;
    return nullptr;
}

QString ImportSchema::entityLabel(Entity entity)
{
    switch (entity) {
    case Entity::Org: return tr("People and org");
    case Entity::Products: return tr("Products");
    case Entity::Customers: return tr("Customers");
    case Entity::Contacts: return tr("Contacts");
    case Entity::Leads: return tr("Leads");
    case Entity::Orders: return tr("Orders");
    case Entity::Payments: return tr("Payments");
    case Entity::Activities: return tr("Activities");
    case Entity::Stores: return tr("Stores");
    case Entity::StoreDays: return tr("Store days");
    case Entity::Targets: return tr("Targets");
    }
    return {};
}

QString ImportSchema::fieldLabel(Entity entity, const QString &code)
{
    Q_UNUSED(entity);
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("external_id"), QT_TR_NOOP("Id in the file")},
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("role"), QT_TR_NOOP("Role")},
        {QStringLiteral("manager"), QT_TR_NOOP("Manager")},
        {QStringLiteral("region"), QT_TR_NOOP("Region")},
        {QStringLiteral("city"), QT_TR_NOOP("City")},
        {QStringLiteral("team"), QT_TR_NOOP("Team")},
        {QStringLiteral("email"), QT_TR_NOOP("Email")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("hire_date"), QT_TR_NOOP("Hire date")},
        {QStringLiteral("product_line"), QT_TR_NOOP("Product line")},
        {QStringLiteral("list_price"), QT_TR_NOOP("List price")},
        {QStringLiteral("aliases"), QT_TR_NOOP("Aliases")},
        {QStringLiteral("industry"), QT_TR_NOOP("Industry")},
        {QStringLiteral("size"), QT_TR_NOOP("Size")},
        {QStringLiteral("owner"), QT_TR_NOOP("Owner")},
        {QStringLiteral("source"), QT_TR_NOOP("Source")},
        {QStringLiteral("core_need"), QT_TR_NOOP("Core need")},
        {QStringLiteral("close_cycle_days"), QT_TR_NOOP("Expected close cycle (days)")},
        {QStringLiteral("created"), QT_TR_NOOP("Created")},
        {QStringLiteral("parent"), QT_TR_NOOP("Parent company")},
        {QStringLiteral("location"), QT_TR_NOOP("Location")},
        {QStringLiteral("employees"), QT_TR_NOOP("Employees")},
        {QStringLiteral("annual_revenue"), QT_TR_NOOP("Annual revenue")},
        {QStringLiteral("established_year"), QT_TR_NOOP("Year established")},
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("customer"), QT_TR_NOOP("Customer")},
        {QStringLiteral("product"), QT_TR_NOOP("Product")},
        {QStringLiteral("stage"), QT_TR_NOOP("Stage")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("amount"), QT_TR_NOOP("Amount")},
        {QStringLiteral("closed"), QT_TR_NOOP("Closed")},
        {QStringLiteral("expected_close"), QT_TR_NOOP("Expected close")},
        {QStringLiteral("lost_reason"), QT_TR_NOOP("Lost reason")},
        {QStringLiteral("source_campaign"), QT_TR_NOOP("Source campaign")},
        {QStringLiteral("chain_role"), QT_TR_NOOP("Decision-chain role")},
        {QStringLiteral("seniority"), QT_TR_NOOP("Seniority (1–5)")},
        {QStringLiteral("lead"), QT_TR_NOOP("Lead (its id in the leads file)")},
        {QStringLiteral("actor"), QT_TR_NOOP("Done by")},
        {QStringLiteral("kind"), QT_TR_NOOP("Kind")},
        {QStringLiteral("direction"), QT_TR_NOOP("Direction")},
        {QStringLiteral("at"), QT_TR_NOOP("When")},
        {QStringLiteral("duration"), QT_TR_NOOP("Duration (seconds, or m:ss)")},
        {QStringLiteral("text"), QT_TR_NOOP("Text")},
        {QStringLiteral("tags"), QT_TR_NOOP("Tags")},
        {QStringLiteral("rep"), QT_TR_NOOP("Rep")},
        {QStringLiteral("ordered_on"), QT_TR_NOOP("Ordered on")},
        {QStringLiteral("margin"), QT_TR_NOOP("Gross margin")},
        {QStringLiteral("order"), QT_TR_NOOP("Order (its id in the orders file)")},
        {QStringLiteral("due_on"), QT_TR_NOOP("Due on")},
        {QStringLiteral("paid_on"), QT_TR_NOOP("Paid on")},
        {QStringLiteral("opened_on"), QT_TR_NOOP("Opened on")},
        {QStringLiteral("store"), QT_TR_NOOP("Store")},
        {QStringLiteral("day"), QT_TR_NOOP("Date")},
        {QStringLiteral("staff"), QT_TR_NOOP("Staff on duty")},
        {QStringLiteral("receptions"), QT_TR_NOOP("Customer groups received")},
        {QStringLiteral("exposure"), QT_TR_NOOP("Main-product exposure %")},
        {QStringLiteral("dwell"), QT_TR_NOOP("Average dwell (minutes)")},
        {QStringLiteral("experiences"), QT_TR_NOOP("Experiences given")},
        {QStringLiteral("deals_72h"), QT_TR_NOOP("Deals within 72 h")},
        {QStringLiteral("period"), QT_TR_NOOP("Period")},
        {QStringLiteral("period_kind"), QT_TR_NOOP("Period kind (month, quarter, year)")},
        {QStringLiteral("level"), QT_TR_NOOP("Org level (company, region, city, team, rep)")},
        {QStringLiteral("org"), QT_TR_NOOP("Org unit or rep")},
        {QStringLiteral("tier"), QT_TR_NOOP("Tier (A, B, C)")},
        {QStringLiteral("growth"), QT_TR_NOOP("Growth rate %")},
        {QStringLiteral("correction"), QT_TR_NOOP("External correction % (within ±5)")},
        {QStringLiteral("correction_reason"), QT_TR_NOOP("Reason for the correction")},
    };
    const auto it = labels.constFind(code);
    return it == labels.cend() ? code : tr(*it);
}

} // namespace cockpit::imports
