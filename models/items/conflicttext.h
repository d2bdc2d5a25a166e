#pragma once
// What the Conflicts screen says about a conflict, in words: the table and the field as people
// name them, the kind and what each choice does, and each value formatted for the locale
// (money with its unit, dates as dates, references by their name, codes in words), so no
// column name or code reaches the reader.
#include "storage/conflictrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QLocale>

namespace cockpit {

class ConflictText
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::ConflictText)

public:
    // "Lead", "Customer" … (one row of the table).
    static QString tableLabel(const QString &table);
    // "Amount", "Expected close", "Owner" …
    static QString fieldLabel(const QString &table, const QString &column);
    // "Both changed", "Deleted on the server", "Refused by the server".
    static QString kindLabel(storage::ConflictKind kind);
    // What happened, in a sentence, for the detail's header.
    static QString kindExplanation(const storage::ConflictRecord &conflict);
    // What Keep mine / Keep theirs do for this kind, for their tooltips and the detail.
    static QString keepMineMeaning(storage::ConflictKind kind);
    static QString keepTheirsMeaning(storage::ConflictKind kind);
    // "王芳's lead 博世 质检系统" style label of the row: its name, or "Lead #12" when it has none.
    static QString rowLabel(const storage::ConflictRecord &conflict);
};

// Formats values of mine and theirs; names of referenced rows are read once each.
class ConflictFormatter
{
public:
    ConflictFormatter(const storage::ConflictRepository &repo, const QLocale &locale, bool englishNames);
    QString value(const QString &table, const QString &column, const QJsonValue &v) const;
    // The fields in conflict, in words: "Amount, Expected close".
    QString fieldList(const storage::ConflictRecord &conflict, int max = 4) const;

private:
    const storage::ConflictRepository &m_repo;
    QLocale m_locale;
    bool m_english;
    QString m_currency;
    mutable QHash<QString, QString> m_names;   // "table:key" → name
    mutable QHash<QString, QString> m_refs;    // "table.column" → referenced table
};

} // namespace cockpit
