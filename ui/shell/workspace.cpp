// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::Workspace)
};

} // namespace

QString workspaceKey(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Overview:
        return QStringLiteral("overview");
    case Workspace::Items:
        return QStringLiteral("items");
    case Workspace::People:
        return QStringLiteral("people");
    case Workspace::Slots:
        return QStringLiteral("slots");
    case Workspace::Segments:
        return QStringLiteral("segments");
    case Workspace::Layouts:
        return QStringLiteral("layouts");
    case Workspace::Campaigns:
        return QStringLiteral("campaigns");
    case Workspace::History:
        return QStringLiteral("history");
    }
    return {};
}

std::optional<Workspace> workspaceFromKey(QStringView key)
{
    for (Workspace workspace : AllWorkspaces) {
        if (key.compare(workspaceKey(workspace), Qt::CaseInsensitive) == 0)
            return workspace;
    }
    return std::nullopt;
}

QString workspaceTitle(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Overview:
        return Tr::tr("Overview");
    case Workspace::Items:
        return Tr::tr("Items");
    case Workspace::People:
        return Tr::tr("People");
    case Workspace::Slots:
        return Tr::tr("Slots");
    case Workspace::Segments:
        return Tr::tr("Segments");
    case Workspace::Layouts:
        return Tr::tr("Layouts");
    case Workspace::Campaigns:
        return Tr::tr("Campaigns");
    case Workspace::History:
        return Tr::tr("History");
    }
    return {};
}

QString workspaceDescription(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Overview:
        return Tr::tr("What the catalog holds: items, people and their events.");
    case Workspace::Items:
        return Tr::tr("Browse and search the catalog's products and content.");
    case Workspace::People:
        return Tr::tr("Look up a customer, their history, and exactly what they would be shown, with the "
                      "reason for every item.");
    case Workspace::Slots:
        return Tr::tr("Define recommendation slots: which strategies fill them, blended how, under which "
                      "business rules.");
    case Workspace::Segments:
        return Tr::tr("Define audience segments from demographics, behaviour and learned affinities, and "
                      "inspect their size, composition and overlap.");
    case Workspace::Layouts:
        return Tr::tr("Compose pages and e-mails whose blocks, category order, banners and copy vary per "
                      "segment and per person.");
    case Workspace::Campaigns:
        return Tr::tr("Write personal e-mail campaigns, preview any recipient and export the whole send.");
    case Workspace::History:
        return Tr::tr(
            "Every saved version of the segments, slots, layouts, banners and campaigns, removed ones "
            "included: compare a version with the current one and restore it.");
    }
    return {};
}

bool isWorkspaceAvailable(Workspace workspace)
{
    return workspace == Workspace::Overview || workspace == Workspace::Items
        || workspace == Workspace::People || workspace == Workspace::History;
}

} // namespace Vitrine
