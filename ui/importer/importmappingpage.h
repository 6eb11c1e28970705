// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QTableView;

namespace Vitrine {

class ImportMappingModel;
class ImportPreviewModel;
class ImportWizard;
class MessageBar;

/**
 * The import wizard's second page: each column of the file with the field it gives (a combo box
 * each, matched by name and the command line's aliases to begin with), next to the file's first
 * rows headed by the same mapping.
 */
class ImportMappingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportMappingPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

private:
    void showRows();
    void showMapping();

    ImportWizard *m_wizard;
    ImportMappingModel *m_mappingModel;
    ImportPreviewModel *m_previewModel;
    QTableView *m_mappingView;
    QTableView *m_previewView;
    QLabel *m_rowsLabel;
    MessageBar *m_message;
};

} // namespace Vitrine
