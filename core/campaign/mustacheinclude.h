// SPDX-License-Identifier: GPL-3.0-or-later
// The kainjow Mustache library (Debian's libkainjow-mustache-dev), with its own warnings silenced.
// Included from .cpp files of core/campaign only; headers keep it out of their interface.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wconversion"
#include <kainjow/mustache.hpp>
#pragma GCC diagnostic pop
