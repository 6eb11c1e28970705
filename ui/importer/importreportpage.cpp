// SPDX-License-Identifier: GPL-3.0-or-later
#include "importreportpage.h"

#include "importproblemmodel.h"
#include "importwizard.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Vitrine {

ImportReportPage::ImportReportPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_headline(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_figures(new QWidget(this))
    , m_form(new QFormLayout(m_figures))
    , m_problemModel(new ImportProblemModel(this))
    , m_problemView(new QListView(this))
    , m_command(new QPlainTextEdit(this))
    , m_again(new QPushButton(this))
{
    setTitle(tr("Report"));
    setSubTitle(tr("What the import did."));
    setFinalPage(true);

    m_headline->setObjectName(QStringLiteral("reportHeadline"));
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setWordWrap(true);
    m_detail->setObjectName(QStringLiteral("reportDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_problemView->setObjectName(QStringLiteral("reportProblems"));
    m_problemView->setModel(m_problemModel);
    m_problemView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problemView->setMaximumHeight(m_problemView->fontMetrics().height() * 12);

    m_command->setObjectName(QStringLiteral("reportCommand"));
    m_command->setReadOnly(true);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setMaximumHeight(m_command->fontMetrics().lineSpacing() * 3 + 12);
    m_command->setAccessibleName(tr("The same import on the command line"));

    m_again->setObjectName(QStringLiteral("importAgain"));
    connect(m_again, &QPushButton::clicked, this, [this] {
        // After a good import the next one is another file; after a failed one, this file again.
        if (m_wizard->importReport() && m_wizard->importReport()->ok)
            m_wizard->setFilePath(QString());
        m_wizard->restart();
    });
    auto *againRow = new QHBoxLayout;
    againRow->addWidget(m_again);
    againRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_detail);
    layout->addSpacing(6);
    layout->addWidget(m_figures);
    layout->addWidget(m_problemView);
    layout->addStretch(1);
    layout->addWidget(new QLabel(tr("The same import on the command line:"), this));
    layout->addWidget(m_command);
    layout->addLayout(againRow);
}

void ImportReportPage::addFigure(const QString &name, const QString &label, const QString &value)
{
    auto *text = new QLabel(value, m_figures);
    text->setObjectName(name);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setWordWrap(true);
    m_form->addRow(label, text);
}

void ImportReportPage::initializePage()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const std::optional<ImportReport> &report = m_wizard->importReport();
    const QString file = QFileInfo(m_wizard->filePath()).fileName();
    const QLocale locale;
    const QString what = m_wizard->kind() == ImportKind::Items ? tr("items")
        : m_wizard->kind() == ImportKind::Users                ? tr("people")
                                                               : tr("events");
    m_command->setPlainText(m_wizard->commandLine());

    if (!report || !report->ok) {
        const bool cancelled = report && report->cancelled;
        m_headline->setText(cancelled ? tr("The import was stopped; nothing was written")
                                      : tr("Nothing was imported from %1").arg(file));
        m_problemModel->setProblems(
            m_wizard->filePath(), report && !cancelled ? report->problems : QList<ImportProblem>());
        if (cancelled)
            m_detail->setText(tr("The catalog is as it was before the import."));
        else if (m_problemModel->rowCount() > 0)
            m_detail->setText(tr("The catalog is as it was: an import writes all of its rows or none. "
                                 "Fix these rows in the file, or skip bad rows, and try again."));
        else
            m_detail->setText(
                tr("%1\nThe catalog is as it was before the import.")
                    .arg(report ? ImportProblemModel::shortMessage(m_wizard->filePath(), report->error)
                                : QString()));
        m_problemView->setVisible(m_problemModel->rowCount() > 0);
        m_figures->hide();
        m_again->setText(tr("&Try again"));
        m_again->setToolTip(tr("Back to the first page, with this file, its mapping and options"));
        return;
    }

    m_headline->setText(
        tr("Imported %1 %2 from %3").arg(locale.toString(report->inserted + report->updated), what, file));
    m_detail->setText(report->rejected ? tr("The bad rows were skipped; the good ones are in the catalog.")
                                       : tr("Every row of the file is in the catalog."));
    m_problemModel->setProblems(m_wizard->filePath(), {});
    m_problemView->hide();
    m_figures->show();
    addFigure(QStringLiteral("reportRows"), tr("Rows read:"), locale.toString(report->rows));
    addFigure(QStringLiteral("reportInserted"), tr("New:"), locale.toString(report->inserted));
    addFigure(QStringLiteral("reportUpdated"), tr("Updated:"), locale.toString(report->updated));
    addFigure(QStringLiteral("reportSkipped"), tr("Skipped:"), locale.toString(report->rejected));
    if (report->createdUsers || report->createdItems) {
        addFigure(QStringLiteral("reportCreated"), tr("Created:"),
            tr("%1 people and %2 items named by the events")
                .arg(locale.toString(report->createdUsers), locale.toString(report->createdItems)));
    }
    if (report->untitledItems) {
        addFigure(QStringLiteral("reportUntitled"), tr("Without a title:"),
            tr("%1 items, shown by their sku").arg(locale.toString(report->untitledItems)));
    }
    if (!report->rejectsPath.isEmpty())
        addFigure(QStringLiteral("reportRejects"), tr("Skipped rows written to:"), report->rejectsPath);
    if (!report->attributeColumns.isEmpty())
        addFigure(QStringLiteral("reportAttributes"), tr("Stored as attributes:"),
            report->attributeColumns.join(QStringLiteral(", ")));
    if (!report->ignoredColumns.isEmpty())
        addFigure(QStringLiteral("reportIgnored"), tr("Ignored columns:"),
            report->ignoredColumns.join(QStringLiteral(", ")));
    m_again->setText(tr("&Import another file"));
    m_again->setToolTip(tr("Back to the first page"));
}

} // namespace Vitrine
