#include "revisiondialog.h"

#include "widgethelpers.h"
#include "domain/money.h"
#include "forecast/forecastassembly.h"
#include "forecast/forecastview.h"
#include "forecast/revisions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace cockpit::ui {

namespace {
QString periodKindKey(analytics::PeriodKind k)
{
    switch (k) {
    case analytics::PeriodKind::Month: return QStringLiteral("month");
    case analytics::PeriodKind::Quarter: return QStringLiteral("quarter");
    case analytics::PeriodKind::Year: return QStringLiteral("year");
    default: return {};
    }
}
} // namespace

RevisionDialog::RevisionDialog(storage::Database &db, const forecast::ForecastView &view, qint64 nowSecs, QWidget *parent)
    : QDialog(parent), m_db(db), m_scope(view.scope), m_p50(view.sim.p50), m_p10(view.sim.p10), m_p90(view.sim.p90),
      m_confidence(int(std::lround(view.sim.confidence * 100))), m_now(nowSecs)
{
    setObjectName(QStringLiteral("revisionDialog"));
    setWindowTitle(tr("Revise forecast"));
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(tr("%1 · %2: the forecast is %3 (P10–P90 %4–%5).")
                                .arg(view.scope.period.label(), view.orgName, forecast::shortMoney(m_p50, view.currency),
                                     forecast::shortMoney(m_p10, view.currency), forecast::shortMoney(m_p90, view.currency)),
                            this);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto *form = new QFormLayout;
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("revisionValue"));
    m_value->setPlaceholderText(tr("e.g. 820000 or 82万"));
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("revisionReason"));
    m_reason->setEditable(true);
    m_reason->addItems(view.revisionReasons);
    m_reason->setCurrentIndex(-1);
    m_reason->setToolTip(tr("Pick a reason code, or type a new one: it joins the list once a revision uses it."));
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("revisionNote"));
    m_note->setPlaceholderText(tr("What changed, and what you know that the forecast does not"));
    m_note->setMaximumHeight(90);
    form->addRow(tr("Revised &value:"), m_value);
    form->addRow(tr("&Reason code:"), m_reason);
    form->addRow(tr("&Note:"), m_note);
    layout->addLayout(form);
    auto *immutable = new QLabel(tr("A saved revision cannot be changed or deleted: it stays beside the forecast it revises."), this);
    immutable->setWordWrap(true);
    layout->addWidget(immutable);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("revisionError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool RevisionDialog::save()
{
    const auto refuse = [this](QWidget *field, const QString &message) {
        m_error->setText(message);
        m_error->show();
        if (field) {
            setInvalid(field, true);
            field->setFocus();
        }
        return false;
    };
    setInvalid(m_value, false);
    const std::optional<qint64> cents = parseCny(m_value->text());
    if (!cents)
        return refuse(m_value, tr("Revised value: \"%1\" is not an amount (e.g. 820000, 82万 or ¥820,000).").arg(m_value->text()));
    forecast::RevisionRequest r;
    r.periodKind = periodKindKey(m_scope.period.kind);
    r.periodStartDay = analytics::dayNumber(m_scope.period.first);
    r.org = m_scope.org;
    r.p50Cents = m_p50;
    r.p10Cents = m_p10;
    r.p90Cents = m_p90;
    r.confidencePct = m_confidence;
    r.newValueCents = *cents;
    r.reason = m_reason->currentText();
    r.note = m_note->toPlainText();
    const forecast::RevisionResult result = forecast::RevisionRepository(m_db).save(r, m_now);
    if (!result.ok)
        return refuse(nullptr, result.error);
    return true;
}

} // namespace cockpit::ui
