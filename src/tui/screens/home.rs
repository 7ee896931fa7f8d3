//! Home: the coachees, their last session, open and overdue actions; its keys.

use crate::model::CoacheeId;
use crate::model::SessionId;
use crate::tui::effect::Task;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::common;
use crate::dates;
use crate::model::CoacheeSummary;
use crate::tui::effect::Effect;
use crate::tui::form::{Form, FormKind};
use crate::tui::keymap::Cmd;
use crate::tui::msg::Msg;
use crate::tui::popup::{OnYes, Popup};
use crate::tui::screens::common::Ui;

pub fn draw(ui: &Ui<'_>, home: &Home, frame: &mut Frame, area: Rect) {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let count = home.rows.len();
    let place = if home.show_archived {
        format!("Coachees ({count}, archived shown)")
    } else {
        format!("Coachees ({count})")
    };
    common::title_bar(ui, frame, top, &place, vec![]);
    if home.loaded && home.rows.is_empty() {
        empty_state(ui, frame, body);
        return;
    }
    let t = &ui.theme;
    let mark = |o: HomeOrder, label: &'static str| -> String {
        if home.order == o {
            format!("{label}↓")
        } else {
            label.to_owned()
        }
    };
    let header = Row::new([
        String::new(),
        mark(HomeOrder::Name, "Name"),
        "Role".to_owned(),
        mark(HomeOrder::NextDue, "Next"),
        mark(HomeOrder::LastSession, "Last"),
        "Sessions".to_owned(),
        "Open".to_owned(),
        "Overdue".to_owned(),
    ])
    .style(t.title);
    // As wide as the longest "in 10 days" / "overdue by 99 days" shown (and
    // its heading with the order mark), so names and roles get the rest.
    let next_w = home
        .rows
        .iter()
        .filter_map(|s| s.next_session)
        .map(|d| crate::tui::wrap::width(&dates::due_words(d, ui.today)))
        .max()
        .unwrap_or(0)
        .clamp(5, 18);
    let widths = [
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(next_w).unwrap_or(18)),
        Constraint::Length(10),
        Constraint::Length(8),
        Constraint::Length(4),
        Constraint::Length(7),
    ];
    let cols = common::column_widths(area.width.saturating_sub(2), &widths, 2);
    let rows: Vec<Row> = home
        .rows
        .iter()
        .map(|s| {
            let marker = if s.unfinished_session.is_some() {
                "▶"
            } else {
                " "
            };
            let mut name = s.coachee.name.clone();
            if s.coachee.archived {
                name.push_str(" (archived)");
            }
            let overdue = if s.overdue_actions > 0 {
                Cell::from(Span::styled(format!("{} !", s.overdue_actions), t.warn))
            } else {
                Cell::from("0")
            };
            let next = match s.next_session {
                Some(d) if d < ui.today => Cell::from(Span::styled(
                    common::fit(&dates::due_words(d, ui.today), &cols, 3),
                    t.warn,
                )),
                Some(d) => Cell::from(common::fit(&dates::due_words(d, ui.today), &cols, 3)),
                None => Cell::from(Span::styled("-", t.dim)),
            };
            Row::new(vec![
                Cell::from(Span::styled(marker, t.warn)),
                Cell::from(common::fit(&name, &cols, 1)),
                Cell::from(common::fit(&s.coachee.role, &cols, 2)),
                next,
                Cell::from(
                    s.last_session
                        .map_or_else(|| "never".into(), |d| dates::fmt_date(dates::local_date(d))),
                ),
                Cell::from(s.sessions.to_string()),
                Cell::from(s.open_actions.to_string()),
                overdue,
            ])
        })
        .collect();
    let [list, detail, legend] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(body);
    let table = Table::new(rows, widths)
        .header(header)
        .block(common::block(ui, " Coachees ", true))
        .row_highlight_style(t.selected)
        .highlight_symbol("› ");
    let mut state = TableState::default().with_selected(Some(home.selected));
    frame.render_stateful_widget(table, list, &mut state);
    // The selected coachee in full: the table cuts long names with `…`.
    if let Some(sel) = home.selected() {
        let mut text = format!(" › {}", sel.coachee.name);
        if !sel.coachee.role.is_empty() {
            text.push_str(&format!(" · {}", sel.coachee.role));
        }
        if let Some(d) = sel.next_session {
            text.push_str(&format!(" · next {}", dates::fmt_date_long(d)));
        }
        if sel.coachee.rhythm_days.is_some() {
            text.push_str(&format!(
                " · {}",
                dates::fmt_rhythm(sel.coachee.rhythm_days)
            ));
        }
        let fitted = crate::tui::wrap::ellipsis(&text, usize::from(detail.width));
        frame.render_widget(Paragraph::new(Line::styled(fitted, t.base)), detail);
    }
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" ▶", t.warn),
            Span::styled(" unfinished session (c resumes)   ", t.dim),
            Span::styled("!", t.warn),
            Span::styled(" overdue actions", t.dim),
        ])),
        legend,
    );
}

