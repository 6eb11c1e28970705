// SPDX-License-Identifier: GPL-3.0-or-later
#include "importfilepage.h"

#include "importwizard.h"
#include "session/catalogsession.h"
#include "widgets/messagebar.h"

#include <QButtonGroup>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Vitrine {

ImportFilePage::ImportFilePage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_path(new QLineEdit(this))
    , m_kinds(new QButtonGroup(this))
    , m_summary(new QLabel(this))
    , m_message(new MessageBar(this))
{
    setTitle(tr("Choose a file to import"));
    setSubTitle(
        tr("A CSV file with a header line, or a JSON array of objects as vitrine-cli export writes it."));

    m_path->setObjectName(QStringLiteral("filePath"));
    m_path->setPlaceholderText(tr("/path/to/products.csv"));
    m_path->setClearButtonEnabled(true);
    m_path->setAccessibleName(tr("File to import"));
    auto *files = new QFileSystemModel(m_path);
    files->setRootPath(QString());
    m_path->setCompleter(new QCompleter(files, m_path));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_path, &QLineEdit::editingFinished, this,
        [this] { m_wizard->setFilePath(m_path->text().trimmed()); });

    auto *fileRow = new QHBoxLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);

    auto *kindBox = new QGroupBox(tr("The file holds"), this);
    auto *kindLayout = new QGridLayout(kindBox);
    kindLayout->setColumnStretch(1, 1);
    kindLayout->setHorizontalSpacing(16);
    const struct
    {
        ImportKind kind;
        QString label;
        QString description;
        const char *name;
    } kinds[] = {
        {ImportKind::Items, tr("&Items"),
            tr("Products and articles, one per row, keyed by sku. Importing again updates them."),
            "kindItems"},
        {ImportKind::Users, tr("&People"),
            tr("Customers and readers, keyed by their external id. Importing again updates them."),
            "kindUsers"},
        {ImportKind::Events, tr("&Events"),
            tr("What people did with items (views, carts, purchases, reads), each with a person, an item and "
               "a time."),
            "kindEvents"},
    };
    int row = 0;
    for (const auto &kind : kinds) {
        auto *button = new QRadioButton(kind.label, kindBox);
        button->setObjectName(QLatin1String(kind.name));
        auto *description = new QLabel(kind.description, kindBox);
        description->setWordWrap(true);
        description->setForegroundRole(QPalette::PlaceholderText);
        m_kinds->addButton(button, int(kind.kind));
        kindLayout->addWidget(button, row, 0, Qt::AlignTop);
        kindLayout->addWidget(description, row, 1);
        ++row;
    }
    connect(m_kinds, &QButtonGroup::idClicked, this, [this](int id) { m_wizard->setKind(ImportKind(id)); });

    m_summary->setObjectName(QStringLiteral("fileSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("fileMessage"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addSpacing(8);
    layout->addWidget(kindBox);
    layout->addStretch(1);

    connect(wizard, &ImportWizard::previewChanged, this, &ImportFilePage::showPreviewState);
    connect(wizard, &ImportWizard::kindChanged, this, &ImportFilePage::showPreviewState);
    showPreviewState();
}

bool ImportFilePage::isComplete() const
{
    return !m_wizard->session()->isReadOnly() && !m_wizard->isPreviewLoading()
        && m_wizard->preview().isValid() && !m_wizard->preview().header.isEmpty();
}

void ImportFilePage::browse()
{
    const QString start
        = m_wizard->filePath().isEmpty() ? QDir::homePath() : QFileInfo(m_wizard->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a file"), start,
        tr("Data files (*.csv *.json);;CSV files (*.csv);;JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_path->setText(QDir::toNativeSeparators(path));
    m_wizard->setFilePath(path);
}

void ImportFilePage::showPreviewState()
{
    if (m_path->text().trimmed() != m_wizard->filePath() && !m_path->hasFocus())
        m_path->setText(m_wizard->filePath());
    if (QAbstractButton *button = m_kinds->button(int(m_wizard->kind())))
        button->setChecked(true);

    const ImportPreview &preview = m_wizard->preview();
    if (m_wizard->session()->isReadOnly()) {
        m_message->showMessage(MessageBar::Kind::Error,
            tr("%1 is open read-only, so nothing can be imported into it.")
                .arg(m_wizard->session()->displayName()));
    } else if (m_wizard->filePath().isEmpty()) {
        m_message->clearMessage();
        m_summary->setText(tr("Choose a file with Browse, or type its path and press Enter."));
    } else if (m_wizard->isPreviewLoading()) {
        m_message->clearMessage();
        m_summary->setText(preview.error);
    } else if (!preview.isValid()) {
        m_summary->clear();
        m_message->showMessage(MessageBar::Kind::Error, preview.error);
    } else {
        m_message->clearMessage();
        const QLocale locale;
        const QString rows = preview.rows.isEmpty() ? tr("none after the header")
            : preview.hasMoreRows ? tr("more than %1").arg(locale.toString(preview.rows.size()))
                                  : locale.toString(preview.rows.size());
        m_summary->setText(tr("Columns (%1): %2. Rows: %3.")
                               .arg(locale.toString(preview.header.size()),
                                   preview.header.join(QStringLiteral(", ")), rows));
    }
    Q_EMIT completeChanged();
}

} // namespace Vitrine
