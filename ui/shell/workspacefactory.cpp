// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacefactory.h"

#include "workspacepage.h"

#include "catalog/catalogoverview.h"
#include "catalog/itemspage.h"
#include "history/historypage.h"
#include "people/peoplepage.h"
#include "session/catalogsession.h"
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

WorkspacePage *createHistory(CatalogSession *session, QWidget *parent)
{
    auto *history = new HistoryPage;
    history->setDatabase(&session->database());
    WorkspacePage *page = wrap(Workspace::History, session, history, parent);
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
    case Workspace::History:
        return createHistory(session, parent);
    default:
        return wrap(workspace, session, new PlaceholderPage(workspace), parent);
    }
}

} // namespace Vitrine
