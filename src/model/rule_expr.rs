//! The rules of the objectivity analytics by id, and the boolean expressions that
//! combine them into a category's sign (`a AND (b1 OR c OR f)`).
//!
//! The grammar is tiny and written by hand, so an error can say in Russian where the
//! expression went wrong:
//!
//! ```text
//! expr   := term ("OR" term)*
//! term   := factor ("AND" factor)*
//! factor := "NOT" factor | "(" expr ")" | rule
//! rule   := a | b1 | b2 | c | d | e | f
//! ```
//!
//! `AND`, `OR`, `NOT` may also be written `И`, `ИЛИ`, `НЕ`, in any case.

use crate::diagnostic::Message;
use crate::tr;
use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

/// A rule of `ANALYTICS.md` §2 that can fire on one procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub(crate) enum Rule {
    /// Anomalously high ВПР results against the benchmark.
    A,
    /// ВПР marks above the school's marks (`raised`).
    B1,
    /// School marks above ВПР (`lowered`).
    B2,
    /// A sharp change of a cohort or a grade, against the benchmark's change.
    C,
    /// Medal candidates not confirming on the ЕГЭ.
    D,
    /// ОГЭ/ЕГЭ results anomalously high.
    E,
    /// A high ВПР in 8th grade not confirmed by the same cohort's ОГЭ.
    F,
}

impl Rule {
    pub(crate) const ALL: [Rule; 7] = [
        Rule::A,
        Rule::B1,
        Rule::B2,
        Rule::C,
        Rule::D,
        Rule::E,
        Rule::F,
    ];

    pub(crate) fn id(self) -> &'static str {
        match self {
            Rule::A => "a",
            Rule::B1 => "b1",
            Rule::B2 => "b2",
            Rule::C => "c",
            Rule::D => "d",
            Rule::E => "e",
            Rule::F => "f",
        }
    }

    fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL
            .into_iter()
            .find(|r| r.id().eq_ignore_ascii_case(id))
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A parsed combination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    Rule(Rule),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// The value of the expression when `fired` tells which rules fired.
    pub(crate) fn eval(&self, fired: &dyn Fn(Rule) -> bool) -> bool {
        match self {
            Expr::Rule(rule) => fired(*rule),
            Expr::Not(inner) => !inner.eval(fired),
            Expr::And(a, b) => a.eval(fired) && b.eval(fired),
            Expr::Or(a, b) => a.eval(fired) || b.eval(fired),
        }
    }

    /// Every rule the expression mentions.
    pub(crate) fn rules(&self) -> BTreeSet<Rule> {
        let mut out = BTreeSet::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut BTreeSet<Rule>) {
        match self {
            Expr::Rule(rule) => {
                out.insert(*rule);
            }
            Expr::Not(inner) => inner.collect(out),
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.collect(out);
                b.collect(out);
            }
        }
    }
}

/// A parse error: the character offset in the expression and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExprError {
    pub(crate) offset: usize,
    pub(crate) message: Message,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    Rule(Rule),
}

