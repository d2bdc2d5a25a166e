#pragma once
// A small table of results: what `report` prints (CSV/JSON), what the CSV export writes and
// what a drill-down shows. Values are typed (int, qint64, double, QString, QDate); money is
// integer cents and is labelled so in the column name ("amount_cents").
#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace cockpit::analytics {

struct DataTable
{
    QString title;            // e.g. "Stage conversion, Q3 2026, 华东"
    QStringList columns;      // machine names, snake_case (CSV/JSON keys)
    QStringList headers;      // translated display headers; empty → columns
    QList<QVariantList> rows;
    // For drill-downs: which column holds the id of the row's subject and what it is
    // ("lead", "customer", "activity", "store", "user"); -1 = none.
    int keyColumn = -1;
    QString keyKind;
    // The currency (ISO 4217) of its *_cents columns, for exports that label money with its
    // unit; empty when it has none.
    QString currency;
    // What leaves the file names rows by their global ids (storage/keys.h): for an id column,
    // the UUID of each local key in it. toCsv/toJson write it in place of the key (an empty
    // cell for a key it does not list); the table on screen keeps the keys it navigates by.
    QHash<int, QHash<QString, QString>> exportIds;
    QVariant exportValue(int row, int column) const;

    QString header(int column) const;
    int columnIndex(const QString &name) const; // -1 when absent
};

// RFC 4180 CSV: header row of column names, UTF-8, CRLF, quotes doubled, numbers unquoted.
// Doubles print with up to 4 decimals, dates as ISO.
QByteArray toCsv(const DataTable &table);
// {"title":…, "columns":[…], "rows":[{column: value, …}, …]}
QByteArray toJson(const DataTable &table);
// Writes CSV to `path` (atomically, QSaveFile); false with *error naming the file otherwise.
bool writeCsv(const DataTable &table, const QString &path, QString *error = nullptr);

// Read-only view of a DataTable for QTableView (sortable through a proxy: the sort role
// gives the typed value, the display role formatted text, money in 元 for *_cents columns).
class DataTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, KeyRole };
    explicit DataTableModel(QObject *parent = nullptr);
    void setTable(DataTable table);
    const DataTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    DataTable m_table;
};

// Display text of one value: thousands separators, money columns (*_cents) as 元 with two
// decimals, ratios (*_pct) with one decimal and a % sign, timestamps (*_at, UTC ISO-8601)
// in local time "yyyy-MM-dd HH:mm".
QString displayValue(const QString &column, const QVariant &value);

} // namespace cockpit::analytics
