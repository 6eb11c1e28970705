// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/slotresult.h"

#include <QJsonObject>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QStringListModel;
class QToolButton;

namespace Vitrine {

class CatalogSession;
class Job;
class SlotPreviewModel;

/**
 * The live preview of a slot being edited: what the draft definition shows one person (or an
 * anonymous visitor), on a product page or with a cart, as of the session's clock, as cards
 * with what each strategy contributed and why; why a named item is absent; and, when the draft
 * edits a stored slot, what changed against the saved version for the same request.
 *
 * It asks EngineSession::recommend(), the very function `vitrine-cli recommend --definition`
 * calls, off the UI thread; a newer request cancels the one running and a late answer to an
 * older request is dropped.
 */
class SlotPreviewView : public QWidget
{
    Q_OBJECT

public:
    /** People the person search suggests at most. */
    static constexpr int MaxSuggestions = 50;

    explicit SlotPreviewView(CatalogSession *session, QWidget *parent = nullptr);
    ~SlotPreviewView() override;

    /**
     * The slot being edited: @p savedKey names the stored slot (empty for a new one), @p definition
     * is the draft's JSON. An invalid definition shows the core's error instead of results.
     */
    void setDraft(const QString &savedKey, const QJsonObject &definition);
    QString savedKey() const { return m_savedKey; }

    /** Whether a preview is being computed. */
    bool isBusy() const { return !m_job.isNull(); }
    /** The draft's result last shown; nullptr when there is none (an invalid definition, no engine). */
    const SlotResult *result() const { return m_result ? &*m_result : nullptr; }
    /** The saved slot's result for the same request; nullptr for a new slot. */
    const SlotResult *savedResult() const { return m_saved ? &*m_saved : nullptr; }
    /** The error shown instead of results; empty when results are shown. */
    QString errorText() const { return m_error; }

    /** The person's external id; empty for an anonymous visitor. */
    QString person() const { return m_person; }
    void setPerson(const QString &externalId);
    QString contextItem() const { return m_contextItem; }
    /** The item of the product page the slot is on (sku); empty for none. */
    void setContextItem(const QString &sku);
    QStringList cart() const { return m_cart; }
    void setCart(const QStringList &skus);
    /** Asks where @p sku falls out of the draft; empty stops asking. */
    void whyNot(const QString &sku);
    /** The why-not answer shown, empty when none was asked. */
    QString whyNotText() const;

    SlotPreviewModel *model() const { return m_model; }
    /** The saved slot's items the draft no longer shows. */
    QStringList droppedOut() const;

public Q_SLOTS:
    void previousPerson();
    void nextPerson();
    /** Picks a random member of the stored segment @p segment (in the background). */
    void randomMemberOf(const QString &segment);
    /** Computes the preview again (the engine or the request changed). */
    void refresh();

Q_SIGNALS:
    /** A result (or the reason there is none) is shown. */
    void previewed();
    /** The person changed (search, previous / next, a random member). */
    void personChanged(const QString &externalId);

private:
    struct Outcome;

    void showOutcome(Outcome outcome);
    void showError(const QString &message);
    void updateAsOf();
    void updateSuggestions(QLineEdit *field, QStringListModel *model, bool people);
    void stepPerson(int delta);
    void fillSegmentMenu();

    CatalogSession *m_session;
    QString m_savedKey;
    QJsonObject m_definition;
    QString m_person;
    QString m_contextItem;
    QStringList m_cart;
    QString m_whyNotSku;

    int m_generation = 0;
    QPointer<Job> m_job;
    std::optional<SlotResult> m_result;
    std::optional<SlotResult> m_saved;
    QString m_error;

    SlotPreviewModel *m_model;
    QLineEdit *m_personField;
    QStringListModel *m_personSuggestions;
    QToolButton *m_segmentButton;
    QLineEdit *m_itemField;
    QStringListModel *m_itemSuggestions;
    QLineEdit *m_cartField;
    QLabel *m_asOf;
    QLabel *m_summary;
    QLabel *m_legend;
    QStackedWidget *m_pages;
    QListView *m_list;
    QLabel *m_message;
    QLabel *m_dropped;
    QLineEdit *m_whyNotField;
    QLabel *m_whyNotAnswer;
};

} // namespace Vitrine
