// SPDX-License-Identifier: GPL-3.0-or-later
#include "quickopendialog.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Vitrine {

namespace {

/** Typing pauses shorter than this do not start a search of their own. */
constexpr int SearchDelayMs = 120;
constexpr int HitsPerKind = 8;

} // namespace

QuickOpenDialog::QuickOpenDialog(const QString &catalogPath, QWidget *parent)
    : QDialog(parent)
    , m_catalogPath(catalogPath)
    , m_input(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_delay(new QTimer(this))
    , m_watcher(new QFutureWatcher<QList<SearchHit>>(this))
{
    setObjectName(QStringLiteral("quickOpenDialog"));
    setWindowTitle(tr("Quick Open"));
    m_input->setObjectName(QStringLiteral("quickOpenInput"));
    m_input->setPlaceholderText(tr("Find a person, item, segment, slot, layout or campaign…"));
    m_input->setClearButtonEnabled(true);
    m_input->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("quickOpenList"));
    m_list->setAlternatingRowColors(true);
    m_status->setObjectName(QStringLiteral("quickOpenStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setText(tr("Type a name, an id, an e-mail address, a SKU or a key. Enter opens the first match."));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    resize(640, 420);

    m_delay->setSingleShot(true);
    m_delay->setInterval(SearchDelayMs);
    connect(m_input, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_delay, &QTimer::timeout, this, &QuickOpenDialog::search);
    connect(m_input, &QLineEdit::returnPressed, this, &QuickOpenDialog::choose);
    connect(m_list, &QListWidget::itemActivated, this, &QuickOpenDialog::choose);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &QuickOpenDialog::showHits);
}

QuickOpenDialog::~QuickOpenDialog()
{
    m_watcher->waitForFinished();
}

QString QuickOpenDialog::kindLabel(SearchHit::Kind kind)
{
    switch (kind) {
    case SearchHit::Kind::Person:
        return tr("Person");
    case SearchHit::Kind::Item:
        return tr("Item");
    case SearchHit::Kind::Segment:
        return tr("Segment");
    case SearchHit::Kind::Slot:
        return tr("Slot");
    case SearchHit::Kind::Layout:
        return tr("Layout");
    case SearchHit::Kind::Banner:
        return tr("Banner");
    case SearchHit::Kind::Campaign:
        return tr("Campaign");
    }
    return {};
}

void QuickOpenDialog::search()
{
    if (m_watcher->isRunning()) {
        m_pending = true; // searched again when this one is back
        return;
    }
    m_searching = m_input->text().trimmed();
    if (m_searching.isEmpty()) {
        m_hits.clear();
        m_list->clear();
        return;
    }
    const QString path = m_catalogPath;
    const QString text = m_searching;
    m_watcher->setFuture(QtConcurrent::run([path, text]() -> QList<SearchHit> {
        Database db;
        if (!db.open(path, Database::OpenMode::ReadOnly, nullptr))
            return {};
        return searchCatalog(db, text, HitsPerKind);
    }));
}

void QuickOpenDialog::showHits()
{
    if (std::exchange(m_pending, false) || m_searching != m_input->text().trimmed()) {
        search(); // the text changed meanwhile: these hits are stale
        return;
    }
    m_hits = m_watcher->result();
    m_list->clear();
    for (const SearchHit &hit : std::as_const(m_hits)) {
        auto *item = new QListWidgetItem(
            tr("%1  —  %2").arg(hit.title, hit.detail.isEmpty() ? kindLabel(hit.kind) : hit.detail), m_list);
        item->setToolTip(tr("%1 %2").arg(kindLabel(hit.kind), hit.key));
        item->setData(Qt::UserRole, int(m_list->count() - 1));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_status->setText(m_hits.isEmpty() ? tr("Nothing matches “%1”.").arg(m_searching)
                                       : tr("%n match(es). ↑↓ to choose, Enter to open.", nullptr, int(m_hits.size())));
    Q_EMIT hitsShown();
}

void QuickOpenDialog::choose()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_hits.size())
        return;
    m_chosen = m_hits.at(row);
    accept();
}

bool QuickOpenDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up and down move through the list while typing goes on in the box.
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown
            || key->key() == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Vitrine
