#pragma once
// Saves a target tree to the targets table: one transaction holding every changed row and its
// outbox entry (storage/outbox.h), like the other edited tables (leadrepository.h), then the
// change is announced. A row is written only when it differs from the file's; new nodes get a
// row. Approving needs every level to sum to the level above; a draft may be saved with
// mismatches (the screen flags them). A node's external correction keeps its reason
// (targets.correction_reason, schema v8): a correction set or changed without one is refused,
// naming the node; one an older file or an import already held without a reason is kept as
// it is until someone changes it (refusing it would block every other edit of the tree). A
// node without a correction is saved with the reason ''.
#include "targets/targettree.h"

#include <QCoreApplication>
#include <QString>

namespace cockpit::storage {
class Database;
}

namespace cockpit::targets {

struct TargetSaveResult
{
    bool ok = false;
    QString error;    // translated, names the node
    int written = 0;  // rows inserted or updated
    TargetTree saved; // the tree with its row ids, versions and status as now stored
};

class TargetRepository
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::targets::TargetRepository)
public:
    explicit TargetRepository(storage::Database &db) : m_db(db) {}
    // status: "draft" or "approved".
    TargetSaveResult save(const TargetTree &tree, const QString &status, const TargetSettings &s = {});

private:
    storage::Database &m_db;
};

} // namespace cockpit::targets
