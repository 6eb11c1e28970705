// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentpriority.h"

#include "segmentevaluator.h"
#include "segmentlibrary.h"
#include "storage/database.h"
#include "storage/metastore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentPriority)
};

} // namespace

std::optional<SegmentPriority> SegmentPriority::load(const Database &db, QString *error)
{
    QByteArray text;
    switch (MetaStore::value(db, QString::fromLatin1(MetaKey), &text, error)) {
    case MetaStore::Read::Failed:
        return std::nullopt;
    case MetaStore::Read::Missing:
        return SegmentPriority();
    case MetaStore::Read::Found:
        break;
    }
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (!document.isArray()) {
        if (error)
            *error = Tr::tr("meta.%1: must be a JSON array of segment names").arg(QLatin1String(MetaKey));
        return std::nullopt;
    }
    QStringList order;
    for (const QJsonValue &name : document.array())
        order.append(name.toString());
    return SegmentPriority(order);
}

bool SegmentPriority::check(const SegmentLibrary &library, QString *error) const
{
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        const QString &name = m_order.at(i);
        if (!library.contains(name)) {
            if (error)
                *error = Tr::tr("priority[%1]: no segment named '%2'").arg(i).arg(name);
            return false;
        }
        if (m_order.indexOf(name) != i) {
            if (error)
                *error = Tr::tr("priority[%1]: '%2' is already at position %3")
                             .arg(i)
                             .arg(name)
                             .arg(m_order.indexOf(name));
            return false;
        }
    }
    return true;
}

bool SegmentPriority::save(
    Database &db, const QStringList &order, const SegmentLibrary &library, QString *error)
{
    const SegmentPriority priority(order);
    if (!priority.check(library, error))
        return false;
    Transaction transaction(db, error);
    if (!transaction.isActive())
        return false;
    if (!MetaStore::setValue(db, QString::fromLatin1(MetaKey),
            QJsonDocument(QJsonArray::fromStringList(order)).toJson(QJsonDocument::Compact), error))
        return false;
    return transaction.commit(error);
}

std::vector<int> SegmentPriority::assign(
    SegmentEvaluator &evaluator, QString *error, const Progress &progress) const
{
    const int n = evaluator.features()->userCount();
    std::vector<int> winner(size_t(n), -1);
    PersonSet open(n, true);
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        progress.report(Tr::tr("Assigning segments"), i, m_order.size());
        const SegmentMembers members = evaluator.evaluate(m_order.at(i), progress);
        if (!members.ok) {
            if (error)
                *error = Tr::tr("priority[%1] (%2): %3").arg(i).arg(m_order.at(i), members.error);
            return {};
        }
        PersonSet won = members.members;
        won &= open;
        won.forEach([&winner, i](int user) { winner[size_t(user)] = int(i); });
        open -= won;
    }
    progress.report(Tr::tr("Assigning segments"), m_order.size(), m_order.size());
    return winner;
}

QString SegmentPriority::firstMatch(SegmentEvaluator &evaluator, int user, QString *error) const
{
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        const SegmentMembers members = evaluator.evaluate(m_order.at(i));
        if (!members.ok) {
            if (error)
                *error = Tr::tr("priority[%1] (%2): %3").arg(i).arg(m_order.at(i), members.error);
            return {};
        }
        if (members.members.contains(user))
            return m_order.at(i);
    }
    return {};
}

} // namespace Vitrine
