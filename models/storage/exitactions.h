#pragma once
// stage_history.exit_actions (schema v3): for each stage move, the activity kinds done on its
// lead while the lead sat in the stage this move leaves, kept on write so that rep and team
// health read the stage exits alone instead of searching the activities per exit (DESIGN §5,
// standard-action compliance).
//
// The window a move closes is [entered, at): `entered` is the time of the lead's latest move
// strictly before this one (any move, also a deleted one); a move with no earlier move has no
// known entry and gets 0. An activity counts when it is a sales action (direction 'sales':
// a customer's own call or message is not the rep's, DESIGN §5), is not deleted, names the
// lead and its `at` lies in the window, compared as stored text, as SQL compares it. Bit i stands for
// knownActivityKinds()[i]; a kind outside that list sets no bit.
//
// Every writer of activities or stage moves calls refreshExitActions() for the leads it
// touched, inside its own transaction: LeadRepository::moveStage, the demo generator, the
// migration to v3; the importer and the sync's pull will.
#include <QString>
#include <QStringList>
#include <QStringView>

struct sqlite3;

namespace cockpit::storage {

// 1 << the kind's place in knownActivityKinds(), or 0 for another kind.
quint32 activityKindBit(QStringView kind);

// The kinds of a mask's bits, in knownActivityKinds() order.
QStringList activityKindsOfMask(quint32 mask);

// The rule the stored masks follow, kept in settings under kExitActionsRuleKey: 2 = sales
// actions only (1, unset: any direction). Opening a file whose masks follow an older rule
// recomputes them once (Database::open), without a schema change.
inline constexpr int kExitActionsRule = 2;
inline constexpr const char kExitActionsRuleKey[] = "exit_actions_rule";

// Recomputes exit_actions of every stage move (leadIds empty) or of the named leads' moves,
// writing only the rows whose value changes. Returns the rows written, or -1 with *error.
// Runs in the caller's transaction if there is one.
qint64 refreshExitActions(sqlite3 *db, const QStringList &leadIds, QString *error);

// How many stage moves' stored exit_actions differ from the definition (a row written
// behind the app's back, say in the sqlite3 shell), without writing: what `check` reports.
// -1 with *error when the tables cannot be read.
qint64 staleExitActions(sqlite3 *db, QString *error);

} // namespace cockpit::storage
