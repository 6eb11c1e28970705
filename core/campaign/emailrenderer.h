// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigndefinition.h"
#include "layout/layoutdefinition.h"
#include "layout/resolvedpage.h"
#include "mimemessage.h"
#include "storage/contactreader.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Vitrine {

class PageResolver;

/** One recipient's e-mail: subject, both bodies, and what went into them. */
struct RenderedEmail
{
    bool ok = false;
    QString error;
    QString externalId;
    QString toName;
    QString toAddress;
    QString subject;
    QString html;
    QString text;
    QString segment; ///< the first segment of the priority list the person belongs to
    QString unsubscribeUrl;
    QString messageId;
    qint64 date = 0;
    ResolvedPage page; ///< the campaign's blocks as resolved for the person
    QStringList emptyBlocks; ///< slot blocks that came out empty
    QStringList fallbackBlocks; ///< slot blocks topped up by a fallback strategy
};

/**
 * Renders a campaign for one person with the kainjow Mustache library: resolves the campaign's
 * blocks (its layout, or its own block list) through PageResolver, builds the template data —
 * person merge fields with fallbacks, segment membership, behaviour, recommendation blocks — and
 * renders subject, HTML (escaped for HTML) and the plain-text alternative.
 *
 * Holds its own parsed templates: not thread-safe, so use one renderer per thread (the resolver
 * may be shared).
 */
class EmailRenderer
{
public:
    EmailRenderer(const PageResolver &resolver, const CampaignDefinition &campaign);
    ~EmailRenderer();
    EmailRenderer(const EmailRenderer &) = delete;
    EmailRenderer &operator=(const EmailRenderer &) = delete;

    /** False when the campaign cannot be rendered at all (its layout is missing...). */
    bool isValid(QString *error = nullptr) const;
    const CampaignDefinition &campaign() const;
    const LayoutDefinition &layout() const;

    /** `user` is the snapshot index of contact; `explain` adds reasons for a preview. */
    RenderedEmail render(const PersonContact &contact, int user, qint64 sendTime, bool explain = true);
    MimeMessage message(const RenderedEmail &email) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace Vitrine
