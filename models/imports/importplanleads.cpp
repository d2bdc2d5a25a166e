// The leads half of the planner (importplanner.h): the pipeline leads go into, and each lead
// row with its stage history.
#include "imports/importplanner.h"

#include "domain/times.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::imports::detail {

namespace {
// How files write a closed deal when the pipeline does not name the stage itself.
bool isWonWord(const QString &n)
{
    static const QStringList words = {QStringLiteral("won"), QStringLiteral("closedwon"), QStringLiteral("win"),
                                      QStringLiteral("赢单"), QStringLiteral("成交"), QStringLiteral("已成交"),
                                      QStringLiteral("签约"), QStringLiteral("已签约")};
    return words.contains(n);
}
bool isLostWord(const QString &n)
{
    static const QStringList words = {QStringLiteral("lost"), QStringLiteral("closedlost"), QStringLiteral("loss"),
                                      QStringLiteral("输单"), QStringLiteral("丢单"), QStringLiteral("失败"),
                                      QStringLiteral("已输单")};
    return words.contains(n);
}
bool isOpenWord(const QString &n)
{
    return n == QLatin1String("open") || n == QLatin1String("进行中") || n == QLatin1String("跟进中");
}
} // namespace

bool isClosingWord(const QString &n)
{
    return isWonWord(n) || isLostWord(n);
}

} // namespace cockpit::imports::detail

namespace cockpit::imports {

QString closingOfStage(const QString &name)
{
    const QString n = detail::normaliseName(name);
    return detail::isWonWord(n) ? QStringLiteral("won") : detail::isLostWord(n) ? QStringLiteral("lost") : QString();
}

} // namespace cockpit::imports

