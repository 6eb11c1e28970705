// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventmerge.h"

#include "importer.h"

#include <QCoreApplication>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Importer)
};

} // namespace

qint64 mergeRepeatedEvents(std::vector<StagedEvent> &events, const QString &path, QStringList *warnings)
{
    qint64 merged = 0;
    ImportWriter::sortEvents(events); // stable: the rows of one key stay in file order
    qint64 firstLine = 0;
    qint64 secondLine = 0;
    qint64 cappedLine = 0;
    size_t kept = 0;
    for (size_t i = 0; i < events.size(); ++i) {
        const StagedEvent &event = events[i];
        if (kept > 0) {
            StagedEvent &into = events[kept - 1];
            if (into.user == event.user && into.ts == event.ts && into.item == event.item && into.type == event.type) {
                ++merged;
                if (secondLine == 0 || event.line < secondLine) {
                    firstLine = into.line;
                    secondLine = event.line;
                }
                into.quantity += event.quantity;
                if (into.quantity > ImportOptions::MaxQuantity) {
                    into.quantity = ImportOptions::MaxQuantity;
                    cappedLine = cappedLine ? std::min(cappedLine, event.line) : event.line;
                }
                if (event.hasValue) {
                    into.value = (into.hasValue ? into.value : 0.0) + event.value;
                    into.hasValue = true;
                }
                continue;
            }
        }
        if (kept != i)
            events[kept] = event;
        ++kept;
    }
    events.resize(kept);
    if (secondLine == 0)
        return merged;
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    const auto where = [&](qint64 line) {
        return json ? Tr::tr("%1:record %2").arg(path).arg(line)
                    : Tr::tr("%1:%2").arg(path).arg(line);
    };
    const QString earlier = json ? Tr::tr("record %1").arg(firstLine) : Tr::tr("line %1").arg(firstLine);
    QString warning = Tr::tr("%1: the same person, item, type and second as %2, so the two are one event "
                             "with their quantities and values added up (times are kept to the second)")
                          .arg(where(secondLine), earlier);
    if (merged > 1)
        warning += Tr::tr("; %1 events of the file were merged in all").arg(merged);
    warnings->append(warning);
    if (cappedLine) {
        warnings->append(
            Tr::tr("%1: the quantities added up to more than %2, the most one event holds; "
                   "kept as %2")
                .arg(where(cappedLine))
                .arg(ImportOptions::MaxQuantity));
    }
    return merged;
}

} // namespace Vitrine
