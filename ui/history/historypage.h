// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/confighistory.h"

#include <QWidget>

class QAction;
class QFont;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;
template<typename T> class QFutureWatcher;

namespace Vitrine {

class ConfigIndexModel;
class ConfigVersionModel;
class Database;
class MessageBar;

/**
 * The History workspace: every saved version of the catalog's segments, slots, layouts, banners
 * and campaigns, including removed ones that still have a history.
 *
 * The user picks an object, then a version, sees its definition and what differs from the
 * current one, and can make it current again. Restoring calls restoreConfigVersion(), the function
 * behind `vitrine-cli history restore`, so the studio accepts and refuses exactly what the command
 * line does. It runs on its own connection off the UI thread, because it may have to wait for
 * another program (a CLI import) to finish writing.
 */
class HistoryPage : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPage(QWidget *parent = nullptr);
    ~HistoryPage() override;

    /** Shows the objects of @p database (null: none), which must outlive the page or be replaced first. */
    void setDatabase(Database *database);
    /** Reads the objects and versions again, keeping what is selected where it still exists. */
    void refresh();

    /** Selects an object, showing its newest version; false if it is not listed. */
    bool selectObject(const QString &kind, const QString &key);
    /** Selects a version of the selected object; false if it has no such version. */
    bool selectVersion(int version);
    /** The selected version's number, 0 when none is selected. */
    int selectedVersion() const;

    /** Makes the selected version current again; the outcome shows in the message bar. */
    void restoreSelectedVersion();
    bool isRestoring() const;

    ConfigIndexModel *objectModel() const { return m_objects; }
    ConfigVersionModel *versionModel() const { return m_versions; }

Q_SIGNALS:
    /** A restore ended: @p restored says whether the catalog changed; @p message is what the page shows. */
    void restoreFinished(bool restored, const QString &message);

private:
    struct PendingRestore
    {
        QString kind;
        QString key;
        int version = 0;
    };

    QWidget *createObjectList();
    QWidget *createVersionList();
    QWidget *createDetail();
    void reloadObjects();
    void showObject(const QString &kind, const QString &key, int preferredVersion);
    void showSelectedVersion();
    void showDiff(const ConfigVersion &version);
    void updateSummary();
    void updateActions();
    void finishRestore();
    void copyDefinition();
    QString selectedKind() const;
    QString selectedKey() const;

    Database *m_database = nullptr;
    QString m_readError;

    ConfigIndexModel *m_objects;
    QSortFilterProxyModel *m_objectProxy;
    ConfigVersionModel *m_versions;

    QLineEdit *m_filter = nullptr;
    QLabel *m_summary = nullptr;
    MessageBar *m_message = nullptr;
    QTableView *m_objectTable = nullptr;
    QLabel *m_objectTitle = nullptr;
    QTableView *m_versionTable = nullptr;
    QLabel *m_versionTitle = nullptr;
    QPushButton *m_restoreButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_definitionView = nullptr;
    QLabel *m_changesSummary = nullptr;
    QPlainTextEdit *m_changesView = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_copyAction = nullptr;

    QFutureWatcher<ConfigRestoreResult> *m_restoreWatcher;
    PendingRestore m_pending;
    /** From the click until the result is shown (the future finishes a little before that). */
    bool m_restoring = false;
    QTimer *m_waitingNotice;
};

} // namespace Vitrine
