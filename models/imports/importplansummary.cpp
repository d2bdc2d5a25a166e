// What a plan says to a person (importplan.h): issue texts, the preview's lines, and the error
// file of refused rows.
#include "imports/importplan.h"

#include "imports/importcolumns.h"
#include "imports/importplanner.h"
#include "domain/times.h"
#include "io/tablewriter.h"
#include "io/values.h"
#include "pinyin/pinyin.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace cockpit::imports {

QString ImportIssue::text(const QString &fileName) const
{
    QString where = fileName;
    if (line > 0)
        where += tr(", line %1").arg(line);
    if (!column.isEmpty())
        where += tr(", column %1").arg(column);
    if (!value.isNull())
        where += tr(", value \"%1\"").arg(value);
    return where + QStringLiteral(": ") + reason;
}

qint64 ImportPlan::refusedRows() const
{
    qint64 n = 0;
    for (const FilePlan &f : files)
        n += f.counts.refused;
    return n;
}

qint64 ImportPlan::warningCount() const
{
    return issues.warnings();
}

void ImportIssues::push_back(const ImportIssue &issue)
{
    if (issue.error) {
        ++m_errors;
        if (m_keptErrors < kKept) {
            ++m_keptErrors;
            m_kept.push_back(issue);
        }
        return;
    }
    ++m_warnings;
    if (m_keptWarnings < kKept) {
        ++m_keptWarnings;
        m_kept.push_back(issue);
    }
    // Grouped by file, column and reason; past kGroups reasons (texts that name each row's
    // value), the rest of a file's warnings are counted together.
    QString key = QString::number(issue.file) + QLatin1Char('\n') + issue.column + QLatin1Char('\n') + issue.reason;
    auto it = m_groupOf.constFind(key);
    if (it == m_groupOf.cend() && m_groups.size() >= std::size_t(kGroups)) {
        key = QString::number(issue.file) + QStringLiteral("\n\n");
        it = m_groupOf.constFind(key);
    }
    if (it == m_groupOf.cend()) {
        Group g;
        g.file = issue.file;
        const bool other = m_groups.size() >= std::size_t(kGroups);
        g.column = other ? QString() : issue.column;
        g.reason = other ? tr("other warnings") : issue.reason;
        it = m_groupOf.insert(key, int(m_groups.size()));
        m_groups.push_back(std::move(g));
    }
    Group &g = m_groups[std::size_t(*it)];
    ++g.count;
    if (g.lines.size() < std::size_t(kGroupLines))
        g.lines.push_back(issue.line);
}

QStringList ImportPlan::summaryLines() const
{
    QStringList out;
    for (const FilePlan &f : files) {
        out << tr("%1 (%2) → %3: %4 rows: %5 new, %6 updated, %7 unchanged, %8 skipped, %9 refused")
                   .arg(QFileInfo(f.path).fileName() + (f.mapping.sheet.isEmpty() ? QString() : QStringLiteral(" › ") + f.mapping.sheet),
                        f.description, ImportSchema::entityLabel(f.mapping.entity))
                   .arg(f.counts.rows).arg(f.counts.created).arg(f.counts.updated).arg(f.counts.unchanged)
                   .arg(f.counts.skipped).arg(f.counts.refused);
        if (!f.keyNote.isEmpty())
            out << QStringLiteral("  ") + f.keyNote;
    }
    auto names = [](const std::vector<PlannedUnit> &units) {
        QStringList n;
        for (const PlannedUnit &u : units)
            n << u.name;
        return n.join(QStringLiteral(", "));
    };
    if (!regions.empty())
        out << tr("creates %n region(s): %1", nullptr, int(regions.size())).arg(names(regions));
    if (!cities.empty())
        out << tr("creates %n city/cities: %1", nullptr, int(cities.size())).arg(names(cities));
    if (!teams.empty())
        out << tr("creates %n team(s): %1", nullptr, int(teams.size())).arg(names(teams));
    const qint64 people = std::count_if(users.begin(), users.end(), [](const PlannedUser &u) { return u.action == RowAction::Create; });
    if (people > 0)
        out << tr("creates %n person/people", nullptr, int(people));
    if (!leads.empty() && !stages.empty()) {
        QStringList s;
        for (const PlannedStage &st : stages)
            s << st.name;
        out << (pipelineId ? tr("leads go into the pipeline “%1” (%2)").arg(pipelineName, s.join(QStringLiteral(" → ")))
                : pipelineVersion > 1
                    ? tr("creates a new version (%2) of the pipeline “%1”, whose stages differ: %3; its leads so far stay "
                         "on the version they are on").arg(pipelineName).arg(pipelineVersion).arg(s.join(QStringLiteral(" → ")))
                    : tr("creates the pipeline “%1”, version %2: %3").arg(pipelineName).arg(pipelineVersion).arg(s.join(QStringLiteral(" → "))));
        out << tr("imported stage moves are recorded as they happened, not checked against stage gates "
                  "(gates hold for moves made in the app)");
    }
    // The currency, when a file has money in it.
    bool money = false;
    for (const FilePlan &f : files)
        for (const FieldDef &d : ImportSchema::fields(f.mapping.entity))
            money = money || (d.type == FieldType::Money && (f.mapping.columns.contains(d.code) || f.mapping.defaults.contains(d.code)));
    if (setCurrency && money)
        out << tr("money is in %1: the company's currency becomes %1").arg(currency);
    else if (!currency.isEmpty() && money)
        out << tr("money is in %1").arg(currency);
    return out;
}

