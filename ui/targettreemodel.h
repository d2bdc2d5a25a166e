#pragma once
// The Targets tab's tree company → region → city → rep (targets/targetdata.h's TargetsView):
// one row per node under the scope's root, columns target … mismatch. Read-only for the view;
// an edit of the Target column is handed to the tab (editRequested), which puts it on the
// undo stack and tells the model the nodes that changed (nodesChanged: precise dataChanged).
#include "targets/targetdata.h"

#include <QAbstractItemModel>

#include <memory>

namespace cockpit::ui {

class TargetTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Target, Tier, Growth, Correction, Proposal, Collected, Attainment, Mismatch, ColumnCount };
    enum Role { NodeRole = Qt::UserRole + 1, CentsRole, RagRole };

    explicit TargetTreeModel(QObject *parent = nullptr);

    // The view to show (kept by the caller, alive while shown) and the top-level nodes (the
    // scope's node, or a team's reps). Resets the model.
    // The model keeps `view` alive for as long as it shows it: a view may still ask for rows
    // while the screen that handed it over is being destroyed (its window closes then).
    void setView(std::shared_ptr<const targets::TargetsView> view, const QVector<int> &roots);
    // These nodes' figures changed in the view (an edit, an undo).
    void nodesChanged(const QVector<int> &nodes);

    int nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(int node, int column = Name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // The user typed `text` as node's target (not yet parsed).
    void editRequested(int node, const QString &text);

private:
    const QVector<int> &childrenOf(int node) const; // node -1: the roots
    QString tooltip(int node, int column) const;

    std::shared_ptr<const targets::TargetsView> m_view;
    QVector<int> m_roots;
    QVector<int> m_row; // per node: its row under its shown parent (-1: not shown)
    QVector<bool> m_isRoot;
};

} // namespace cockpit::ui
