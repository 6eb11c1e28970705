// SPDX-License-Identifier: GPL-3.0-or-later
#include "draftstore.h"

#include "studiologging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>

namespace Vitrine {

namespace {

/** How soon after an edit the recovery file is written. */
constexpr int RecoveryDelayMs = 500;
const QLatin1String RecoveryFormat("vitrine-drafts");

} // namespace

DraftStore::DraftStore(const QString &recoveryPath, QObject *parent)
    : QObject(parent)
    , m_recoveryPath(recoveryPath)
    , m_recoveryTimer(new QTimer(this))
    , m_writer(new QThreadPool(this))
{
    m_recoveryTimer->setSingleShot(true);
    m_recoveryTimer->setInterval(RecoveryDelayMs);
    // The write (QSaveFile syncs to disk: tens of milliseconds) happens on a thread of its own,
    // one write at a time and in order, so typing never waits for the disk.
    m_writer->setMaxThreadCount(1);
    connect(m_recoveryTimer, &QTimer::timeout, this, [this] {
        m_writer->start([path = m_recoveryPath, bytes = recoveryBytes()] {
            QString error;
            if (!writeRecoveryFile(path, bytes, &error))
                qCWarning(lcSession) << "cannot keep the drafts:" << error;
        });
    });
}

DraftStore::~DraftStore()
{
    if (m_recoveryTimer->isActive())
        writeRecovery();
    m_writer->waitForDone();
}

QString DraftStore::recoveryPathFor(const QString &catalogPath)
{
    return catalogPath + QStringLiteral(".drafts.json");
}

void DraftStore::begin(const DraftId &id, const QJsonObject &stored)
{
    if (m_drafts.contains(id))
        return;
    m_drafts.insert(id, Draft {id, stored, false, stored});
}

void DraftStore::beginNew(const DraftId &id, const QJsonObject &definition)
{
    m_drafts.insert(id, Draft {id, {}, true, definition});
    changed(id);
}

const DraftStore::Draft *DraftStore::draft(const DraftId &id) const
{
    const auto it = m_drafts.constFind(id);
    return it == m_drafts.constEnd() ? nullptr : &it.value();
}

QJsonObject DraftStore::definition(const DraftId &id) const
{
    const Draft *found = draft(id);
    return found ? found->definition : QJsonObject();
}

void DraftStore::setDefinition(const DraftId &id, const QJsonObject &definition)
{
    auto it = m_drafts.find(id);
    if (it == m_drafts.end())
        it = m_drafts.insert(id, Draft {id, {}, true, definition});
    if (it->definition == definition)
        return;
    it->definition = definition;
    changed(id);
}

void DraftStore::setRemoved(const DraftId &id, bool removed)
{
    auto it = m_drafts.find(id);
    if (it == m_drafts.end() || it->isRemoved == removed)
        return;
    it->isRemoved = removed;
    changed(id);
}

bool DraftStore::isRemoved(const DraftId &id) const
{
    const Draft *found = draft(id);
    return found && found->isRemoved;
}

QStringList DraftStore::keys(const QString &kind, const QStringList &stored) const
{
    QStringList list;
    for (const QString &key : stored) {
        if (!isRemoved({kind, key}))
            list.append(key);
    }
    for (const Draft &d : m_drafts) {
        if (d.id.kind == kind && d.isNew && !d.isRemoved && !list.contains(d.id.key))
            list.append(d.id.key);
    }
    list.sort();
    return list;
}

QList<DraftStore::Draft> DraftStore::modified() const
{
    QList<Draft> list;
    for (const Draft &d : m_drafts) {
        if (d.isModified())
            list.append(d);
    }
    return list;
}

bool DraftStore::hasModified() const
{
    for (const Draft &d : m_drafts) {
        if (d.isModified())
            return true;
    }
    return false;
}

void DraftStore::discard(const DraftId &id)
{
    if (m_drafts.remove(id))
        changed(id);
}

void DraftStore::clear()
{
    const QList<DraftId> ids = m_drafts.keys();
    m_drafts.clear();
    for (const DraftId &id : ids)
        changed(id);
    if (ids.isEmpty())
        changed({});
}

void DraftStore::markSaved()
{
    for (auto it = m_drafts.begin(); it != m_drafts.end();) {
        if (it->isRemoved) {
            it = m_drafts.erase(it);
            continue;
        }
        it->base = it->definition;
        it->isNew = false;
        ++it;
    }
    changed({});
}

void DraftStore::changed(const DraftId &id)
{
    if (!id.kind.isEmpty())
        Q_EMIT draftChanged(id);
    const bool modified = hasModified();
    if (modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
    if (!m_recoveryPath.isEmpty())
        m_recoveryTimer->start();
}

QByteArray DraftStore::recoveryBytes() const
{
    const QList<Draft> drafts = modified();
    if (drafts.isEmpty())
        return {};
    QJsonArray list;
    for (const Draft &d : drafts) {
        list.append(QJsonObject {{QStringLiteral("kind"), d.id.kind}, {QStringLiteral("key"), d.id.key},
            {QStringLiteral("new"), d.isNew}, {QStringLiteral("removed"), d.isRemoved},
            {QStringLiteral("base"), d.base}, {QStringLiteral("definition"), d.definition}});
    }
    const QJsonObject root {{QStringLiteral("format"), RecoveryFormat}, {QStringLiteral("drafts"), list}};
    return QJsonDocument(root).toJson();
}

bool DraftStore::writeRecoveryFile(const QString &path, const QByteArray &bytes, QString *error)
{
    if (bytes.isEmpty()) { // nothing unsaved: no file
        if (QFile::exists(path) && !QFile::remove(path)) {
            if (error)
                *error = tr("%1: cannot remove it").arg(path);
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool DraftStore::writeRecovery(QString *error)
{
    m_recoveryTimer->stop();
    if (m_recoveryPath.isEmpty())
        return true;
    m_writer->waitForDone(); // an earlier write in the background must not land after this one
    return writeRecoveryFile(m_recoveryPath, recoveryBytes(), error);
}

QList<DraftStore::Draft> DraftStore::readRecovery(const QString &recoveryPath, QString *error)
{
    QList<Draft> drafts;
    QFile file(recoveryPath);
    if (!file.exists())
        return drafts;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(recoveryPath, file.errorString());
        return drafts;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || root.value(QStringLiteral("format")) != RecoveryFormat) {
        if (error)
            *error = tr("%1: not a file of unsaved drafts").arg(recoveryPath);
        return drafts;
    }
    for (const QJsonValue &value : root.value(QStringLiteral("drafts")).toArray()) {
        const QJsonObject o = value.toObject();
        Draft d;
        d.id = {o.value(QStringLiteral("kind")).toString(), o.value(QStringLiteral("key")).toString()};
        d.isNew = o.value(QStringLiteral("new")).toBool();
        d.isRemoved = o.value(QStringLiteral("removed")).toBool();
        d.base = o.value(QStringLiteral("base")).toObject();
        d.definition = o.value(QStringLiteral("definition")).toObject();
        if (!d.id.kind.isEmpty() && !d.id.key.isEmpty())
            drafts.append(d);
    }
    return drafts;
}

void DraftStore::restore(const QList<Draft> &drafts)
{
    for (const Draft &d : drafts) {
        m_drafts.insert(d.id, d);
        changed(d.id);
    }
}

} // namespace Vitrine