QStringList ImportPlan::warningLines(int firstLines) const
{
    // Grouped by file and reason, in the order first seen (ImportIssues counts them all).
    QStringList out;
    for (const ImportIssues::Group &g : issues.warningGroups()) {
        QStringList lines;
        for (std::size_t i = 0; i < g.lines.size() && int(i) < firstLines; ++i)
            lines << QString::number(g.lines[i]);
        const QString file = g.file >= 0 && g.file < files.size() ? QFileInfo(files.at(g.file).path).fileName() : QString();
        out << tr("%1: %2 (%n row(s); first at line %3)", nullptr, int(g.count))
                   .arg(file, (g.column.isEmpty() ? QString() : g.column + QStringLiteral(": ")) + g.reason,
                        lines.join(QStringLiteral(", ")));
    }
    return out;
}

RejectedRow::RejectedRow(qint64 line, const QStringList &fields, const QString &reason) : line(line), reason(reason)
{
    qsizetype size = 0;
    for (const QString &f : fields)
        size += 2 + f.size();
    m_cells.reserve(size);
    for (const QString &f : fields) {
        const auto n = quint32(f.size());
        m_cells += QChar(char16_t(n >> 16));
        m_cells += QChar(char16_t(n & 0xFFFF));
        m_cells += f;
    }
}

QStringList RejectedRow::fields() const
{
    QStringList out;
    for (qsizetype at = 0; at + 1 < m_cells.size();) {
        const qsizetype n = (qsizetype(m_cells.at(at).unicode()) << 16) | m_cells.at(at + 1).unicode();
        out << m_cells.mid(at + 2, n);
        at += 2 + n;
    }
    return out;
}

qsizetype RejectedRow::fieldCount() const
{
    qsizetype count = 0;
    for (qsizetype at = 0; at + 1 < m_cells.size(); ++count)
        at += 2 + ((qsizetype(m_cells.at(at).unicode()) << 16) | m_cells.at(at + 1).unicode());
    return count;
}

QStringList writeErrorFiles(const ImportPlan &plan, const QString &path, QString *error)
{
    QStringList written;
    int withRefusals = 0;
    for (const FilePlan &f : plan.files)
        withRefusals += !f.rejected.empty();
    const QFileInfo target(path);
    const bool xlsx = target.suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0;
    for (const FilePlan &f : plan.files) {
        if (f.rejected.empty())
            continue;
        QString out = path;
        if (withRefusals > 1)
            out = target.path() + QLatin1Char('/') + target.completeBaseName() + QLatin1Char('-')
                  + QFileInfo(f.path).completeBaseName() + (f.mapping.sheet.isEmpty() ? QString() : QLatin1Char('-') + f.mapping.sheet)
                  + QLatin1Char('.') + (target.suffix().isEmpty() ? QStringLiteral("csv") : target.suffix());
        // The rows as they were, every cell as text (a spreadsheet formula neutralised by the
        // writer; the importer reads such a cell back as written), then why it was refused.
        io::ExportTable table;
        table.title = QFileInfo(f.path).completeBaseName();
        qsizetype width = f.header.size();
        for (const RejectedRow &r : f.rejected)
            width = std::max(width, r.fieldCount());
        for (qsizetype c = 0; c < width; ++c)
            table.columns << io::ExportColumn(f.header.value(c));
        table.columns << io::ExportColumn(ImportPlan::tr("reason"));
        const io::RowSource rows = [&](qsizetype i, QVariantList &cells) {
            if (i >= qsizetype(f.rejected.size()))
                return false;
            const RejectedRow &r = f.rejected[std::size_t(i)];
            const QStringList fields = r.fields();
            for (qsizetype c = 0; c < width; ++c)
                cells << fields.value(c);
            cells << ImportPlan::tr("line %1: %2").arg(r.line).arg(r.reason);
            return true;
        };
        io::ExportOptions options;
        options.totalRows = qsizetype(f.rejected.size());
        const io::ExportResult result = xlsx ? io::TableWriter::writeXlsx(out, table, rows, options)
                                             : io::TableWriter::writeCsv(out, table, rows, options);
        if (!result.ok) {
            *error = ImportPlan::tr("cannot write the error file %1: %2").arg(out, result.error);
            return written;
        }
        written << out;
    }
    return written;
}

} // namespace cockpit::imports
