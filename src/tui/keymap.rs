//! The keymap: pure tables from (context, key) to a command.
//!
//! The help screen and the status line are generated from these tables, so
//! what they say is always what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for. Text typed into an editor is not a command: keys with
/// no binding in an editing context go to the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmd {
    Quit,
    ForceQuit,
    Help,
    Back,
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Open,
    AddCoachee,
    Rename,
    Archive,
    ToggleArchived,
    NewSession,
    Resume,
    NextStage,
    PrevStage,
    NextField,
    PrevField,
    Edit,
    SaveNow,
    ToggleNotes,
    ToggleShareSafe,
    Finish,
    Digit(u8),
    /// The coach's private notes about the coachee (coachee page).
    EditNotes,
    /// Park a topic for the next session.
    ParkTopic,
    /// Open the field's text in `$VISUAL` / `$EDITOR`.
    EditOutside,
    /// Take the score the coachee prepared (a rating).
    TakePrepared,
    MarkDone,
    /// A goal is achieved.
    MarkAchieved,
    MarkCarried,
    MarkDropped,
    Toggle,
    AddAction,
    /// Set a new goal (a goals stage).
    AddGoal,
    /// Change what a goal says: text, center, aim, date, who sees it.
    EditGoal,
    Delete,
    Submit,
    Yes,
    No,
    CycleFocus,
    Search,
    ActionsBoard,
    Export,
    /// Write a progress report (coachee page).
    Report,
    /// The coachee's preparation: write the form, import the answers.
    Prepare,
    CompareEarlier,
    CompareLater,
    CycleStatus,
    CycleCoachee,
    Reopen,
    EditDue,
    ToggleIntro,
    TakeOver,
    Undo,
    Correct,
    Discard,
    DeleteCoachee,
    Copy,
    CycleOrder,
}

/// Where the key was pressed: decides which table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    Picker,
    Form,
    Confirm,
    Unfinished,
    /// Which of several unfinished sessions to resume.
    ResumeList,
    /// Typing the coach's notes about a coachee.
    Notes,
    Help,
    /// A prompt's answer or the rationale: printable keys type.
    SessionText,
    /// A one-line text field (the next session's date).
    SessionLine,
    /// Typing into the focused control's note.
    SessionNote,
    /// The private-notes pane has the keys.
    SessionPane,
    SessionRating,
    SessionConfidence,
    SessionReview,
    /// A parked topic in the review stage.
    SessionTopic,
    /// A goal in a goals stage.
    SessionGoal,
    /// The "set a goal" line of a goals stage.
    SessionAddGoal,
    SessionOption,
    SessionTag,
    SessionAction,
    SessionAddAction,
    /// A stage with nothing to focus (a review with no open actions).
    SessionEmpty,
    /// Another window edits the session: reading only.
    SessionReadOnly,
    Summary,
    /// The coachee page, its sessions having the keys.
    Coachee,
    /// The coachee page's list of goals, actions and topics, on an action
    /// or a topic.
    CoacheeList,
    /// The coachee page's list, on a goal.
    CoacheeGoal,
    /// A finished session's detail.
    Detail,
    /// An unfinished session's detail: it can be resumed.
    DetailUnfinished,
    Board,
    Search,
}

impl Context {
    /// Every context, for the tests that walk them all.
    pub const ALL: &[Context] = &[
        Context::Home,
        Context::Picker,
        Context::Form,
        Context::Confirm,
        Context::Unfinished,
        Context::ResumeList,
        Context::Notes,
        Context::Help,
        Context::SessionText,
        Context::SessionLine,
        Context::SessionNote,
        Context::SessionPane,
        Context::SessionRating,
        Context::SessionConfidence,
        Context::SessionReview,
        Context::SessionTopic,
        Context::SessionGoal,
        Context::SessionAddGoal,
        Context::SessionOption,
        Context::SessionTag,
        Context::SessionAction,
        Context::SessionAddAction,
        Context::SessionEmpty,
        Context::SessionReadOnly,
        Context::Summary,
        Context::Coachee,
        Context::CoacheeList,
        Context::CoacheeGoal,
        Context::Detail,
        Context::DetailUnfinished,
        Context::Board,
        Context::Search,
    ];

    /// Whether this is the live session screen.
    pub fn is_session(self) -> bool {
        self.types_text()
            || matches!(
                self,
                Context::SessionRating
                    | Context::SessionConfidence
                    | Context::SessionReview
                    | Context::SessionTopic
                    | Context::SessionGoal
                    | Context::SessionAddGoal
                    | Context::SessionOption
                    | Context::SessionTag
                    | Context::SessionAction
                    | Context::SessionAddAction
                    | Context::SessionEmpty
                    | Context::SessionReadOnly
            )
    }

    /// Whether printable keys type into an editor here.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Context::SessionText
                | Context::SessionLine
                | Context::SessionNote
                | Context::SessionPane
        )
    }
}

/// A key as written in the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

// The tables and their key helpers; kept one binding per line.
#[rustfmt::skip]
mod tables;

use tables::tables;

/// One line of a keymap table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub cmd: Cmd,
    /// Short label for the status line.
    pub label: &'static str,
    /// Longer text for the help screen.
    pub help: &'static str,
    /// Whether the status line shows it.
    pub status: bool,
}

/// Every binding of a context, in display order.
pub fn bindings(ctx: Context) -> Vec<Binding> {
    tables(ctx).into_iter().flatten().copied().collect()
}

