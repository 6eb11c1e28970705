// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Vitrine {

/**
 * A one-line message inside a page, in the manner of KDE's KMessageWidget: what an action did or
 * why it was refused, without a modal dialog. Hidden until there is something to say; the user
 * closes it, or the next message replaces it.
 */
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Information, ///< work in progress, or something to know
        Positive, ///< an action succeeded
        Error, ///< an action was refused or failed; nothing changed
    };

    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    void showMessage(Kind kind, const QString &text);
    void clearMessage();

    QString text() const;
    Kind kind() const { return m_kind; }

private:
    void applyColours();

    QLabel *m_label;
    QToolButton *m_close;
    Kind m_kind = Kind::Information;
};

} // namespace Vitrine
