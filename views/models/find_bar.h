#pragma once

#include "find_expression.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;
class QComboBox;

namespace meshscope {

/// Whether the topology highlights the items an expression matches or hides them.
enum class FindMode { Find, Hide };

/// The find/hide bar above the topology: a line edit for a FindExpression, a presets
/// menu, a find/hide switch and an inline error label pointing at the column of a syntax
/// error. It only compiles expressions; the topology view applies them to its items.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget* parent = nullptr);

    FindExpression expression() const { return m_expression; }
    FindMode mode() const { return m_mode; }
    void setMode(FindMode mode);
    /// Replaces the text (as if typed) and compiles it.
    void setText(const QString& text);
    QString errorText() const;

Q_SIGNALS:
    /// A valid (possibly empty) expression was entered or the mode changed. Invalid text
    /// does not emit: the previous expression stays in force while the error is shown.
    void expressionChanged(const meshscope::FindExpression& expression, meshscope::FindMode mode);

private:
    void compile();

    QLineEdit* m_edit = nullptr;
    QToolButton* m_presets = nullptr;
    QComboBox* m_modeBox = nullptr;
    QLabel* m_error = nullptr;
    FindExpression m_expression;
    FindMode m_mode = FindMode::Find;
};

} // namespace meshscope
