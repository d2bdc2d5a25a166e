#include "items/conflicttext.h"

#include "domain/money.h"
#include "domain/pipeline.h"
#include "domain/pipelinevalidation.h"
#include "domain/times.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>

namespace cockpit {

namespace {

struct Label
{
    const char *key; // "table.column" or "column"
    const char *text;
};

// The columns people edit and sync, in the words the screens use. Looked up as
// "table.column" first, then "column".
const Label kTables[] = {
    {"leads", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Lead")},
    {"customers", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Customer")},
    {"contacts", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Contact")},
    {"activities", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Activity")},
    {"tasks", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Task")},
    {"stage_history", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Stage move")},
    {"users", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Person")},
    {"regions", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Region")},
    {"cities", QT_TRANSLATE_NOOP("cockpit::ConflictText", "City")},
    {"teams", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Team")},
    {"pipelines", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Pipeline")},
    {"pipeline_stages", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Pipeline stage")},
    {"orders", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Order")},
    {"payments", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Payment")},
    {"tickets", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Service ticket")},
    {"surveys", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Survey")},
    {"contracts", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Contract")},
    {"product_trials", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Product trial")},
    {"collaboration_ratings", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Collaboration rating")},
    {"targets", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Target")},
    {"forecast_snapshots", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Forecast")},
    {"forecast_revisions", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Forecast revision")},
    {"stores", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Store")},
    {"store_days", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Store day")},
    {"alerts", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Alert")},
    {"products", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Product")},
};

const Label kFields[] = {
    {"leads.title", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Title")},
    {"contacts.title", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Job title")},
    {"name", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Name")},
    {"aliases", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Other names")},
    {"industry", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Industry")},
    {"size", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Size")},
    {"source", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Source")},
    {"phone", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Phone")},
    {"core_need", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Core need")},
    {"close_cycle_days", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Expected close cycle (days)")},
    {"customer_since", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Customer since")},
    {"budget_cents", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Budget")},
    {"location", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Location")},
    {"employees", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Employees")},
    {"annual_revenue_cents", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Annual revenue")},
    {"established_year", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Established")},
    {"parent_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Parent company")},
    {"chain_role", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Decision-chain role")},
    {"seniority", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Seniority")},
    {"customer_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Customer")},
    {"owner_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Owner")},
    {"manager_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Manager")},
    {"actor_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "By")},
    {"user_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Person")},
    {"by_user_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "By")},
    {"lead_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Lead")},
    {"region_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Region")},
    {"city_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "City")},
    {"team_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Team")},
    {"store_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Store")},
    {"product_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Product")},
    {"pipeline_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Pipeline")},
    {"stage_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Stage")},
    {"from_stage_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "From stage")},
    {"to_stage_id", QT_TRANSLATE_NOOP("cockpit::ConflictText", "To stage")},
    {"stage_entered_at", QT_TRANSLATE_NOOP("cockpit::ConflictText", "In stage since")},
    {"amount_cents", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Amount")},
    {"expected_close", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Expected close")},
    {"source_campaign", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Campaign")},
    {"status", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Status")},
    {"lost_reason", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Lost reason")},
    {"forecast_category", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Forecast category")},
    {"probability", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Win probability")},
    {"intent_seal", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Letter of intent stamped")},
    {"intent_budget_range", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Intended budget")},
    {"intent_contact", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Intent contact")},
    {"intent_next_meeting", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Next meeting")},
    {"tags", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Tags")},
    {"pain_keywords", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Customer pain keywords")},
    {"budget_band", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Budget band")},
    {"decision_role", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Decision-chain role")},
    {"requirement_doc", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Requirement list or meeting minutes")},
    {"confirmation_signed", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Requirement confirmation signed")},
    {"competitor_present", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Competitor present")},
    {"technical_validation", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Technical validation")},
    {"created_at", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Created")},
    {"assigned_at", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Assigned")},
    {"closed_at", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Closed")},
    {"updated_at", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Last changed")},
    {"deleted", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Deleted")},
    {"kind", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Kind")},
    {"direction", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Direction")},
    {"at", QT_TRANSLATE_NOOP("cockpit::ConflictText", "When")},
    {"duration_seconds", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Duration")},
    {"text", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Note")},
    {"action", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Action")},
    {"due_at", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Due")},
    {"completed_at", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Completed")},
    {"week_start", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Week")},
    {"product_line", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Product line")},
    {"list_price_cents", QT_TRANSLATE_NOOP("cockpit::ConflictText", "List price")},
    {"opened_on", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Opened")},
    {"ordered_on", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Ordered")},
    {"due_on", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Due")},
    {"paid_on", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Paid")},
    {"signed_on", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Signed")},
    {"ends_on", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Ends")},
    {"period_start", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Period")},
    {"correction_bp", QT_TRANSLATE_NOOP("cockpit::ConflictText", "External correction")},
    {"correction_reason", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Correction reason")},
    {"day", QT_TRANSLATE_NOOP("cockpit::ConflictText", "Day")},
};

const char *labelFor(const Label *begin, const Label *end, const QString &key)
{
    for (const Label *l = begin; l != end; ++l)
        if (key == QLatin1String(l->key))
            return l->text;
    return nullptr;
}

const QStringList kFlags = {QStringLiteral("intent_seal"), QStringLiteral("confirmation_signed"),
                            QStringLiteral("competitor_present"), QStringLiteral("technical_validation"),
                            QStringLiteral("deleted"), QStringLiteral("terminal")};

} // namespace

QString ConflictText::tableLabel(const QString &table)
{
    const char *t = labelFor(std::begin(kTables), std::end(kTables), table);
    return t ? tr(t) : tr("Record");
}

QString ConflictText::fieldLabel(const QString &table, const QString &column)
{
    const char *t = labelFor(std::begin(kFields), std::end(kFields), table + QLatin1Char('.') + column);
    if (!t)
        t = labelFor(std::begin(kFields), std::end(kFields), column);
    if (t)
        return tr(t);
    // A column this build has no words for: its name with spaces, rather than nothing.
    QString words = column;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString ConflictText::kindLabel(storage::ConflictKind kind)
{
    switch (kind) {
    case storage::ConflictKind::Update: return tr("Both changed");
    case storage::ConflictKind::DeletedOnServer: return tr("Deleted on the server");
    case storage::ConflictKind::Refused: return tr("Refused by the server");
    }
    return {};
}

QString ConflictText::kindExplanation(const storage::ConflictRecord &c)
{
    switch (c.kind) {
    case storage::ConflictKind::Update:
        return tr("You and someone else changed the same fields while you were offline. The file shows the "
                  "server's values now; choose per field which to keep.");
    case storage::ConflictKind::DeletedOnServer:
        return tr("Someone deleted this record on the server while you were changing it. The deletion is "
                  "applied here; your changes are kept below.");
    case storage::ConflictKind::Refused:
        return c.error.isEmpty() ? tr("The server refused your change and gave no reason.")
                                 : tr("The server refused your change: %1").arg(c.error);
    }
    return {};
}

QString ConflictText::keepMineMeaning(storage::ConflictKind kind)
{
    switch (kind) {
    case storage::ConflictKind::Update: return tr("Write your values back and send them to the server.");
    case storage::ConflictKind::DeletedOnServer:
        return tr("Re-create the record with your values and send it to the server again.");
    case storage::ConflictKind::Refused:
        return tr("Send your change again (for example after an administrator has granted you the rights).");
    }
    return {};
}

QString ConflictText::keepTheirsMeaning(storage::ConflictKind kind)
{
    switch (kind) {
    case storage::ConflictKind::Update: return tr("Keep the server's values; your values are dropped.");
    case storage::ConflictKind::DeletedOnServer: return tr("Accept the deletion; your changes are dropped.");
    case storage::ConflictKind::Refused: return tr("Discard your change; the record stays as the server has it.");
    }
    return {};
}

QString ConflictText::rowLabel(const storage::ConflictRecord &c)
{
    if (!c.rowLabel.trimmed().isEmpty())
        return c.rowLabel;
    if (!c.rowExists)
        return tr("%1 (no longer in this file)").arg(tableLabel(c.table));
    return tr("%1 #%2").arg(tableLabel(c.table)).arg(c.rowId);
}

ConflictFormatter::ConflictFormatter(const storage::ConflictRepository &repo, const QLocale &locale, bool englishNames)
    : m_repo(repo), m_locale(locale), m_english(englishNames), m_currency(repo.currency())
{
}

QString ConflictFormatter::value(const QString &table, const QString &column, const QJsonValue &v) const
{
    if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
        return ConflictText::tr("(empty)");
    if (kFlags.contains(column))
        return v.toVariant().toBool() ? ConflictText::tr("Yes") : ConflictText::tr("No");
    if (const int time = storage::ConflictRepository::timeKind(table, column)) {
        qint64 secs = 0;
        if (v.isDouble())
            secs = qint64(v.toDouble()) * (time == 2 ? times::kDay : 1);
        else if (!times::parseIso(v.toString(), &secs) && (secs = times::secsFromIso(v.toString())) == -1)
            return v.toString();
        const QDateTime at = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
        return time == 2 ? m_locale.toString(at.date(), QLocale::ShortFormat)
                         : m_locale.toString(at.toLocalTime(), QLocale::ShortFormat);
    }
    if (column.endsWith(QLatin1String("_cents")) && v.isDouble())
        return formatMoney(qint64(v.toDouble()), m_currency, m_locale, false);
    const QString refKey = table + QLatin1Char('.') + column;
    auto ref = m_refs.constFind(refKey);
    if (ref == m_refs.cend())
        ref = m_refs.insert(refKey, m_repo.referencedTable(table, column));
    if (!ref->isEmpty() && (v.isDouble() || v.isString())) {
        const qint64 key = v.isDouble() ? qint64(v.toDouble()) : v.toString().toLongLong();
        const QString nameKey = *ref + QLatin1Char(':') + QString::number(key);
        auto name = m_names.constFind(nameKey);
        if (name == m_names.cend())
            name = m_names.insert(nameKey, m_repo.referenceName(*ref, key, m_english));
        return name->isEmpty() ? ConflictText::tr("%1 not in this file").arg(ConflictText::tableLabel(*ref)) : *name;
    }
    const QString text = v.isString() ? v.toString() : v.toVariant().toString();
    if (column == QLatin1String("status") && table == QLatin1String("leads"))
        return leadStatusLabel(text);
    if (column == QLatin1String("decision_role") || column == QLatin1String("chain_role"))
        return decisionRoleLabel(text);
    if (column == QLatin1String("size") && table == QLatin1String("customers"))
        return customerSizeLabel(text);
    if (column == QLatin1String("kind") && table == QLatin1String("activities"))
        return activityKindLabel(text);
    if (column == QLatin1String("direction") && table == QLatin1String("activities"))
        return activityDirectionLabel(text);
    if (column == QLatin1String("forecast_category")) {
        if (text == QLatin1String("commit"))
            return ConflictText::tr("Commit");
        if (text == QLatin1String("best_case"))
            return ConflictText::tr("Best case");
        if (text == QLatin1String("pipeline"))
            return ConflictText::tr("Pipeline");
    }
    if (column == QLatin1String("probability") && v.isDouble())
        return ConflictText::tr("%1 %").arg(m_locale.toString(qint64(v.toDouble())));
    if (column == QLatin1String("duration_seconds") && v.isDouble())
        return ConflictText::tr("%1 min").arg(m_locale.toString(qint64(v.toDouble()) / 60));
    if (v.isDouble())
        return m_locale.toString(v.toDouble(), 'g', 15);
    return text;
}

QString ConflictFormatter::fieldList(const storage::ConflictRecord &c, int max) const
{
    QStringList names;
    for (const QString &f : c.fields) {
        if (!c.mine.contains(f))
            continue;
        if (names.size() == max) {
            names << QStringLiteral("…");
            break;
        }
        names << ConflictText::fieldLabel(c.table, f);
    }
    return names.join(ConflictText::tr(", "));
}

} // namespace cockpit
