// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QButtonGroup;
class QLabel;
class QLineEdit;

namespace Vitrine {

class ImportWizard;
class MessageBar;

/** The import wizard's first page: the file, and whether it holds items, people or events. */
class ImportFilePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportFilePage(ImportWizard *wizard);

    bool isComplete() const override;

private:
    void browse();
    void showPreviewState();

    ImportWizard *m_wizard;
    QLineEdit *m_path;
    QButtonGroup *m_kinds;
    QLabel *m_summary;
    MessageBar *m_message;
};

} // namespace Vitrine
