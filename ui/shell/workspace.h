// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <array>
#include <optional>

namespace Vitrine {

/** The studio's workspaces, in the order the navigation lists them. */
enum class Workspace
{
    Overview,
    Items,
    People,
    Slots,
    Segments,
    Layouts,
    Campaigns,
    History,
};

inline constexpr std::array AllWorkspaces = {
    Workspace::Overview,
    Workspace::Items,
    Workspace::People,
    Workspace::Slots,
    Workspace::Segments,
    Workspace::Layouts,
    Workspace::Campaigns,
    Workspace::History,
};

/** A stable, untranslated name ("overview", "items", ...), used on the command line. */
QString workspaceKey(Workspace workspace);
std::optional<Workspace> workspaceFromKey(QStringView key);

/** The translated name shown in the navigation and the View menu. */
QString workspaceTitle(Workspace workspace);
/** One sentence saying what the workspace is for. */
QString workspaceDescription(Workspace workspace);
/** Whether this build has the workspace, or only a page announcing it. */
bool isWorkspaceAvailable(Workspace workspace);

} // namespace Vitrine