fn empty_state(ui: &Ui<'_>, frame: &mut Frame, area: Rect) {
    let t = &ui.theme;
    let text = vec![
        Line::styled("Welcome to innerceo", t.title),
        Line::from(""),
        Line::from("No coachees yet."),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled("a", t.key),
            Span::raw(" to add your first coachee, then "),
            Span::styled("n", t.key),
            Span::raw(" to start a session with them."),
        ]),
        Line::from(""),
        Line::from(vec![
            Span::raw("To explore with sample data first, quit ("),
            Span::styled("q", t.key),
            Span::raw(") and run:"),
        ]),
        // On a line of its own, so the command is never split to copy.
        Line::styled(ui.demo_command.to_owned(), t.key),
        Line::from(""),
        Line::styled(
            format!("Your notes stay on this machine, in {}", ui.db_label),
            t.dim,
        ),
    ];
    let area = common::centered(area, 76, 11);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).centered(),
        area,
    );
}

/// The home screen's list.
#[derive(Default)]
pub struct Home {
    pub rows: Vec<CoacheeSummary>,
    pub selected: usize,
    pub show_archived: bool,
    pub loaded: bool,
    pub order: HomeOrder,
    /// The coachee to select once the rows are read again (one just added).
    pub select: Option<CoacheeId>,
}

/// How home lists coachees (`o` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HomeOrder {
    #[default]
    Name,
    /// Soonest next session first; those with none last.
    NextDue,
    /// Most recent session first; never seen last.
    LastSession,
}

impl HomeOrder {
    pub fn next(self) -> Self {
        match self {
            HomeOrder::Name => HomeOrder::NextDue,
            HomeOrder::NextDue => HomeOrder::LastSession,
            HomeOrder::LastSession => HomeOrder::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HomeOrder::Name => "by name",
            HomeOrder::NextDue => "by next session due",
            HomeOrder::LastSession => "by last session",
        }
    }
}

impl Home {
    pub fn selected(&self) -> Option<&CoacheeSummary> {
        self.rows.get(self.selected)
    }

    /// Puts the rows in `order` (the store lists them by name), keeping
    /// the selection on the same coachee.
    pub fn sort(&mut self) {
        let keep = self.selected().map(|s| s.coachee.id.clone());
        match self.order {
            HomeOrder::Name => self
                .rows
                .sort_by_cached_key(|r| (r.coachee.name.to_lowercase(), r.coachee.id.clone())),
            HomeOrder::NextDue => self
                .rows
                .sort_by_key(|r| (r.next_session.is_none(), r.next_session)),
            HomeOrder::LastSession => self.rows.sort_by_key(|r| std::cmp::Reverse(r.last_session)),
        }
        if let Some(i) = keep.and_then(|id| self.rows.iter().position(|r| r.coachee.id == id)) {
            self.selected = i;
        }
    }

