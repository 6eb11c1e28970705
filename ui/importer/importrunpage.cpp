// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrunpage.h"

#include "importwizard.h"
#include "session/jobrunner.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace Vitrine {

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_stage(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("&Stop the import"), this))
{
    setTitle(tr("Importing"));
    setSubTitle(tr("The catalog is written in one transaction at the end: stopping now writes nothing."));

    m_stage->setObjectName(QStringLiteral("importStage"));
    m_stage->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("stopImport"));
    m_cancel->setToolTip(tr("Stop the import; nothing is written"));
    connect(m_cancel, &QPushButton::clicked, wizard, &ImportWizard::cancelImport);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    layout->addStretch(2);

    connect(wizard, &ImportWizard::importStarted, this, [this] {
        connect(m_wizard->importJob(), &Job::progressChanged, this, &ImportRunPage::showProgress);
        showProgress();
    });
    connect(wizard, &ImportWizard::importFinished, this, [this] {
        showProgress();
        Q_EMIT completeChanged();
        // The report is the next page; go there by itself once the import ended.
        if (m_wizard->currentPage() == this)
            QTimer::singleShot(0, m_wizard, &QWizard::next);
    });
}

void ImportRunPage::initializePage()
{
    m_wizard->startImport();
    showProgress();
}

bool ImportRunPage::isComplete() const
{
    return !m_wizard->isImporting() && m_wizard->importReport().has_value();
}

void ImportRunPage::showProgress()
{
    Job *job = m_wizard->importJob();
    if (!job) {
        m_cancel->setEnabled(false);
        m_progress->setRange(0, 100);
        m_progress->setValue(100);
        return;
    }
    const bool cancelled = job->isCancelled();
    m_cancel->setEnabled(!cancelled);
    const double fraction = job->fraction();
    if (fraction < 0) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(fraction * 1000));
    }
    const QString stage = job->stage();
    if (cancelled)
        m_stage->setText(tr("Stopping; nothing will be written…"));
    else
        m_stage->setText(
            stage.isEmpty() ? tr("Reading %1…").arg(QFileInfo(m_wizard->filePath()).fileName()) : stage);
}

} // namespace Vitrine
