// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomepage.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Vitrine {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));

    auto *title = new QLabel(tr("Welcome to Vitrine"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *lead = new QLabel(tr("Vitrine works on a catalog: one file with a shop's items, customers and what "
                               "they did, plus the recommendation slots, segments, pages and e-mails you "
                               "define over it. Start with one of these:"));
    lead->setWordWrap(true);

    auto *column = new QVBoxLayout;
    column->setSpacing(10);
    column->addWidget(title);
    column->addWidget(lead);
    column->addSpacing(8);
    m_demo = addAction(column, QStringLiteral("createDemoButton"), tr("Create the demo catalog"),
        tr("A believable fashion shop with a journal: 20,000 people, 5,000 items and a million visits, "
           "carts, orders and reads over a year, with starter slots, segments, pages and e-mails. "
           "Takes about ten seconds."));
    m_progressLabel = new QLabel;
    m_progressLabel->setObjectName(QStringLiteral("demoProgressLabel"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("demoProgress"));
    m_progress->setTextVisible(false);
    column->addWidget(m_progressLabel);
    column->addWidget(m_progress);
    m_open = addAction(column, QStringLiteral("openCatalogButton"), tr("Open a catalog…"),
        tr("A .vitrine file made by Vitrine or vitrine-cli."));
    m_import = addAction(column, QStringLiteral("importButton"), tr("Import a shop's CSV files…"),
        tr("Make a new catalog from your own items, people and events (CSV or JSON), with a preview of how "
           "each column is read."));
    hideDemoProgress();

    m_recentTitle = new QLabel(tr("Recent catalogs"));
    QFont bold = m_recentTitle->font();
    bold.setBold(true);
    m_recentTitle->setFont(bold);
    m_recent = new QListWidget;
    m_recent->setObjectName(QStringLiteral("recentCatalogs"));
    m_recent->setMaximumHeight(fontMetrics().height() * 10);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentRequested(item->data(Qt::UserRole).toString());
    });
    column->addSpacing(12);
    column->addWidget(m_recentTitle);
    column->addWidget(m_recent);
    column->addStretch(1);

    connect(m_demo, &QPushButton::clicked, this, &WelcomePage::createDemoRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(m_import, &QPushButton::clicked, this, &WelcomePage::importRequested);

    // A readable column in the middle of a wide window.
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(24, 32, 24, 24);
    outer->addStretch(1);
    auto *holder = new QWidget;
    holder->setLayout(column);
    holder->setMaximumWidth(fontMetrics().averageCharWidth() * 90);
    outer->addWidget(holder, 4);
    outer->addStretch(1);
    setRecentCatalogs({});
}

WelcomePage::~WelcomePage() = default;

QPushButton *WelcomePage::addAction(
    QVBoxLayout *layout, const QString &objectName, const QString &title, const QString &description)
{
    auto *button = new QPushButton(title);
    button->setObjectName(objectName);
    button->setToolTip(description);
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    button->setFont(font);
    button->setMinimumHeight(button->sizeHint().height() * 3 / 2);
    auto *note = new QLabel(description);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    note->setContentsMargins(4, 0, 0, 6);
    layout->addWidget(button);
    layout->addWidget(note);
    return button;
}

void WelcomePage::setRecentCatalogs(const QStringList &paths)
{
    m_recent->clear();
    for (const QString &path : paths) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())), m_recent);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
        if (!info.exists())
            item->setForeground(palette().brush(QPalette::PlaceholderText));
    }
    m_recentTitle->setVisible(!paths.isEmpty());
    m_recent->setVisible(!paths.isEmpty());
}

void WelcomePage::showDemoProgress(const QString &stage, double fraction)
{
    m_demo->setEnabled(false);
    m_open->setEnabled(false);
    m_import->setEnabled(false);
    m_progressLabel->setText(stage.isEmpty() ? tr("Creating the demo catalog…") : stage);
    if (fraction < 0) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(fraction * 1000));
    }
    m_progressLabel->show();
    m_progress->show();
}

void WelcomePage::hideDemoProgress()
{
    m_demo->setEnabled(true);
    m_open->setEnabled(true);
    m_import->setEnabled(true);
    m_progressLabel->hide();
    m_progress->hide();
}

} // namespace Vitrine
