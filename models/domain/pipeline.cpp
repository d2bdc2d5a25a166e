#include "domain/pipeline.h"

#include <QCoreApplication>

#include <algorithm>

namespace cockpit {

namespace {
StageDef stage(const char *code, const char *name, const char *nameEn, int slaMinutes,
               QStringList gate = {}, QStringList actions = {}, bool terminal = false)
{
    return StageDef{QString::fromLatin1(code), QString::fromUtf8(name), QString::fromUtf8(nameEn),
                    slaMinutes, std::move(gate), std::move(actions), terminal};
}
QString s(const char *latin) { return QString::fromLatin1(latin); }
constexpr int kHour = 60;
constexpr int kDay = 24 * 60;
} // namespace

QList<PipelineDef> pipelineTemplates()
{
    QList<PipelineDef> out;

    // 1. Fast inbound: every stage has a 2 h SLA, first response within 15 min.
    PipelineDef lifecycle{s("lifecycle"), QString::fromUtf8("线索生命周期"), s("Lead lifecycle"), 1,
                          15, 0, {}};
    lifecycle.stages = {
        stage("register", "来源登记", "Source registered", 2 * kHour, {}, {s("call")}),
        stage("screen", "15分钟初筛", "15-minute screening", 2 * kHour,
              {s(gate::PainKeywords), s(gate::BudgetBand), s(gate::DecisionRole)},
              {s("call"), s("wechat")}),
        stage("diagnose", "需求诊断", "Needs diagnosis", 2 * kHour, {}, {s("meeting"), s("visit")}),
        stage("quote", "方案报价", "Proposal and quote", 2 * kHour, {}, {s("quote")}),
        stage("sign", "签约交付", "Signed and delivering", 0, {}, {s("delivery_task")}, true),
    };
    out << lifecycle;

    // 2. Standard B2B funnel: 5 days in 触达 alerts the manager; marketing hand-over 48 h.
    // Entering 需求确认 needs a requirement list or meeting minutes: the exit gate of 触达.
    PipelineDef b2b{s("b2b"), QString::fromUtf8("标准漏斗"), s("Standard B2B funnel"), 1, 0,
                    48 * kHour, {}};
    b2b.stages = {
        stage("reach", "触达", "Reach", 5 * kDay, {s(gate::RequirementDoc)}, {s("call"), s("visit")}),
        stage("confirm", "需求确认", "Needs confirmed", 14 * kDay, {}, {s("meeting")}),
        stage("demo", "方案演示", "Solution demo", 14 * kDay, {}, {s("demo")}),
        stage("negotiate", "报价谈判", "Quote and negotiation", 21 * kDay, {},
              {s("quote"), s("meeting")}),
        stage("close", "赢单/输单", "Closed", 0, {}, {}, true),
    };
    out << b2b;

    // 3. Key account: entering 意向 needs at least one demo and a signed confirmation form.
    PipelineDef key{s("key_account"), QString::fromUtf8("大客户"), s("Key account"), 1, 0, 0, {}};
    key.stages = {
        stage("lead", "线索", "Lead", 14 * kDay,
              {s(gate::DemoDone), s(gate::ConfirmationSigned)}, {s("visit"), s("demo")}),
        stage("intent", "意向", "Intent", 30 * kDay, {}, {s("meeting"), s("presales_task")}),
        stage("proposal", "方案", "Proposal", 30 * kDay, {}, {s("presales_task"), s("quote")}),
        stage("negotiate", "谈判", "Negotiation", 30 * kDay, {}, {s("quote"), s("meeting")}),
        stage("won", "成交", "Won", 0, {}, {s("delivery_task")}, true),
    };
    out << key;
    return out;
}

QStringList missingGateFields(const QStringList &exitGate, const GateFacts &facts)
{
    QStringList missing;
    for (const QString &code : exitGate) {
        bool ok = true;
        if (code == QLatin1String(gate::PainKeywords))
            ok = !facts.painKeywords.trimmed().isEmpty();
        else if (code == QLatin1String(gate::BudgetBand))
            ok = !facts.budgetBand.trimmed().isEmpty();
        else if (code == QLatin1String(gate::DecisionRole))
            ok = !facts.decisionRole.trimmed().isEmpty();
        else if (code == QLatin1String(gate::RequirementDoc))
            ok = !facts.requirementDoc.trimmed().isEmpty();
        else if (code == QLatin1String(gate::DemoDone))
            ok = facts.demoCount >= 1;
        else if (code == QLatin1String(gate::ConfirmationSigned))
            ok = facts.confirmationSigned;
        else
            ok = false; // an unknown requirement can never be met silently
        if (!ok)
            missing << code;
    }
    return missing;
}

QString gateFieldLabel(const QString &code)
{
    if (code == QLatin1String(gate::PainKeywords))
        return QCoreApplication::translate("Gate", "Customer pain keywords");
    if (code == QLatin1String(gate::BudgetBand))
        return QCoreApplication::translate("Gate", "Budget band");
    if (code == QLatin1String(gate::DecisionRole))
        return QCoreApplication::translate("Gate", "Decision-chain role");
    if (code == QLatin1String(gate::RequirementDoc))
        return QCoreApplication::translate("Gate", "Requirement list or meeting minutes");
    if (code == QLatin1String(gate::DemoDone))
        return QCoreApplication::translate("Gate", "At least one demo");
    if (code == QLatin1String(gate::ConfirmationSigned))
        return QCoreApplication::translate("Gate", "Signed requirement-confirmation form");
    return QCoreApplication::translate("Gate", "Unknown requirement \"%1\"").arg(code);
}

QStringList budgetBands()
{
    return {QString::fromUtf8("<10万"), QString::fromUtf8("10-50万"), QString::fromUtf8("50万+")};
}

QStringList decisionRoles()
{
    return {s("decision_maker"), s("final_approver"), s("influencer"), s("user"), s("procurement")};
}

QString decisionRoleLabel(const QString &code)
{
    if (code == QLatin1String("decision_maker"))
        return QCoreApplication::translate("Gate", "Decision maker");
    if (code == QLatin1String("final_approver"))
        return QCoreApplication::translate("Gate", "Final approver");
    if (code == QLatin1String("influencer"))
        return QCoreApplication::translate("Gate", "Influencer");
    if (code == QLatin1String("user"))
        return QCoreApplication::translate("Gate", "User");
    if (code == QLatin1String("procurement"))
        return QCoreApplication::translate("Gate", "Procurement");
    return code;
}

QString customerSizeLabel(const QString &size)
{
    if (size == QLatin1String("micro"))
        return QCoreApplication::translate("Customer", "Micro");
    if (size == QLatin1String("small"))
        return QCoreApplication::translate("Customer", "Small");
    if (size == QLatin1String("medium"))
        return QCoreApplication::translate("Customer", "Medium");
    if (size == QLatin1String("large"))
        return QCoreApplication::translate("Customer", "Large");
    if (size == QLatin1String("enterprise"))
        return QCoreApplication::translate("Customer", "Enterprise");
    return size;
}

QString leadStatusLabel(const QString &status)
{
    if (status == QLatin1String("open"))
        return QCoreApplication::translate("Lead", "Open");
    if (status == QLatin1String("won"))
        return QCoreApplication::translate("Lead", "Won");
    if (status == QLatin1String("lost"))
        return QCoreApplication::translate("Lead", "Lost");
    return status;
}

int defaultStageProbability(int workingIndex, int workingCount, bool terminal)
{
    if (terminal)
        return 100;
    if (workingCount <= 0 || workingIndex < 0)
        return 0;
    return int((200 * qint64(std::min(workingIndex, workingCount - 1) + 1) + (workingCount + 1)) / (2 * (workingCount + 1)));
}

} // namespace cockpit
