#pragma once
// One of the cockpit's money tiles (targets/moneytiles.h) in one compact line: the label, the
// amount in the company's currency ("¥3.1亿"), and what it rests on ("7 276 deals", "of ¥36亿
// target"); attainment with its colour strip and status word (never colour alone). Click,
// Enter or Space → activated() (the rows behind it); the tooltip gives the exact rule.
#include "targets/moneytiles.h"

#include "clickabletile.h"

namespace cockpit::ui {

class MoneyTileWidget : public ClickableTile
{
    Q_OBJECT
public:
    explicit MoneyTileWidget(QWidget *parent = nullptr);
    // `pending`: the figures are being computed (the tile says so instead of a number).
    void setTile(const targets::MoneyTile &tile, const QString &currency);
    void setPending(const QString &label);
    const targets::MoneyTile &tile() const { return m_tile; }
    bool isPending() const { return m_pending; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // "¥3.1亿", "81.6 %", "—".
    QString valueText() const;
    // "7 276 deals", "of ¥36亿 target", "41 % of open".
    QString detailText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool canActivate() const override { return !m_pending; }

private:
    targets::MoneyTile m_tile;
    QString m_currency;
    bool m_pending = true;
};

} // namespace cockpit::ui
