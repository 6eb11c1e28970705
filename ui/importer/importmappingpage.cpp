// SPDX-License-Identifier: GPL-3.0-or-later
#include "importmappingpage.h"

#include "importfielddelegate.h"
#include "importmappingmodel.h"
#include "importpreviewmodel.h"
#include "importwizard.h"
#include "widgets/messagebar.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Vitrine {

ImportMappingPage::ImportMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_mappingModel(new ImportMappingModel(this))
    , m_previewModel(new ImportPreviewModel(this))
    , m_mappingView(new QTableView(this))
    , m_previewView(new QTableView(this))
    , m_rowsLabel(new QLabel(this))
    , m_message(new MessageBar(this))
{
    setTitle(tr("Match the columns to fields"));
    setSubTitle(tr("Columns are matched by their names and the usual aliases, as vitrine-cli import does. "
                   "Change any of them; a column without a field is kept as an attribute (items, people) or "
                   "ignored (events, or when you choose \"ignored\")."));

    m_mappingView->setObjectName(QStringLiteral("mappingView"));
    m_mappingView->setModel(m_mappingModel);
    m_mappingView->setItemDelegateForColumn(
        ImportMappingModel::TargetColumn, new ImportFieldDelegate(m_mappingView));
    m_mappingView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_mappingView->setSelectionMode(QAbstractItemView::NoSelection);
    m_mappingView->setWordWrap(false);
    m_mappingView->verticalHeader()->hide();
    m_mappingView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_mappingView->verticalHeader()->setDefaultSectionSize(m_mappingView->fontMetrics().height() + 16);
    m_mappingView->horizontalHeader()->setSectionResizeMode(
        ImportMappingModel::NameColumn, QHeaderView::ResizeToContents);
    m_mappingView->horizontalHeader()->setSectionResizeMode(
        ImportMappingModel::TargetColumn, QHeaderView::Fixed);
    m_mappingView->horizontalHeader()->resizeSection(ImportMappingModel::TargetColumn, 150);
    m_mappingView->horizontalHeader()->setSectionResizeMode(
        ImportMappingModel::ReasonColumn, QHeaderView::Interactive);
    m_mappingView->horizontalHeader()->resizeSection(ImportMappingModel::ReasonColumn, 300);
    m_mappingView->horizontalHeader()->setStretchLastSection(true);
    m_mappingView->setAccessibleName(tr("Columns and fields"));

    m_previewView->setObjectName(QStringLiteral("previewView"));
    m_previewView->setModel(m_previewModel);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->setWordWrap(false);
    m_previewView->setAlternatingRowColors(true);
    m_previewView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_previewView->horizontalHeader()->setMaximumSectionSize(280);
    m_previewView->verticalHeader()->setDefaultSectionSize(m_previewView->fontMetrics().height() + 8);
    m_previewView->setAccessibleName(tr("First rows of the file"));

    m_rowsLabel->setObjectName(QStringLiteral("rowsLabel"));
    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_rowsLabel);
    previewLayout->addWidget(m_previewView, 1);

    auto *mappingPane = new QWidget(this);
    auto *mappingLayout = new QVBoxLayout(mappingPane);
    mappingLayout->setContentsMargins(0, 0, 0, 0);
    auto *mappingLabel = new QLabel(tr("Columns"), mappingPane);
    mappingLayout->addWidget(mappingLabel);
    mappingLayout->addWidget(m_mappingView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("mappingSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(mappingPane);
    splitter->addWidget(previewPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_message->setObjectName(QStringLiteral("mappingMessage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_mappingModel, &ImportMappingModel::fieldChosen, wizard, &ImportWizard::setColumnField);
    connect(m_mappingModel, &QAbstractItemModel::modelReset, this, [this] {
        for (int row = 0; row < m_mappingModel->rowCount(); ++row)
            m_mappingView->openPersistentEditor(m_mappingModel->index(row, ImportMappingModel::TargetColumn));
    });
    connect(wizard, &ImportWizard::previewChanged, this, &ImportMappingPage::showRows);
    connect(wizard, &ImportWizard::mappingChanged, this, &ImportMappingPage::showMapping);
}

void ImportMappingPage::initializePage()
{
    showRows();
}

bool ImportMappingPage::isComplete() const
{
    return m_wizard->preview().isValid() && m_wizard->mapping().isComplete();
}

void ImportMappingPage::showRows()
{
    const ImportPreview &preview = m_wizard->preview();
    m_previewModel->setRows(preview.header, preview.rows, preview.lines);
    const QString name = QFileInfo(preview.path).fileName();
    const QLocale locale;
    if (preview.rows.isEmpty())
        m_rowsLabel->setText(tr("%1 has no rows after its header.").arg(name));
    else if (preview.hasMoreRows)
        m_rowsLabel->setText(tr("The first rows of %1 (%2 shown; the check reads them all)")
                                 .arg(name, locale.toString(preview.rows.size())));
    else
        m_rowsLabel->setText(tr("The rows of %1 (all %2)").arg(name, locale.toString(preview.rows.size())));
    showMapping();
    m_previewView->resizeColumnsToContents();
}

void ImportMappingPage::showMapping()
{
    const ImportPreview &preview = m_wizard->preview();
    QStringList examples;
    for (int column = 0; column < preview.header.size(); ++column) {
        QString example;
        for (const QStringList &row : preview.rows) {
            if (column < row.size() && !row.at(column).trimmed().isEmpty()) {
                example = row.at(column).simplified();
                break;
            }
        }
        examples.append(example.size() > 80 ? example.left(80) + QChar(0x2026) : example);
    }
    const ImportMapping &mapping = m_wizard->mapping();
    m_mappingModel->setMapping(mapping, m_wizard->columnChoices(), examples);
    m_previewModel->setMapping(mapping);

    if (!preview.isValid() || mapping.isComplete())
        m_message->clearMessage();
    else
        m_message->showMessage(MessageBar::Kind::Error, mapping.problems.join(QLatin1Char('\n')));
    Q_EMIT completeChanged();
}

} // namespace Vitrine
