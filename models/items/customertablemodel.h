#pragma once
// All customers, one row each, in catalog order, read from the catalog's arrays.
#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>

#include <vector>

namespace cockpit {

class Catalog;

class CustomerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        AliasesColumn,
        IndustryColumn,
        SizeColumn,
        RegionColumn,
        CityColumn,
        OwnerColumn,
        SourceColumn,
        PhoneColumn,
        OpenLeadsColumn,
        CreatedColumn,
        ValueScoreColumn,  // DESIGN.md §5 "Customers": set by setScores(), computed off the thread
        HealthScoreColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        // The cell as a typed value, for exports: created a UTC QDateTime, open leads an int;
        // the other columns their display text.
        ValueRole,
        NotOnServerRole, // true for a new customer the team server refused (only in this file)
    };

    explicit CustomerTableModel(Catalog &catalog, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Catalog &catalog() const { return m_catalog; }
    // Open leads per customer row (counted once per load and on lead changes).
    int openLeads(int row) const;

    // The value and health scores (0–100) by customer id; a health without data is NaN.
    // Customers not in `byId` show no score. `asOf`: the day they were computed for.
    struct Scores
    {
        double value = 0, health = 0;
    };
    void setScores(const QHash<QString, Scores> &byId, const QString &asOf);
    bool hasScores() const { return m_scoresSet; }
    // NaN when the row has no score (not computed yet, or no data for health).
    double valueScore(int row) const;
    double healthScore(int row) const;

private:
    void countOpenLeads();
    void mapScores(int fromRow);
    void recountOpenLeads(int customer);

    Catalog &m_catalog;
    QLocale m_locale;
    int m_rows = 0;
    std::vector<int> m_openLeads;
    QHash<QString, Scores> m_byId;
    std::vector<float> m_value, m_health; // by row; NaN: none
    bool m_scoresSet = false;
    QString m_scoresAsOf;
};

} // namespace cockpit
