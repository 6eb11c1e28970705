// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;
class QTimer;
template<typename T> class QFutureWatcher;

namespace Vitrine {

class ImportPreviewModel;
class ImportProblemModel;
class ImportWizard;
class MessageBar;

/**
 * The import wizard's third page: the options (skip bad rows and where they go, create missing
 * people and items, the type of untyped events) and the check, the core's dry run with those
 * options, off the UI thread. Problems are listed by line; selecting one shows that row.
 * Import is possible once a check passed.
 */
class ImportCheckPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportCheckPage(ImportWizard *wizard);
    ~ImportCheckPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    struct RowResult
    {
        int request = 0;
        qint64 line = 0;
        QStringList header;
        QStringList record;
        QString error;
    };

    void showOptions();
    void showCheck();
    void browseRejects();
    void showProblemRow();
    void finishRow();

    ImportWizard *m_wizard;
    QCheckBox *m_skipBad;
    QLineEdit *m_rejects;
    QPushButton *m_rejectsBrowse;
    QCheckBox *m_createMissing;
    QCheckBox *m_allowFuture;
    QLabel *m_typeLabel;
    QComboBox *m_defaultType;
    QPushButton *m_checkButton;
    QLabel *m_status;
    MessageBar *m_message;
    ImportProblemModel *m_problemModel;
    QListView *m_problemView;
    QLabel *m_rowLabel;
    ImportPreviewModel *m_rowModel;
    QTableView *m_rowView;
    QTimer *m_recheck;
    QFutureWatcher<RowResult> *m_rowWatcher;
    int m_rowRequest = 0;
    QString m_rowField;
};

} // namespace Vitrine
