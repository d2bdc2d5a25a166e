#pragma once
// All leads, one row each, in catalog order. Reads the catalog's column arrays: no query
// per cell. Sorting and filtering happen in LeadFilterModel on the same arrays.
#include <QAbstractTableModel>
#include <QLocale>

namespace cockpit {

class Catalog;

class LeadTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        CustomerColumn,
        TitleColumn,
        OwnerColumn,
        RegionColumn,
        CityColumn,
        TeamColumn,
        PipelineColumn,
        StageColumn,
        StatusColumn,
        AmountColumn,
        ProbabilityColumn,
        ExpectedCloseColumn,
        DaysInStageColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // the lead's UUID
        StatusRole,                // "open" / "won" / "lost"
        OverdueRole,               // true when the lead is open and over its stage SLA
        // The cell as a typed value, for exports: amount in cents (qint64), probability as a
        // fraction (0.25), expected close a QDate, days in stage a double, updated a UTC
        // QDateTime; empty where the cell is empty; the other columns their display text.
        ValueRole,
        NotOnServerRole, // true for a new lead the team server refused (only in this file)
    };

    explicit LeadTableModel(Catalog &catalog, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Catalog &catalog() const { return m_catalog; }
    // "Now" for days-in-stage and overdue: injectable so tests and screenshots are stable.
    void setNow(qint64 epochSeconds) { m_now = epochSeconds; }
    qint64 now() const;
    int rowOfId(const QString &id) const;

private:
    Catalog &m_catalog;
    QLocale m_locale;
    qint64 m_now = 0;
    int m_rows = 0;
};

} // namespace cockpit
