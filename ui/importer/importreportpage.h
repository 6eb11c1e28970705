// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QFormLayout;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace Vitrine {

class ImportProblemModel;
class ImportWizard;

/**
 * The import wizard's last page: what the import did (rows added, updated, skipped, where the
 * skipped rows went) or why it wrote nothing, and the same import as a command line.
 */
class ImportReportPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportReportPage(ImportWizard *wizard);

    void initializePage() override;

private:
    void addFigure(const QString &name, const QString &label, const QString &value);

    ImportWizard *m_wizard;
    QLabel *m_headline;
    QLabel *m_detail;
    QWidget *m_figures;
    QFormLayout *m_form;
    ImportProblemModel *m_problemModel;
    QListView *m_problemView;
    QPlainTextEdit *m_command;
    QPushButton *m_again;
};

} // namespace Vitrine
