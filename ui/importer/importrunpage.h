// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Vitrine {

class ImportWizard;

/** The import wizard's fourth page: the import running, with its progress and a Cancel. */
class ImportRunPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportRunPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

private:
    void showProgress();

    ImportWizard *m_wizard;
    QLabel *m_stage;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};

} // namespace Vitrine
