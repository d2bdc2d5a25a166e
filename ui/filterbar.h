#pragma once
// A row of filter combo boxes ("All regions", …) and a search box, shared by the tables.
#include <QWidget>

#include <utility>

class QComboBox;

namespace cockpit {
class Catalog;
}
class QHBoxLayout;
class QLineEdit;

namespace cockpit::ui {

class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(const QString &searchHint, QWidget *parent = nullptr);

    // A combo whose first entry is `allText` (value -1); items carry an int value each.
    QComboBox *addFilter(const QString &allText, const QString &objectName);
    // Refills a combo, keeping the current value when it is still offered. No signals fire.
    static void setItems(QComboBox *combo, const QList<std::pair<QString, int>> &items);
    static int value(const QComboBox *combo);

    using Items = QList<std::pair<QString, int>>;
    // Choices for the org filters; -1 means "any" for the narrowing arguments.
    static Items regionItems(const Catalog &catalog);
    static Items cityItems(const Catalog &catalog, int region);
    static Items teamItems(const Catalog &catalog, int region, int city);
    static Items salesOwnerItems(const Catalog &catalog, int region, int city, int team);
    QLineEdit *search() const { return m_search; }

Q_SIGNALS:
    void filtersChanged(); // a combo changed: narrower choices may need refilling
    void searchChanged();  // the search text changed

private:
    QHBoxLayout *m_layout;
    QLineEdit *m_search;
};

} // namespace cockpit::ui
