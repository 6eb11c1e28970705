// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentexporter.h"

#include "storage/fieldparser.h"
#include "storage/outputfile.h"
#include "storage/timestamp.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentExporter)
};

QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r'))
        utf8 = '"' + utf8.replace("\"", "\"\"") + '"';
    return utf8;
}

} // namespace

QStringList SegmentExporter::columns()
{
    return {QStringLiteral("external_id"), QStringLiteral("gender"), QStringLiteral("age"),
        QStringLiteral("country"), QStringLiteral("city"), QStringLiteral("email_consent"),
        QStringLiteral("orders"), QStringLiteral("purchases"), QStringLiteral("spend"),
        QStringLiteral("first_purchase"), QStringLiteral("last_purchase")};
}

SegmentExporter::Report SegmentExporter::write(const PersonFeatures &features, const PersonSet &members,
    const QString &path, const Progress &progress, const QString &catalogPath)
{
    Report report;
    report.path = path;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json")) {
        report.error = Tr::tr("%1: the file name must end in .csv or .json").arg(path);
        return report;
    }
    const bool json = suffix == QLatin1String("json");
    OutputFile file(path);
    file.protectCatalog(catalogPath);
    if (!file.open(&report.error))
        return report;
    const Snapshot &s = *features.snapshot();
    const QStringList names = columns();
    QByteArray buffer = json ? QByteArray("[\n") : names.join(QLatin1Char(',')).toUtf8() + '\n';
    const qint64 total = members.count();
    bool cancelled = false;
    members.forEach([&](int u) {
        if (cancelled)
            return;
        const QStringList values = {
            s.externalId(u),
            s.gender(u) ? QString(QLatin1Char(s.gender(u))) : QString(),
            features.age(u) >= 0 ? QString::number(features.age(u)) : QString(),
            s.country(u) >= 0 ? s.countryName(s.country(u)) : QString(),
            s.city(u) >= 0 ? s.cityName(s.city(u)) : QString(),
            s.emailConsent(u) ? QStringLiteral("1") : QStringLiteral("0"),
            QString::number(features.orders(u)),
            QString::number(features.purchases(u)),
            QString::number(features.monetary(u), 'f', 2),
            features.isBuyer(u) ? Timestamp::toIso(features.firstPurchase(u)) : QString(),
            features.isBuyer(u) ? Timestamp::toIso(features.lastPurchase(u)) : QString(),
        };
        if (json) {
            QJsonObject object;
            for (qsizetype c = 0; c < names.size(); ++c) {
                const QString &value = values.at(c);
                const bool number = c == 2 || c == 6 || c == 7 || c == 8;
                if (value.isEmpty())
                    object.insert(names.at(c), QJsonValue::Null);
                else if (c == 5)
                    object.insert(names.at(c), value == QLatin1String("1"));
                else if (number)
                    object.insert(names.at(c), FieldParser::jsonNumber(value.toDouble()));
                else
                    object.insert(names.at(c), value);
            }
            buffer += (report.rows ? ",\n" : "") + QJsonDocument(object).toJson(QJsonDocument::Compact);
        } else {
            for (qsizetype c = 0; c < values.size(); ++c)
                buffer += (c ? "," : "") + csvField(values.at(c));
            buffer += '\n';
        }
        if ((++report.rows & 0xFFFF) == 0) {
            cancelled = !file.write(buffer);
            buffer.clear();
            progress.report(Tr::tr("Exporting members"), report.rows, total);
            cancelled = cancelled || progress.isCancelled();
        }
    });
    if (cancelled && progress.isCancelled()) {
        file.cancel();
        report.error = Tr::tr("cancelled");
        return report;
    }
    if (json)
        buffer += "\n]\n";
    file.write(buffer);
    if (!file.commit(&report.error))
        return report;
    report.ok = true;
    return report;
}

} // namespace Vitrine
