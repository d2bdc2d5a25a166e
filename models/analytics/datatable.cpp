#include "analytics/datatable.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

namespace cockpit::analytics {

QString DataTable::header(int column) const
{
    if (column >= 0 && column < headers.size() && !headers.at(column).isEmpty())
        return headers.at(column);
    return columns.value(column);
}

int DataTable::columnIndex(const QString &name) const { return int(columns.indexOf(name)); }

namespace {
QString csvField(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return {};
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QString::number(v.toLongLong());
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::Double: {
        QString s = QString::number(v.toDouble(), 'f', 4);
        while (s.contains(QLatin1Char('.')) && (s.endsWith(QLatin1Char('0')) || s.endsWith(QLatin1Char('.'))))
            s.chop(1);
        return s;
    }
    case QMetaType::QDate:
        return v.toDate().toString(Qt::ISODate);
    default: break;
    }
    QString s = v.toString();
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))
        || s.contains(QLatin1Char('\r'))) {
        s.replace(QLatin1Char('"'), QLatin1String("\"\""));
        s = QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

QJsonValue jsonValue(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return QJsonValue::Null;
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QJsonValue(v.toLongLong());
    case QMetaType::Bool:
        return QJsonValue(v.toBool());
    case QMetaType::Double:
        return QJsonValue(v.toDouble());
    case QMetaType::QDate:
        return QJsonValue(v.toDate().toString(Qt::ISODate));
    default: break;
    }
    return QJsonValue(v.toString());
}
} // namespace

QVariant DataTable::exportValue(int row, int column) const
{
    const QVariant v = rows.value(row).value(column);
    const auto ids = exportIds.constFind(column);
    if (ids == exportIds.cend() || v.isNull())
        return v;
    return ids->value(v.toString());
}

QByteArray toCsv(const DataTable &table)
{
    QString out;
    QStringList fields;
    for (const QString &c : table.columns)
        fields << csvField(c);
    out += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (int r = 0; r < table.rows.size(); ++r) {
        fields.clear();
        for (int c = 0; c < table.columns.size(); ++c)
            fields << csvField(table.exportValue(r, c));
        out += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return out.toUtf8();
}

QByteArray toJson(const DataTable &table)
{
    QJsonArray rows;
    for (int r = 0; r < table.rows.size(); ++r) {
        QJsonObject o;
        for (int c = 0; c < table.columns.size(); ++c)
            o.insert(table.columns.at(c), jsonValue(table.exportValue(r, c)));
        rows.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("title"), table.title);
    root.insert(QStringLiteral("columns"), QJsonArray::fromStringList(table.columns));
    root.insert(QStringLiteral("rows"), rows);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool writeCsv(const DataTable &table, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("cockpit::analytics::DataTable", "Could not write \"%1\": %2")
                         .arg(path, f.errorString());
        return false;
    }
    f.write("\xEF\xBB\xBF"); // BOM: Excel then reads the Chinese names as UTF-8
    f.write(toCsv(table));
    if (!f.commit()) {
        if (error)
            *error = QCoreApplication::translate("cockpit::analytics::DataTable", "Could not write \"%1\": %2")
                         .arg(path, f.errorString());
        return false;
    }
    return true;
}

QString displayValue(const QString &column, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QStringLiteral("—");
    const QLocale locale;
    if (column.endsWith(QLatin1String("_cents")))
        return locale.toString(value.toLongLong() / 100.0, 'f', 2);
    if (column.endsWith(QLatin1String("_at")) && value.typeId() == QMetaType::QString) {
        // Stored timestamps are UTC ISO-8601; people read them in their own time.
        QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODate);
        if (t.isValid()) {
            if (t.timeSpec() == Qt::LocalTime)
                t.setTimeSpec(Qt::UTC);
            return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
    }
    if (column.endsWith(QLatin1String("_pct")))
        return locale.toString(value.toDouble(), 'f', 1) + QLatin1Char('%');
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return locale.toString(value.toLongLong());
    case QMetaType::Double:
        return locale.toString(value.toDouble(), 'f', 2);
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::Bool: // people read yes / no, not true / false
        return value.toBool() ? QCoreApplication::translate("DataTable", "yes")
                              : QCoreApplication::translate("DataTable", "no");
    default: break;
    }
    return value.toString();
}

DataTableModel::DataTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void DataTableModel::setTable(DataTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int DataTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int DataTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant DataTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_table.rows.size())
        return {};
    const QVariant v = m_table.rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole: return displayValue(m_table.columns.value(index.column()), v);
    case Qt::ToolTipRole: return v.toString();
    case SortRole: return v;
    case KeyRole:
        return m_table.keyColumn >= 0 ? m_table.rows.at(index.row()).value(m_table.keyColumn) : QVariant();
    case Qt::TextAlignmentRole: {
        const int t = v.typeId();
        const bool numeric = t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::Double
                             || t == QMetaType::UInt || t == QMetaType::ULongLong;
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    default: break;
    }
    return {};
}

QVariant DataTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_table.header(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace cockpit::analytics
