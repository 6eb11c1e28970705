// SPDX-License-Identifier: GPL-3.0-or-later
#include "audience/audiencepage.h"
#include "workspacefactory.h"

#include "workspacepage.h"

#include "catalog/catalogoverview.h"
#include "catalog/itemspage.h"
#include "history/historypage.h"
#include "people/peoplepage.h"
#include "session/catalogsession.h"
#include "slots/slotspage.h"
#include "widgets/placeholderpage.h"

#include <QVBoxLayout>

namespace Vitrine {

namespace {

/** A page whose content is a widget of its own (the overview, the history, a placeholder). */
WorkspacePage *wrap(Workspace workspace, CatalogSession *session, QWidget *content, QWidget *parent)
{
    auto *page = new WorkspacePage(workspace, session, parent);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(content);
    return page;
}

WorkspacePage *createOverview(CatalogSession *session, QWidget *parent)
{
    auto *overview = new CatalogOverview;
    WorkspacePage *page = wrap(Workspace::Overview, session, overview, parent);
    const auto show = [overview, session] {
        if (session->stats())
            overview->showCatalog(session->path(), *session->stats());
        else
            overview->showLoading(session->path());
    };
    QObject::connect(session, &CatalogSession::statsChanged, overview, show);
    show();
    return page;
}

/** History, which can show any configuration object: showObject("slots.home-for-you"). */
class HistoryWorkspacePage : public WorkspacePage
{
public:
    HistoryWorkspacePage(CatalogSession *session, QWidget *parent)
        : WorkspacePage(Workspace::History, session, parent)
        , m_history(new HistoryPage)
    {
        m_history->setDatabase(&session->database());
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_history);
    }
    ~HistoryWorkspacePage() override { m_history->setDatabase(nullptr); }

    HistoryPage *history() const { return m_history; }

    bool showObject(const QString &key) override
    {
        const qsizetype dot = key.indexOf(QLatin1Char('.'));
        return dot > 0 && m_history->selectObject(key.left(dot), key.mid(dot + 1));
    }

private:
    HistoryPage *m_history;
};

WorkspacePage *createHistory(CatalogSession *session, QWidget *parent)
{
    auto *page = new HistoryWorkspacePage(session, parent);
    HistoryPage *history = page->history();
    QObject::connect(session, &CatalogSession::catalogChanged, history, &HistoryPage::refresh);
    QObject::connect(history, &HistoryPage::restoreFinished, page, [page, session](bool restored, const QString &message) {
        if (restored)
            Q_EMIT page->statusMessage(message);
        session->checkForChanges();
    });
    return page;
}

} // namespace

WorkspacePage *createWorkspacePage(Workspace workspace, CatalogSession *session, QWidget *parent)
{
    switch (workspace) {
    case Workspace::Overview:
        return createOverview(session, parent);
    case Workspace::Items:
        return new ItemsPage(session, parent);
    case Workspace::People:
        return new PeoplePage(session, parent);
    case Workspace::Slots:
        return new SlotsPage(session, parent);
    case Workspace::Segments:
        return new AudiencePage(session, parent);
    case Workspace::History:
        return createHistory(session, parent);
    default:
        return wrap(workspace, session, new PlaceholderPage(workspace), parent);
    }
}

} // namespace Vitrine
