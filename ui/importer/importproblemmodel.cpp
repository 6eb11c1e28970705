// SPDX-License-Identifier: GPL-3.0-or-later
#include "importproblemmodel.h"

namespace Vitrine {

ImportProblemModel::ImportProblemModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void ImportProblemModel::setProblems(const QString &path, const QList<ImportProblem> &problems)
{
    beginResetModel();
    m_path = path;
    m_problems = problems;
    endResetModel();
}

QString ImportProblemModel::shortMessage(const QString &path, const QString &message)
{
    const QString prefix = path + QLatin1Char(':');
    if (!message.startsWith(prefix))
        return message;
    const QString rest = message.mid(prefix.size());
    // "12: field …" is a line of a CSV file; a JSON file's records say "record 12: …" already.
    if (!rest.isEmpty() && rest.front().isDigit())
        return tr("line %1").arg(rest);
    return rest.trimmed();
}

int ImportProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

QVariant ImportProblemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_problems.size())
        return {};
    const ImportProblem &problem = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return shortMessage(m_path, problem.message);
    case Qt::ToolTipRole:
        return problem.line > 0 ? tr("%1\nSelect it to see the row.").arg(problem.message) : problem.message;
    case LineRole:
        return problem.line;
    case FieldRole:
        return problem.field;
    case MessageRole:
        return problem.message;
    default:
        return {};
    }
}

} // namespace Vitrine