/// Splits the text into tokens with their character offsets.
fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, ExprError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '(' || c == ')' {
            out.push((i, if c == '(' { Token::Open } else { Token::Close }));
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let token = match word.to_uppercase().as_str() {
                "AND" | "И" => Token::And,
                "OR" | "ИЛИ" => Token::Or,
                "NOT" | "НЕ" => Token::Not,
                _ => match Rule::from_id(&word) {
                    Some(rule) => Token::Rule(rule),
                    None => {
                        return Err(ExprError {
                            offset: start,
                            message: tr!("неизвестное правило «{word}»", "unknown rule “{word}”"),
                        })
                    }
                },
            };
            out.push((start, token));
            continue;
        }
        return Err(ExprError {
            offset: i,
            message: tr!(
                "недопустимый знак «{c}»",
                "the character “{c}” is not allowed"
            ),
        });
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    at: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|t| &t.1)
    }

    fn offset(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |t| t.0)
    }

    fn expr(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.term()?;
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            left = Expr::Or(Box::new(left), Box::new(self.term()?));
        }
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, ExprError> {
        let mut left = self.factor()?;
        while self.peek() == Some(&Token::And) {
            self.at += 1;
            left = Expr::And(Box::new(left), Box::new(self.factor()?));
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Expr, ExprError> {
        let offset = self.offset();
        match self.tokens.get(self.at).map(|t| t.1.clone()) {
            Some(Token::Not) => {
                self.at += 1;
                Ok(Expr::Not(Box::new(self.factor()?)))
            }
            Some(Token::Open) => {
                self.at += 1;
                let inner = self.expr()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(ExprError {
                        offset: self.offset(),
                        message: tr!(
                            format!("не закрыта скобка, открытая в позиции {}", offset + 1),
                            format!(
                                "the bracket opened at position {} is not closed",
                                offset + 1
                            )
                        ),
                    });
                }
                self.at += 1;
                Ok(inner)
            }
            Some(Token::Rule(rule)) => {
                self.at += 1;
                Ok(Expr::Rule(rule))
            }
            Some(Token::Close) => Err(ExprError {
                offset,
                message: tr!(
                    "лишняя закрывающая скобка или пустые скобки",
                    "an extra closing bracket or empty brackets"
                ),
            }),
            Some(Token::And | Token::Or) => Err(ExprError {
                offset,
                message: tr!(
                    "перед AND/OR не хватает правила",
                    "a rule is missing before AND/OR"
                ),
            }),
            None => Err(ExprError {
                offset,
                message: tr!(
                    "выражение обрывается: не хватает правила",
                    "the expression breaks off: a rule is missing"
                ),
            }),
        }
    }
}

/// Parses a combination such as `a AND (b1 OR c OR f)`.
pub(crate) fn parse_expr(text: &str) -> Result<Expr, ExprError> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        end: text.chars().count(),
    };
    let expr = parser.expr()?;
    if parser.at < parser.tokens.len() {
        return Err(ExprError {
            offset: parser.offset(),
            message: tr!(
                "между правилами не хватает AND или OR (или лишняя скобка)",
                "AND or OR is missing between the rules (or a bracket is extra)"
            ),
        });
    }
    Ok(expr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(text: &str, fired: &[Rule]) -> bool {
        parse_expr(text).unwrap().eval(&|r| fired.contains(&r))
    }

    #[test]
    fn reads_the_default_combination_with_and_binding_tighter() {
        let expr = parse_expr("a AND (b1 OR c OR f)").unwrap();
        assert_eq!(
            expr.rules().into_iter().collect::<Vec<_>>(),
            [Rule::A, Rule::B1, Rule::C, Rule::F]
        );
        assert!(eval("a AND (b1 OR c OR f)", &[Rule::A, Rule::C]));
        assert!(!eval("a AND (b1 OR c OR f)", &[Rule::A]));
        assert!(!eval("a AND (b1 OR c OR f)", &[Rule::B1, Rule::C]));
        // AND before OR: b2 alone is enough here.
        assert!(eval("a AND b1 OR b2", &[Rule::B2]));
        assert!(!eval("a AND (b1 OR b2)", &[Rule::B2]));
    }

    #[test]
    fn reads_not_and_russian_words_in_any_case() {
        assert!(eval("a и не b2", &[Rule::A]));
        assert!(!eval("A И НЕ B2", &[Rule::A, Rule::B2]));
        assert!(eval("b2 ИЛИ d", &[Rule::D]));
        assert!(eval("not (a or e)", &[]));
    }

    #[test]
    fn says_where_an_expression_is_wrong() {
        let at = |text: &str| parse_expr(text).unwrap_err();
        assert_eq!(at("a AND g").offset, 6);
        assert!(at("a AND g").message.ru.contains("«g»"));
        assert_eq!(at("a AND (b1 OR c").offset, 14);
        assert!(at("a AND (b1 OR c").message.ru.contains("скобка"));
        assert_eq!(at("a b1").offset, 2);
        assert_eq!(at("a AND").offset, 5);
        assert_eq!(at("OR a").offset, 0);
        assert_eq!(at("a & b1").offset, 2);
        assert_eq!(at("").offset, 0);
    }
}