namespace cockpit::imports::detail {


bool Planner::planPipeline()
{
    const MappedPipeline &mp = m_request.mapping.pipeline;
    QSqlQuery q(m_db);
    auto loadStages = [&](qint64 pipelineId) {
        std::vector<PlannedStage> out;
        QSqlQuery s(m_db);
        s.prepare(QStringLiteral("SELECT id, name, name_en, code, terminal FROM pipeline_stages "
                                 "WHERE pipeline_id = ? AND deleted = 0 ORDER BY position"));
        s.addBindValue(pipelineId);
        if (s.exec())
            while (s.next())
                out.push_back({s.value(1).toString(), s.value(0).toLongLong(), s.value(4).toInt() != 0});
        return out;
    };
    if (mp.isSet()) {
        m_plan.pipelineCode = mp.code;
        m_plan.pipelineName = mp.name;
        std::vector<PlannedStage> wanted;
        for (const MappedStage &s : mp.stages)
            if (s.closing != QLatin1String("lost"))
                wanted.push_back({s.name, 0, s.closing == QLatin1String("won")});
        q.prepare(QStringLiteral("SELECT id, version FROM pipelines WHERE code = ? AND deleted = 0 ORDER BY version DESC LIMIT 1"));
        q.addBindValue(mp.code);
        if (!q.exec()) {
            m_plan.fatal = ImportPlan::tr("the database cannot be read: %1").arg(q.lastError().text());
            return false;
        }
        if (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            std::vector<PlannedStage> stored = loadStages(id);
            bool same = stored.size() == wanted.size();
            for (std::size_t i = 0; same && i < stored.size(); ++i)
                same = stored[i].name == wanted[i].name && stored[i].won == wanted[i].won;
            if (same) {
                m_plan.pipelineId = id;
                m_plan.stages = stored;
            } else {
                m_plan.pipelineVersion = q.value(1).toInt() + 1;
                m_plan.stages = wanted;
            }
        } else {
            m_plan.stages = wanted;
        }
        for (const MappedStage &s : mp.stages)
            m_stageByName.insert(normaliseName(s.name), -2);
        for (int i = 0; i < int(m_plan.stages.size()); ++i)
            m_stageByName.insert(normaliseName(m_plan.stages[i].name), i);
    } else {
        // No pipeline in the mapping: the existing one whose stages name most of the file's
        // stage values (read once ahead), by name, English name or code.
        QHash<QString, qint64> valueCounts;
        for (int f = 0; f < m_request.mapping.files.size(); ++f) {
            const FileMapping &fm = m_request.mapping.files.at(f);
            if (fm.entity != Entity::Leads)
                continue;
            TableSource src;
            if (!src.open(m_request.paths.at(f), fm.sourceOptions())) {
                m_plan.fatal = src.error();
                return false;
            }
            int col = -1;
            for (int c = 0; c < src.header().size(); ++c)
                if (ImportSchema::normaliseHeader(src.header().at(c)) == ImportSchema::normaliseHeader(fm.columns.value(QStringLiteral("stage"))))
                    col = c;
            // The first 5 000 rows decide (a second read of a whole 100 000-row workbook
            // cost more than a second).
            io::CsvRecord rec;
            for (int n = 0; col >= 0 && n < 5000 && src.next(rec); ++n) {
                QString v = rec.fields.value(col).trimmed();
                v = fm.values.value(QStringLiteral("stage")).value(v, v);
                ++valueCounts[normaliseName(v)];
            }
        }
        if (!q.exec(QStringLiteral("SELECT p.id, p.code, p.name, p.version FROM pipelines p WHERE p.deleted = 0 AND p.version = "
                                   "(SELECT max(version) FROM pipelines x WHERE x.code = p.code AND x.deleted = 0) ORDER BY p.id"))) {
            m_plan.fatal = ImportPlan::tr("the database cannot be read: %1").arg(q.lastError().text());
            return false;
        }
        qint64 best = 0, bestHits = -1;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            QSqlQuery s(m_db);
            s.prepare(QStringLiteral("SELECT name, name_en, code FROM pipeline_stages WHERE pipeline_id = ? AND deleted = 0"));
            s.addBindValue(id);
            qint64 hits = 0;
            if (s.exec())
                while (s.next())
                    for (int k = 0; k < 3; ++k)
                        hits += valueCounts.value(normaliseName(s.value(k).toString()));
            if (hits > bestHits) {
                best = id;
                bestHits = hits;
                m_plan.pipelineCode = q.value(1).toString();
                m_plan.pipelineName = q.value(2).toString();
            }
        }
        if (!best) {
            m_plan.fatal = ImportPlan::tr("the database has no pipeline for the leads, and the mapping brings none");
            return false;
        }
        m_plan.pipelineId = best;
        m_plan.stages = loadStages(best);
        QSqlQuery s(m_db);
        s.prepare(QStringLiteral("SELECT name, name_en, code FROM pipeline_stages WHERE pipeline_id = ? AND deleted = 0 ORDER BY position"));
        s.addBindValue(best);
        int i = 0;
        if (s.exec())
            while (s.next()) {
                for (int k = 0; k < 3; ++k)
                    m_stageByName.insert(normaliseName(s.value(k).toString()), i);
                ++i;
            }
    }
    for (int i = 0; i < int(m_plan.stages.size()); ++i) {
        if (m_plan.stages[i].won)
            m_wonStage = i;
        if (m_plan.stages[i].existing)
            m_stageByKey.insert(m_plan.stages[i].existing, i);
    }
    if (m_wonStage < 0 || m_plan.stages.empty()) {
        m_plan.fatal = ImportPlan::tr("the pipeline “%1” has no closing (won) stage").arg(m_plan.pipelineName);
        return false;
    }
    // A column dating a stage the pipeline does not have (a mapping written for another one).
    for (const FileMapping &fm : std::as_const(m_request.mapping.files))
        for (const auto &sd : fm.stageDates)
            if (fm.entity == Entity::Leads && !m_stageByName.contains(normaliseName(sd.first))) {
                QStringList names;
                for (const PlannedStage &st : m_plan.stages)
                    names << st.name;
                m_plan.fatal = ImportPlan::tr("the column “%1” dates the stage “%2”, which the pipeline “%3” does not have (%4)")
                                   .arg(sd.second, sd.first, m_plan.pipelineName, names.join(QStringLiteral(", ")));
                return false;
            }
    return true;
}