/// The command a key press means in `ctx`, if any.
pub fn lookup(ctx: Context, ev: &KeyEvent) -> Option<Cmd> {
    for table in tables(ctx) {
        for bind in table {
            if bind.keys.iter().any(|key| matches(key, ev)) {
                return Some(match (bind.cmd, ev.code) {
                    (Cmd::Digit(_), KeyCode::Char(c)) => {
                        Cmd::Digit(c.to_digit(10).unwrap_or(0) as u8)
                    }
                    (cmd, _) => cmd,
                });
            }
        }
    }
    None
}

fn matches(key: &Key, ev: &KeyEvent) -> bool {
    // Shift is part of the character itself ('A', '?') and of Shift-Tab,
    // so ignore it there; terminals differ in whether they report it.
    let mods = match ev.code {
        KeyCode::Char(_) | KeyCode::BackTab => ev.modifiers - KeyModifiers::SHIFT,
        _ => ev.modifiers,
    };
    let want = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.mods - KeyModifiers::SHIFT,
        _ => key.mods,
    };
    let code_eq = match (key.code, ev.code) {
        (KeyCode::Char(a), KeyCode::Char(b)) if key.mods.contains(KeyModifiers::CONTROL) => {
            a.eq_ignore_ascii_case(&b)
        }
        (a, b) => a == b,
    };
    code_eq && mods == want
}

/// How a key is written on screen: `Ctrl-n`, `Enter`, `?`.
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => return "Shift-Tab".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::Delete => "Del".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// All keys of a binding joined for the help screen: `↑/k`.
pub fn keys_label(bind: &Binding) -> String {
    if matches!(bind.cmd, Cmd::Digit(_)) {
        // Digits are listed as a range: 1-5, or 1-9, 0 when 0 means 10.
        let first = bind.keys.first().map(key_name).unwrap_or_default();
        let last = bind.keys.last().map(key_name).unwrap_or_default();
        return if last == "0" {
            "1-9, 0".to_owned()
        } else {
            format!("{first}-{last}")
        };
    }
    bind.keys.iter().map(key_name).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn ctrl_keys_work_while_typing_and_letters_go_to_the_editor() {
        let ctx = Context::SessionText;
        assert_eq!(
            lookup(ctx, &key(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Cmd::NextStage)
        );
        for c in [' ', 'q', '?', '/', 'a', 'd', '1'] {
            assert_eq!(
                lookup(ctx, &key(KeyCode::Char(c), KeyModifiers::NONE)),
                None
            );
        }
        assert_eq!(
            lookup(ctx, &key(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            Some(Cmd::Quit)
        );
    }

    /// No printable key quits, finishes, leaves or moves in a session,
    /// whatever has the focus (docs/keys.md).
    #[test]
    fn printable_keys_never_leave_or_quit_a_session() {
        for ctx in Context::ALL.iter().filter(|c| c.is_session()) {
            for b in bindings(*ctx) {
                for k in b.keys {
                    let printable = matches!(k.code, KeyCode::Char(_))
                        && !k.mods.contains(KeyModifiers::CONTROL)
                        && !k.mods.contains(KeyModifiers::ALT);
                    if !printable {
                        continue;
                    }
                    assert!(
                        !ctx.types_text(),
                        "{ctx:?}: {} is bound though printable keys type here",
                        key_name(k)
                    );
                    assert!(
                        matches!(
                            b.cmd,
                            Cmd::Digit(_)
                                | Cmd::MarkDone
                                | Cmd::MarkAchieved
                                | Cmd::AddGoal
                                | Cmd::EditGoal
                                | Cmd::MarkCarried
                                | Cmd::MarkDropped
                                | Cmd::Toggle
                                | Cmd::AddAction
                                | Cmd::Delete
                        ),
                        "{ctx:?}: {} does {:?}, which is not the control's own",
                        key_name(k),
                        b.cmd
                    );
                }
            }
        }
    }

    #[test]
    fn digits_carry_their_value_and_shifted_characters_match() {
        let ctx = Context::SessionRating;
        assert_eq!(
            lookup(ctx, &key(KeyCode::Char('7'), KeyModifiers::NONE)),
            Some(Cmd::Digit(7))
        );
        assert_eq!(
            lookup(ctx, &key(KeyCode::Char('0'), KeyModifiers::NONE)),
            Some(Cmd::Digit(0))
        );
        assert_eq!(
            lookup(Context::Home, &key(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Cmd::Help)
        );
        assert_eq!(
            lookup(Context::Home, &key(KeyCode::Char('A'), KeyModifiers::SHIFT)),
            Some(Cmd::ToggleArchived)
        );
        // Shift-Tab, whether or not the terminal reports the Shift.
        for mods in [KeyModifiers::SHIFT, KeyModifiers::NONE] {
            assert_eq!(
                lookup(Context::Coachee, &key(KeyCode::BackTab, mods)),
                Some(Cmd::NextField)
            );
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for &ctx in Context::ALL {
            let all = bindings(ctx);
            for (i, a) in all.iter().enumerate() {
                for b in &all[i + 1..] {
                    for ka in a.keys {
                        assert!(
                            !b.keys.contains(ka),
                            "{ctx:?}: {} bound to {:?} and {:?}",
                            key_name(ka),
                            a.cmd,
                            b.cmd
                        );
                    }
                }
            }
        }
    }
}
