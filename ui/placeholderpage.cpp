#include "placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cockpit::ui {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &whatItWillShow, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto *status = new QLabel(tr("Not built yet. This screen comes in a later release; until then it "
                                 "shows nothing rather than numbers that are not real."), this);
    status->setWordWrap(true);
    auto *plan = new QLabel(tr("What it will show: %1").arg(whatItWillShow), this);
    plan->setObjectName(QStringLiteral("muted"));
    plan->setWordWrap(true);
    layout->addWidget(heading);
    layout->addSpacing(12);
    layout->addWidget(status);
    layout->addWidget(plan);
    layout->addStretch();
}

} // namespace cockpit::ui
