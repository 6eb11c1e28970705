// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QThreadPool;
class QTimer;

namespace Vitrine {

/** Which configuration object a draft is of: its table ("slots", "segments", …) and key. */
struct DraftId
{
    QString kind;
    QString key;

    friend bool operator==(const DraftId &a, const DraftId &b) { return a.kind == b.kind && a.key == b.key; }
    friend bool operator<(const DraftId &a, const DraftId &b)
    {
        return a.kind != b.kind ? a.kind < b.kind : a.key < b.key;
    }
    QString toString() const { return kind + QLatin1Char('.') + key; }
};

/**
 * The unsaved configuration edits of one open catalog: for each object being edited, the
 * definition as stored when editing began (the base) and as edited now.
 *
 * Editors never write here directly but through undo commands (SetDraftCommand), so every edit
 * can be undone. Save (CatalogSession::save) writes the modified drafts through the core's
 * config store. Each change is also written to a recovery file beside the catalog
 * (`CATALOG.drafts.json`) within half a second, so a crash of the studio loses nothing: the next
 * start offers the drafts back.
 */
class DraftStore : public QObject
{
    Q_OBJECT

public:
    struct Draft
    {
        DraftId id;
        QJsonObject base;       ///< as stored when editing began; empty for a new object
        bool isNew = false;     ///< not in the catalog yet
        QJsonObject definition; ///< as edited now
        bool isRemoved = false; ///< to be deleted from the catalog on save
        bool isModified() const { return isNew != isRemoved || (!isNew && definition != base); }
    };

    /** `recoveryPath`: where drafts are kept against a crash; empty: nowhere (tests, read-only). */
    explicit DraftStore(const QString &recoveryPath, QObject *parent = nullptr);
    ~DraftStore() override;

    /** The recovery file for a catalog. */
    static QString recoveryPathFor(const QString &catalogPath);

    /** Starts (or keeps) a draft of a stored object; its definition stays the stored one until edited. */
    void begin(const DraftId &id, const QJsonObject &stored);
    /** Starts a draft of a new object, not in the catalog yet. */
    void beginNew(const DraftId &id, const QJsonObject &definition);

    bool contains(const DraftId &id) const { return m_drafts.contains(id); }
    const Draft *draft(const DraftId &id) const;
    /** The definition as edited now; empty when there is no draft. */
    QJsonObject definition(const DraftId &id) const;
    /** Sets the edited definition; for undo commands (SetDraftCommand), not for editors. */
    void setDefinition(const DraftId &id, const QJsonObject &definition);

    /**
     * Marks a draft's object to be deleted on save (or not). A new object that is removed is
     * simply not saved. For undo commands.
     */
    void setRemoved(const DraftId &id, bool removed);
    bool isRemoved(const DraftId &id) const;
    /**
     * The keys of @p kind as edited now: the @p stored ones that are not removed, and the new
     * drafts; sorted. (What an editor's list shows.)
     */
    QStringList keys(const QString &kind, const QStringList &stored) const;
    /** The definition as edited now, else @p stored. */
    QJsonObject definitionOr(const DraftId &id, const QJsonObject &stored) const
    {
        return contains(id) ? definition(id) : stored;
    }
    /** Every draft, saved or not, in kind and key order. */
    QList<Draft> all() const { return m_drafts.values(); }

    /** The drafts with changes to save, in kind and key order. */
    QList<Draft> modified() const;
    bool hasModified() const;

    /** Forgets one draft / all of them (after a save, or when the user discards). */
    void discard(const DraftId &id);
    void clear();
    /** After a save: each modified draft's base becomes its definition. */
    void markSaved();

    /**
     * Writes the recovery file now, waiting for the disk (also done by itself shortly after each
     * change, then in the background).
     */
    bool writeRecovery(QString *error = nullptr);
    /** The drafts found in a recovery file; empty when there is none or it cannot be read. */
    static QList<Draft> readRecovery(const QString &recoveryPath, QString *error = nullptr);
    /** Takes recovered drafts in (they become modified drafts). */
    void restore(const QList<Draft> &drafts);
    QString recoveryPath() const { return m_recoveryPath; }

Q_SIGNALS:
    void draftChanged(const Vitrine::DraftId &id);
    /** Whether there is anything to save changed. */
    void modifiedChanged(bool modified);

private:
    void changed(const DraftId &id);
    /** The recovery file's content; empty when nothing is unsaved. */
    QByteArray recoveryBytes() const;
    static bool writeRecoveryFile(const QString &path, const QByteArray &bytes, QString *error);

    QString m_recoveryPath;
    QMap<DraftId, Draft> m_drafts;
    QTimer *m_recoveryTimer;
    QThreadPool *m_writer;
    bool m_wasModified = false;
};

} // namespace Vitrine
