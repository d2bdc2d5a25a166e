#pragma once
// What people read about an alert: the rule's name, its state, a one-line summary and the
// details (the silence alert's last customer quotes, the reps of a duplicate touch …).
// Details are stored as JSON by the evaluator and rendered here, translated; older demo
// alerts carry plain text, shown as it is.
#include "alerts/alertstore.h"

#include <QString>

namespace cockpit::alerts {

QString ruleLabel(const QString &rule);
QString statusLabel(AlertStatus status);
// e.g. "Stage SLA: 博世 质检系统 — in 15分钟初筛 longer than 2 h".
QString alertSummary(const AlertRecord &alert);
// The rule-specific part of the summary alone ("in 15分钟初筛 longer than 2 h"), from the stored
// details (JSON of the evaluator, or a demo alert's plain text).
QString detailsSummary(const QString &rule, const QString &details);
// Several lines: the summary's facts, who it is addressed to, the quotes or reps, the owner
// who left, the history (acknowledged / escalated / resolved with who and when).
QString alertDetailsText(const AlertRecord &alert);
// "2 h", "5 d", "90 min".
QString durationText(qint64 minutes);

} // namespace cockpit::alerts
