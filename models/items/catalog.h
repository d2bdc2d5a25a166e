#pragma once
// What the leads and customers screens show, held once in compact column arrays
// (storage::CatalogData) and kept current: after any committed write (an edit, or a page a
// background pull applied on its own connection), storage announces the changed ids and the
// catalog re-reads those rows and says which rows changed. A lead or customer it did not
// know (inserted elsewhere) is appended; a tombstoned or deleted one stays in the arrays
// marked deleted (row numbers never shift under the views) and the filter models hide it.
#include "storage/bulkload.h"
#include "storage/changes.h"
#include "pinyin/pinyinindex.h"

#include <QHash>
#include <QSet>
#include <QObject>

#include <vector>

namespace cockpit::storage {
class Database;
}

namespace cockpit {

class Catalog : public QObject
{
    Q_OBJECT
public:
    explicit Catalog(storage::Database &db, QObject *parent = nullptr);

    // Loads synchronously (tests, command line).
    bool load(QString *error);
    // Takes data loaded elsewhere (the UI loads on a worker thread).
    void adopt(storage::CatalogData &&data);
    bool isLoaded() const { return m_loaded; }
    // False while only the first screen (a preview of the newest leads) is held.
    bool isComplete() const { return m_data.complete; }
    qint64 totalLeads() const { return m_data.totalLeads; }
    qint64 totalCustomers() const { return m_data.totalCustomers; }
    // Leads and customers held and not deleted.
    qint64 liveLeads() const;
    qint64 liveCustomers() const;

    const storage::CatalogData &data() const { return m_data; }
    const storage::CatalogIndex &index() const { return m_data.index; }
    storage::Database &database() const { return m_db; }

    // A lead or customer made here whose insert the team server refused (an open conflict):
    // it is in this file only, and the lists mark it.
    bool leadNotOnServer(int row) const;
    bool customerNotOnServer(int row) const;

    // Names shown for data that has a Chinese and an English form (pipelines, stages).
    void setEnglishNames(bool english) { m_english = english; }
    bool englishNames() const { return m_english; }
    QString regionName(int i) const;
    QString cityName(int i) const;
    QString teamName(int i) const;
    QString userName(int i) const;
    QString stageName(int i) const;
    QString pipelineName(int i) const;
    int pipelineOfStage(int stage) const;
    // Stages of one pipeline in order.
    std::vector<int> stagesOf(int pipeline) const;
    int nextStage(int stage) const; // -1 at the end

    // Pinyin/alias search over customer names and user names, built on first use.
    const PinyinIndex &customerSearch() const;
    const PinyinIndex &userSearch() const;
    // Lead titles repeat a lot (product names): search runs once per distinct title, and
    // each lead looks up its title's flag. leadTitleIds()[lead] indexes titleSearch().
    const PinyinIndex &titleSearch() const;
    const std::vector<int> &leadTitleIds() const;
    // Pinyin sort ranks (0..n-1) of customers and users, built on first use.
    const std::vector<int> &customerSortRank() const;
    const std::vector<int> &userSortRank() const;

Q_SIGNALS:
    void loaded();
    void leadRowChanged(int row);
    void leadRowsInserted(int first, int last);
    void customerRowChanged(int row);
    void customerRowsInserted(int first, int last);

private:
    void onChanges(const storage::ChangeSet &changes);
    void onLeadChanged(const QString &id);
    void onLeadsChanged(const QStringList &ids);
    void onRowsDeleted(const storage::TableChange &change);
    void refreshNotOnServer(bool announce); // announce: the rows whose mark changed
    void onCustomerAdded(const QString &id);
    void onCustomerChanged(const QString &id);

    storage::Database &m_db;
    storage::CatalogData m_data;
    bool m_loaded = false;
    // Rows edited while a preview was shown: re-read after the full data arrives, in case
    // the full load's snapshot began before the edit.
    QStringList m_changedDuringPreview, m_addedDuringPreview, m_changedCustomersDuringPreview;
    bool m_english = false;
    QSet<QString> m_leadsNotOnServer, m_customersNotOnServer; // ids
    void buildTitles() const;
    int titleId(const QString &title) const;

    mutable PinyinIndex m_customerSearch, m_userSearch, m_titleSearch;
    mutable bool m_customerSearchBuilt = false, m_userSearchBuilt = false, m_titlesBuilt = false;
    mutable std::vector<int> m_leadTitle;
    mutable QHash<QString, int> m_titleIds;
    mutable std::vector<int> m_customerRank, m_userRank;
};

} // namespace cockpit
