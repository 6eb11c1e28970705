// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace Vitrine {

/**
 * The bar above the workspace that offers back the unsaved edits found after a crash: a
 * sentence saying what they are, Restore and Discard. Not modal: the catalog can be looked at
 * before deciding.
 */
class RecoveryBar : public QFrame
{
    Q_OBJECT

public:
    explicit RecoveryBar(QWidget *parent = nullptr);
    ~RecoveryBar() override;

    void offer(const QString &text, std::function<void()> restore, std::function<void()> discard);

private:
    QLabel *m_label;
    QPushButton *m_restore;
    QPushButton *m_discard;
    std::function<void()> m_onRestore;
    std::function<void()> m_onDiscard;
};

} // namespace Vitrine
