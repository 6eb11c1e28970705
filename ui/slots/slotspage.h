// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/draftstore.h"
#include "shell/workspacepage.h"

#include <QJsonObject>
#include <QMap>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeWidget;

namespace Vitrine {

class MessageBar;
class SlotEvaluationView;
class SlotFiltersEditor;
class SlotModelsView;
class SlotPreviewView;
class SlotWhatIfView;
class StrategyListEditor;

/**
 * The Slots workspace: every slot with its strategies and where it is used; for the chosen one
 * its title, strategies with weights and parameters, fallback chain, size and ranking, and the
 * whole definition as JSON. Every edit is an undo step over a draft; Save writes them. Problems
 * are the core's (SlotDefinition::fromJson, checkStrategyParams), shown where they are.
 *
 * Issue 14 builds the rest on this: the live preview beside the editor, before/after, lint,
 * what-if, evaluation and the models panel.
 */
class SlotsPage : public WorkspacePage
{
    Q_OBJECT

public:
    explicit SlotsPage(CatalogSession *session, QWidget *parent = nullptr);
    ~SlotsPage() override;

    bool showObject(const QString &key) override;
    QString currentSlot() const { return m_current; }
    QJsonObject definition(const QString &key) const;
    QStringList slotKeys() const;

    QString newSlot();
    QString duplicateSlot();
    /** False and why (a layout or campaign uses it: which). */
    bool removeSlot(QString *error = nullptr);
    /** The core's problem with the definition as edited, empty when none. */
    QString problem() const { return m_problem; }

    QStandardItemModel *listModel() const { return m_list; }
    StrategyListEditor *strategiesEditor() const { return m_strategies; }
    StrategyListEditor *fallbackEditor() const { return m_fallback; }
    QPlainTextEdit *jsonEditor() const { return m_json; }
    SlotFiltersEditor *filtersEditor() const { return m_filters; }
    QTabWidget *tabs() const { return m_tabs; }
    /** The lint's warnings as shown ("code where: message"), and whether a check is on its way. */
    QStringList lintWarnings() const { return m_lintShown; }
    bool isLinting() const;
    /** The right-hand side of the editor, where the preview goes. */
    QSplitter *editorSplitter() const { return m_editorSplit; }
    SlotWhatIfView *whatIfView() const { return m_whatIf; }
    SlotEvaluationView *evaluationView() const { return m_evaluation; }
    SlotModelsView *modelsView() const { return m_models; }
    SlotPreviewView *previewView() const { return m_preview; }

Q_SIGNALS:
    /** The slot being edited or its definition changed (for the preview). */
    void draftChanged(const QString &key, const QJsonObject &definition);

private:
    void loadStored();
    void refreshList();
    void select(const QString &key);
    void showDefinition();
    void edit(const QJsonObject &next, int mergeId, const QString &what);
    void setField(const QString &key, const QJsonValue &value, int mergeId, const QString &what);
    void applyJsonText();
    void onDraftChanged(const DraftId &id);
    QStringList effectiveKeys() const;
    QString uniqueKey(const QString &base) const;
    void runLint();
    void showProblem();

    QMap<QString, QJsonObject> m_stored;
    QMap<QString, QStringList> m_users; ///< what uses each stored slot (layouts, campaigns)
    QString m_current;
    QString m_problem;
    bool m_showing = false;

    QStandardItemModel *m_list;
    QTableView *m_listView;
    QPushButton *m_new;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
    MessageBar *m_message;
    QLabel *m_key;
    QLineEdit *m_title;
    QLabel *m_problemLabel;
    QTabWidget *m_tabs;
    StrategyListEditor *m_strategies;
    StrategyListEditor *m_fallback;
    QSpinBox *m_minItems;
    QSpinBox *m_maxItems;
    QSpinBox *m_candidates;
    QComboBox *m_normalisation;
    QSpinBox *m_maxPerCategory;
    QSpinBox *m_maxPerBrand;
    QSpinBox *m_categoryLevel;
    QPlainTextEdit *m_json;
    SlotFiltersEditor *m_filters;
    QMap<QWidget *, QString> m_tabTitles; ///< each editing tab's title without a problem mark
    QLabel *m_jsonStatus;
    QSplitter *m_editorSplit;
    QTimer *m_jsonDelay;
    QTreeWidget *m_lint;
    SlotWhatIfView *m_whatIf = nullptr;
    SlotEvaluationView *m_evaluation = nullptr;
    SlotModelsView *m_models = nullptr;
    SlotPreviewView *m_preview = nullptr;
    QTimer *m_lintDelay;
    QStringList m_lintShown;
    int m_lintToken = 0;
    int m_lintedToken = 0;
};

} // namespace Vitrine