void Planner::planLeadRow(Row &row)
{
    PlannedLead l;
    l.file = row.file;
    l.line = row.line;
    l.externalId = externalId(row);
    if (repeatsId(row, l.externalId))
        return;

    // Stage and status.
    const QString stageText = value(row, QStringLiteral("stage"));
    const QString stageKey = normaliseName(stageText);
    int stage = m_stageByName.value(stageKey, -1);
    bool lost = stage == -2;
    bool won = stage == m_wonStage;
    if (stage == -1) {
        if (isWonWord(stageKey))
            stage = m_wonStage, won = true;
        else if (isLostWord(stageKey))
            lost = true;
        else if (stageText.isEmpty())
            return fail(row, QStringLiteral("stage"), stageText, ImportPlan::tr("a lead needs a stage"));
        else {
            QStringList names;
            for (const PlannedStage &s : m_plan.stages)
                names << s.name;
            return fail(row, QStringLiteral("stage"), stageText,
                                 ImportPlan::tr("not a stage of the pipeline “%1” (%2); match it to one of them")
                                     .arg(m_plan.pipelineName, names.join(QStringLiteral(", "))));
        }
    }
    const QString statusText = value(row, QStringLiteral("status"));
    if (!statusText.isEmpty()) {
        const QString s = normaliseName(statusText);
        if (isWonWord(s))
            won = true, lost = false, stage = m_wonStage;
        else if (isLostWord(s))
            lost = true, won = false;
        else if (!isOpenWord(s))
            return fail(row, QStringLiteral("status"), statusText, ImportPlan::tr("not a status (open, won, lost)"));
        else if (won || lost)
            return fail(row, QStringLiteral("status"), statusText, ImportPlan::tr("open, but its stage says it is closed"));
    }
    l.status = won ? QStringLiteral("won") : lost ? QStringLiteral("lost") : QStringLiteral("open");

    // Dates.
    const std::optional<qint64> created = date(row, QStringLiteral("created"), value(row, QStringLiteral("created")));
    std::optional<qint64> closed = date(row, QStringLiteral("closed"), value(row, QStringLiteral("closed")));
    const QString expected = value(row, QStringLiteral("expected_close"));
    if (const auto e = date(row, QStringLiteral("expected_close"), expected))
        l.expectedCloseDay = times::dayOf(*e);
    std::vector<std::pair<int, qint64>> stageDates; // stage index, at
    for (const auto &sd : row.mapping->stageDates) {
        const QString field = QStringLiteral("stage:") + sd.first;
        const QString text = row.fields->value(row.columnOf->value(field)).trimmed();
        const int index = m_stageByName.value(normaliseName(sd.first), -1);
        if (text.isEmpty() || index < 0)
            continue;
        const auto at = date(row, field, text);
        if (at)
            stageDates.push_back({index, *at});
    }
    if (!row.error.isEmpty())
        return;
    if (created) {
        for (const auto &sd : stageDates)
            if (sd.second < *created)
                return fail(row, QStringLiteral("created"), value(row, QStringLiteral("created")),
                            ImportPlan::tr("the lead enters stage “%1” before it was created").arg(m_plan.stages[sd.first].name));
        if (closed && *closed < *created)
            return fail(row, QStringLiteral("closed"), value(row, QStringLiteral("closed")), ImportPlan::tr("closes before it was created"));
    }
    for (const auto &sd : stageDates)
        if (closed && *closed < sd.second)
            return fail(row, QStringLiteral("closed"), value(row, QStringLiteral("closed")),
                        ImportPlan::tr("closes before it enters stage “%1”").arg(m_plan.stages[sd.first].name));
    qint64 earliest = created.value_or(0);
    for (const auto &sd : stageDates)
        if (!earliest || sd.second < earliest)
            earliest = sd.second;
    if (closed && (!earliest || *closed < earliest))
        earliest = *closed;
    if (created) {
        l.createdAt = creationOfDay(*created);
    } else if (earliest) {
        l.createdAt = creationOfDay(earliest);
        warn(row, QStringLiteral("created"), QString(), ImportPlan::tr("no creation date: created at its earliest date"));
    } else {
        l.createdAt = m_plan.now;
        warn(row, QStringLiteral("created"), QString(), ImportPlan::tr("no date at all: recorded as created at the time of the import"));
    }
    if (won || lost) {
        if (!closed) {
            qint64 last = l.createdAt;
            for (const auto &sd : stageDates)
                last = std::max(last, sd.second);
            closed = last;
            warn(row, QStringLiteral("closed"), QString(), ImportPlan::tr("closed, but no close date: closed at its latest date"));
        }
        l.closedAt = *closed;
    } else if (closed) {
        warn(row, QStringLiteral("closed"), value(row, QStringLiteral("closed")), ImportPlan::tr("an open lead with a close date: the date is not used"));
    }

    // Stage history: creation into the first stage, each dated stage in pipeline order, then won.
    std::sort(stageDates.begin(), stageDates.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    int at = m_firstStage;
    l.moves.push_back({-1, at, l.createdAt});
    for (const auto &sd : stageDates) {
        if (sd.first <= at || sd.first == m_wonStage)
            continue;
        l.moves.push_back({at, sd.first, sd.second});
        at = sd.first;
    }
    if (won) {
        if (at != m_wonStage)
            l.moves.push_back({at, m_wonStage, l.closedAt});
        at = m_wonStage;
    } else if (!lost && stage >= 0 && stage != at) {
        // An open lead in a later stage than its dates say: it moved there, when is unknown;
        // the move is dated at its latest known date.
        qint64 last = l.moves.back().at;
        l.moves.push_back({at, stage, last});
        at = stage;
        warn(row, QStringLiteral("stage"), stageText, ImportPlan::tr("no date for entering this stage: dated at its latest known date"));
    } else if (lost && stage >= 0 && stage != m_wonStage && stage != at) {
        // Lost from a named stage.
        l.moves.push_back({at, stage, l.moves.back().at});
        at = stage;
    }
    l.stage = at;

    // References.
    const QString customerCell = row.fields->value(row.columnOf->value(QStringLiteral("customer"), -1)).trimmed();
    const QString customerName = value(row, QStringLiteral("customer"));
    l.customer = findCustomer(customerName);
    if (!l.customer.isSet()) {
        if (customerName.isEmpty())
            return fail(row, QStringLiteral("customer"), customerName, ImportPlan::tr("a lead needs a customer"));
        if (!customerCell.isEmpty())
            return fail(row, QStringLiteral("customer"), customerName, ImportPlan::tr("no such customer (import the customers first)"));
        // The mapping's default for leads without a customer: one stand-in customer, shown.
        PlannedCustomer c;
        c.file = row.file;
        c.line = row.line;
        c.name = customerName;
        c.externalId = normaliseCompany(customerName);
        c.owner = RowRef::row(m_plan.actorKey);
        c.standIn = true;
        c.existing = storedKey(QStringLiteral("customers"), c.externalId);
        m_plan.customers.push_back(c);
        m_customers.insert(normaliseCompany(customerName), int(m_plan.customers.size() - 1));
        l.customer = RowRef::plan(int(m_plan.customers.size() - 1));
    }
    if (customerCell.isEmpty())
        warn(row, QStringLiteral("customer"), QString(), ImportPlan::tr("no customer: filed under “%1”, the mapping's default").arg(customerName));
    const QString ownerName = value(row, QStringLiteral("owner"));
    l.owner = findUser(row, QStringLiteral("owner"), ownerName, false);
    if (!ownerName.isEmpty() && !l.owner.isSet())
        return fail(row, QStringLiteral("owner"), ownerName, ImportPlan::tr("no such person (import the people first)"));
    if (ownerName.isEmpty())
        warn(row, QStringLiteral("owner"), QString(), ImportPlan::tr("no owner: the lead is unassigned"));
    const QString productName = value(row, QStringLiteral("product"));
    l.product = findProduct(row, QStringLiteral("product"), productName);
    if (!productName.isEmpty() && !l.product.isSet())
        return fail(row, QStringLiteral("product"), productName, ImportPlan::tr("no such product (import the products first)"));
    if (const auto a = money(row, QStringLiteral("amount"), value(row, QStringLiteral("amount"))))
        l.amountCents = *a;
    if (l.amountCents < 0)
        return fail(row, QStringLiteral("amount"), value(row, QStringLiteral("amount")), ImportPlan::tr("a lead's amount cannot be negative"));
    if (!row.error.isEmpty())
        return;
    l.lostReason = value(row, QStringLiteral("lost_reason"));
    l.campaign = value(row, QStringLiteral("source_campaign"));
    l.title = value(row, QStringLiteral("title"));
    if (l.title.isEmpty()) {
        QStringList parts;
        parts << customerName;
        if (!productName.isEmpty())
            parts << (l.product.planned >= 0 ? m_plan.products[l.product.planned].name : productName);
        l.title = parts.join(QStringLiteral(" · "));
    }
    l.existing = storedKey(QStringLiteral("leads"), l.externalId);
    l.given = row.given;
    rememberId(row, l.externalId);
    if (m_linkLeads) {
        const std::size_t index = m_plan.leads.size();
        m_leadsByExternalId.insert(l.externalId, quint32(index));
        m_leadLinks.resize(index + 1);
        m_leadLinks[index] = {l.existing, l.createdAt, l.customer};
    }
    m_plan.leads.push_back(std::move(l));
}

} // namespace cockpit::imports::detail