    /// A key on home: messages for the app to apply.
    pub fn update(&mut self, cmd: Option<Cmd>) -> Vec<Msg> {
        let Some(cmd) = cmd else { return vec![] };
        let n = self.rows.len();
        match cmd {
            Cmd::Up | Cmd::Down | Cmd::Top | Cmd::Bottom => {
                self.selected = super::common::moved(self.selected, n, cmd);
            }
            Cmd::Quit => return vec![Msg::Quit],
            Cmd::AddCoachee => {
                return vec![Msg::Popup(Popup::Form(Box::new(Form::coachee(
                    FormKind::AddCoachee,
                    "",
                    "",
                    None,
                ))))];
            }
            Cmd::Rename => {
                if let Some(s) = self.selected() {
                    let c = &s.coachee;
                    return vec![Msg::Popup(Popup::Form(Box::new(Form::coachee(
                        FormKind::EditCoachee { id: c.id.clone() },
                        &c.name,
                        &c.role,
                        c.rhythm_days,
                    ))))];
                }
            }
            Cmd::Archive => {
                if let Some(s) = self.selected() {
                    let archived = !s.coachee.archived;
                    let text = if archived {
                        format!(
                            "Archive {}? Their sessions are kept; show them again with A.",
                            s.coachee.name
                        )
                    } else {
                        format!("Bring {} back from the archive?", s.coachee.name)
                    };
                    return vec![Msg::Popup(Popup::Confirm {
                        text,
                        on_yes: OnYes::Archive {
                            id: s.coachee.id.clone(),
                            archived,
                        },
                    })];
                }
            }
            Cmd::DeleteCoachee => {
                if let Some(s) = self.selected() {
                    let form = crate::tui::form::Form::delete_coachee(
                        s.coachee.id.clone(),
                        &s.coachee.name,
                    );
                    return vec![Msg::Popup(Popup::Form(Box::new(form)))];
                }
            }
            Cmd::CycleOrder => {
                self.order = self.order.next();
                self.sort();
                return vec![Msg::Say(format!(
                    "Coachees {}; o changes the order",
                    self.order.label()
                ))];
            }
            Cmd::ToggleArchived => {
                self.show_archived = !self.show_archived;
                return vec![Msg::Effect(Effect::Task(Task::LoadHome))];
            }
            Cmd::NewSession => {
                if let Some(s) = self.selected() {
                    if let Some(sid) = &s.unfinished_session {
                        return vec![Msg::Popup(Popup::Unfinished {
                            coachee_id: s.coachee.id.clone(),
                            session_id: sid.clone(),
                            name: s.coachee.name.clone(),
                        })];
                    }
                    return vec![Msg::Popup(Popup::Picker {
                        coachee_id: s.coachee.id.clone(),
                        coachee_name: s.coachee.name.clone(),
                        selected: 0,
                    })];
                }
                return vec![Msg::Say("Add a coachee first: press a".to_owned())];
            }
            Cmd::Resume => match self.selected() {
                Some(s) => {
                    if let Some(id) = &s.unfinished_session {
                        return vec![Msg::Effect(Effect::Task(Task::OpenSession {
                            session_id: id.clone(),
                        }))];
                    }
                    // Exactly one unfinished session among the coachees:
                    // that is the one to resume, whoever is selected; with
                    // several, the coach picks one from a list.
                    let mut open: Vec<(SessionId, String, time::OffsetDateTime)> = self
                        .rows
                        .iter()
                        .filter_map(|r| {
                            let id = r.unfinished_session.clone()?;
                            Some((id, r.coachee.name.clone(), r.unfinished_started?))
                        })
                        .collect();
                    if let [(id, _, _)] = open.as_slice() {
                        return vec![Msg::Effect(Effect::Task(Task::OpenSession {
                            session_id: id.clone(),
                        }))];
                    }
                    if open.len() > 1 {
                        open.sort_by_key(|(_, _, at)| *at);
                        return vec![Msg::Popup(Popup::ResumeList {
                            sessions: open,
                            selected: 0,
                        })];
                    }
                    let name = s.coachee.name.clone();
                    return vec![Msg::Say(format!(
                        "{name} has no unfinished session: press n to start one"
                    ))];
                }
                None => return vec![Msg::Say("Add a coachee first: press a".to_owned())],
            },
            Cmd::Open => match self.selected() {
                Some(s) => {
                    return vec![Msg::Effect(Effect::Task(Task::LoadCoachee {
                        coachee_id: s.coachee.id.clone(),
                    }))];
                }
                None => return vec![Msg::Say("Add a coachee first: press a".to_owned())],
            },
            Cmd::ActionsBoard => {
                return vec![Msg::Effect(Effect::Task(Task::LoadBoard {
                    status: crate::store::StatusFilter::Open,
                    coachee_id: None,
                }))];
            }
            _ => {}
        }
        vec![]
    }
}
