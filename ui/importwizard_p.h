#pragma once
// What the import wizard's pages share (importwizard.cpp: the columns and check pages;
// importwizardfiles.cpp: the files page, how each file is read, and the mappings saved for a
// header set). Not for other users.
#include "importwizard.h"

#include "io/csvreader.h"

#include <optional>

namespace cockpit::ui {

struct ImportWizard::Entry // one file or sheet
{
    QString path, sheet, description;
    bool workbook = false;
    imports::Entity entity = imports::Entity::Customers;
    QStringList header;
    QList<QStringList> samples;
    imports::FileMapping mapping;    // values, defaults and stage dates of a loaded or saved mapping
    QHash<QString, QString> columns; // field → header
    // A CSV's encoding and delimiter as the user (or a mapping) chose them; unset: detected.
    std::optional<io::TextEncoding> encoding;
    std::optional<QChar> delimiter;
    // What it is read as now (detected or chosen).
    io::TextEncoding readEncoding = io::TextEncoding::Utf8;
    QChar readDelimiter = QLatin1Char(',');
    bool fromMapping = false; // its columns come from a mapping the user loaded
    bool fromSaved = false;   // its columns are those of the last import of this header set
};

namespace detail {
QString lastImportDir();
// The settings key the mapping of a header set is saved under (the command line's too).
QString savedMappingKey(imports::Entity entity, const QStringList &header);
} // namespace detail

} // namespace cockpit::ui
