//! The keymap's tables: one per screen or stage, in the order the help shows them.
//!
//! One binding per line (rustfmt leaves this file alone, see `keymap.rs`) so
//! that the tables read like the help screen they produce.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Cmd, Context, Key};

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const UP: Key = code(KeyCode::Up);
const DOWN: Key = code(KeyCode::Down);
const LEFT: Key = code(KeyCode::Left);
const RIGHT: Key = code(KeyCode::Right);
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const TAB: Key = code(KeyCode::Tab);
const BACKTAB: Key = Key {
    code: KeyCode::BackTab,
    mods: KeyModifiers::SHIFT,
};
const PGDN: Key = code(KeyCode::PageDown);
const PGUP: Key = code(KeyCode::PageUp);
const DEL: Key = code(KeyCode::Delete);
const HOME_KEY: Key = code(KeyCode::Home);
const END_KEY: Key = code(KeyCode::End);
const F1: Key = code(KeyCode::F(1));
/// Changes the focused item in its form, as F2 edits a spreadsheet cell.
const F2: Key = code(KeyCode::F(2));

const fn b(
    keys: &'static [Key],
    cmd: Cmd,
    label: &'static str,
    help: &'static str,
    status: bool,
) -> Binding {
    Binding {
        keys,
        cmd,
        label,
        help,
        status,
    }
}

const HOME: &[Binding] = &[
    b(&[UP, k('k')], Cmd::Up, "up", "Select the coachee above", false),
    b(&[DOWN, k('j')], Cmd::Down, "down", "Select the coachee below", false),
    b(&[HOME_KEY, k('g')], Cmd::Top, "first", "Select the first coachee", false),
    b(&[END_KEY, k('G')], Cmd::Bottom, "last", "Select the last coachee", false),
    b(&[ENTER], Cmd::Open, "open", "Open the coachee: timeline, Six Centers, actions", true),
    b(&[k('n')], Cmd::NewSession, "new session", "Start a new session with the selected coachee", true),
    b(&[k('c')], Cmd::Resume, "resume", "Resume the selected coachee's unfinished session", true),
    b(&[k('a')], Cmd::AddCoachee, "add", "Add a coachee", true),
    b(&[k('b')], Cmd::ActionsBoard, "actions", "Actions board: every action across coachees", true),
    b(&[k('/')], Cmd::Search, "search", "Search every answer, note, action and goal", true),
    b(&[k('r')], Cmd::Rename, "rename", "Rename the selected coachee (and change their role)", false),
    b(&[k('x')], Cmd::Archive, "archive", "Archive the selected coachee (or bring them back)", false),
    b(&[k('A')], Cmd::ToggleArchived, "show archived", "Show or hide archived coachees", false),
    b(&[k('o')], Cmd::CycleOrder, "order", "Order by name, next session due, or last session", false),
    b(&[k('D')], Cmd::DeleteCoachee, "delete", "Delete the coachee and all their records for good", false),
    b(&[k('u')], Cmd::Undo, "undo", "Undo the last change on this screen (an archive)", false),
    b(&[ctrl('t')], Cmd::ToggleShareSafe, "share-safe", "Share-safe mode: hide every private note", false),
    b(&[k('?'), F1], Cmd::Help, "help", "Show every key of this screen", true),
    b(&[k('q')], Cmd::Quit, "quit", "Quit innerceo", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

const PICKER: &[Binding] = &[
    b(&[UP, k('k')], Cmd::Up, "up", "Select the guide above", false),
    b(&[DOWN, k('j')], Cmd::Down, "down", "Select the guide below", false),
    b(&[HOME_KEY, k('g')], Cmd::Top, "first", "Select the first guide", false),
    b(&[END_KEY, k('G')], Cmd::Bottom, "last", "Select the last guide", false),
    b(&[ENTER], Cmd::Submit, "start", "Start the session with this guide", true),
    b(&[ESC], Cmd::Back, "cancel", "Close without starting", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

const RESUME_LIST: &[Binding] = &[
    b(&[UP, k('k')], Cmd::Up, "up", "Select the session above", false),
    b(&[DOWN, k('j')], Cmd::Down, "down", "Select the session below", false),
    b(&[HOME_KEY, k('g')], Cmd::Top, "first", "Select the first session", false),
    b(&[END_KEY, k('G')], Cmd::Bottom, "last", "Select the last session", false),
    b(&[ENTER], Cmd::Submit, "resume", "Resume the selected session", true),
    b(&[ESC], Cmd::Back, "cancel", "Close without resuming", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

const NOTES: &[Binding] = &[
    b(&[ESC], Cmd::Back, "done", "Close the notes (everything typed is saved)", true),
    b(&[ctrl('t')], Cmd::ToggleShareSafe, "share-safe", "Share-safe mode: the notes close and stay hidden", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

const FORM: &[Binding] = &[
    b(&[TAB, DOWN], Cmd::NextField, "next field", "Go to the next field", true),
    b(&[BACKTAB, UP], Cmd::PrevField, "previous field", "Go to the previous field", false),
    b(&[ENTER], Cmd::Submit, "save", "Save and close", true),
    b(&[ESC], Cmd::Back, "cancel", "Close without saving", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

const CONFIRM: &[Binding] = &[
    b(&[k('y'), ENTER], Cmd::Yes, "yes", "Confirm", true),
    b(&[k('n'), ESC], Cmd::No, "no", "Cancel", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

const UNFINISHED: &[Binding] = &[
    b(&[k('c'), ENTER], Cmd::Resume, "resume it", "Resume the unfinished session", true),
    b(&[k('f')], Cmd::Finish, "finish it first", "Finish the unfinished session, then pick a guide", true),
    b(&[ESC, k('n')], Cmd::No, "cancel", "Do nothing", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

const HELP: &[Binding] = &[
    b(&[ESC, k('?'), k('q'), ENTER, F1], Cmd::Back, "close", "Close the help", true),
    b(&[DOWN, k('j')], Cmd::Down, "scroll", "Scroll down", false),
    b(&[UP, k('k')], Cmd::Up, "scroll", "Scroll up", false),
];

/// Keys of the live session that work on every element. None is a plain
/// printable key: those belong to the focused element (docs/keys.md).
const SESSION_ALWAYS: &[Binding] = &[
    b(&[ctrl('n'), PGDN], Cmd::NextStage, "next stage", "Go to the next stage", true),
    b(&[ctrl('p'), PGUP], Cmd::PrevStage, "prev stage", "Go back to the previous stage", false),
    b(&[ctrl('o')], Cmd::ToggleNotes, "private note", "Open the private notes pane (coach only) and type there; Ctrl-o again closes it", true),
    b(&[ctrl('f')], Cmd::Finish, "finish", "Finish the session and see the summary", true),
    b(&[ctrl('q')], Cmd::Quit, "quit", "Save and quit; resume later with c on home", true),
    b(&[ctrl('t')], Cmd::ToggleShareSafe, "share-safe", "Share-safe mode: hide every private note at once", false),
    b(&[ctrl('s')], Cmd::SaveNow, "save", "Save now (everything is also saved as you type)", false),
    b(&[ctrl('r')], Cmd::Search, "search", "Search past sessions; Esc comes back here", false),
    b(&[ctrl('g')], Cmd::ToggleIntro, "intro", "Fold or unfold the stage's introduction", false),
    b(&[ctrl('z')], Cmd::Undo, "undo", "Undo the last review mark made in this visit", false),
    b(&[ctrl('l')], Cmd::ParkTopic, "park topic", "Park a topic for the next session; the field you are in stays as it is", false),
    b(&[F1], Cmd::Help, "help", "Show every key of this screen", false),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Save and quit; resume later with c on home", false),
];

/// Tab order, for every element but the private-notes pane.
const SESSION_MOVE: &[Binding] = &[
    b(&[TAB], Cmd::NextField, "next", "Move to the next element of the stage", true),
    b(&[BACKTAB], Cmd::PrevField, "previous", "Move to the previous element of the stage", false),
];

const SESSION_TEXT: &[Binding] = &[
    b(&[ctrl('e')], Cmd::EditOutside, "editor", "Write this answer in your own editor ($VISUAL or $EDITOR)", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_LINE: &[Binding] = &[
    b(&[ENTER], Cmd::Submit, "confirm", "Confirm the date and move to the next element", true),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

/// Typing into a control's note (a rating's, a review's).
const SESSION_NOTE: &[Binding] = &[
    b(&[ENTER, ESC], Cmd::Back, "note done", "Stop writing the note and go back to the control", true),
    b(&[ctrl('e')], Cmd::EditOutside, "editor", "Write this note in your own editor ($VISUAL or $EDITOR)", false),
    b(&[UP], Cmd::Up, "up", "Go to the element above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the element below", false),
];

const SESSION_PANE: &[Binding] = &[
    b(&[ctrl('e')], Cmd::EditOutside, "editor", "Write the private note in your own editor ($VISUAL or $EDITOR)", false),
    b(&[ESC], Cmd::Back, "back to the stage", "Go back to the field you came from (the pane stays open)", true),
    b(&[TAB, BACKTAB], Cmd::NextField, "stays here", "Tab stays in the private note, so nothing typed here lands in a shared answer", false),
];

const SESSION_RATING: &[Binding] = &[
    b(&[k('1'), k('2'), k('3'), k('4'), k('5'), k('6'), k('7'), k('8'), k('9'), k('0')], Cmd::Digit(0), "score", "Set the score directly (0 means 10)", true),
    b(&[LEFT], Cmd::Left, "-1", "Lower the score by one", true),
    b(&[RIGHT], Cmd::Right, "+1", "Raise the score by one", true),
    b(&[UP], Cmd::Up, "up", "Go to the center above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the center below", true),
    b(&[ENTER], Cmd::Edit, "note", "Write a note on this center (or just start typing)", true),
    b(&[ctrl('y')], Cmd::TakePrepared, "take prepared", "Take the score the coachee prepared, when they sent a preparation", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

// A control's marks are digits, as a rating's scores are: every letter is
// left to the control's note, so a note typed straight on never loses its
// first letter to a mark.
const SESSION_TOPIC: &[Binding] = &[
    b(&[k('1')], Cmd::MarkDone, "discussed", "Mark the topic discussed (1 again takes the mark back)", true),
    b(&[k('2')], Cmd::MarkCarried, "carry over", "Carry the topic over to the next session (2 again takes it back)", true),
    b(&[k('3')], Cmd::MarkDropped, "drop", "Drop the topic (3 again takes it back)", true),
    b(&[UP], Cmd::Up, "up", "Go to the element above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the element below", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_GOAL: &[Binding] = &[
    b(&[k('1')], Cmd::MarkAchieved, "achieved", "Mark the goal achieved in this session (1 again takes it back)", true),
    b(&[k('2')], Cmd::MarkDropped, "drop", "Drop the goal in this session (2 again takes it back)", true),
    b(&[ENTER], Cmd::Edit, "note", "Write how the goal moved since last time (or just start typing)", true),
    b(&[F2], Cmd::EditGoal, "change", "Change the goal: its words, center, aim, date, who may see it", false),
    b(&[UP], Cmd::Up, "up", "Go to the goal above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the goal below", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_ADD_GOAL: &[Binding] = &[
    b(&[ENTER], Cmd::AddGoal, "set a goal", "Set a new goal: what, which center, the score aimed for, by when (or just start typing it)", true),
    b(&[UP], Cmd::Up, "up", "Go to the goal above", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_CONFIDENCE: &[Binding] = &[
    b(&[k('1'), k('2'), k('3'), k('4'), k('5'), k('6'), k('7'), k('8'), k('9'), k('0')], Cmd::Digit(0), "score", "Set the score directly (0 means 10)", true),
    b(&[LEFT], Cmd::Left, "-1", "Lower the score by one", true),
    b(&[RIGHT], Cmd::Right, "+1", "Raise the score by one", true),
    b(&[UP], Cmd::Up, "up", "Go to the element above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the element below", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_REVIEW: &[Binding] = &[
    b(&[k('1')], Cmd::MarkDone, "done", "Mark the action done", true),
    b(&[k('2')], Cmd::MarkCarried, "carry over", "Carry the action over (it stays open)", true),
    b(&[k('3')], Cmd::MarkDropped, "drop", "Drop the action", true),
    b(&[ENTER], Cmd::Edit, "note", "Write a note on this action (or just start typing)", true),
    b(&[UP], Cmd::Up, "up", "Go to the action above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the action below", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_OPTION: &[Binding] = &[
    b(&[k(' '), ENTER], Cmd::Toggle, "pick", "Pick this option", true),
    b(&[UP], Cmd::Up, "up", "Go to the option above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the option below", true),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_TAG: &[Binding] = &[
    b(&[k(' '), ENTER], Cmd::Toggle, "toggle", "Tick or untick this tag", true),
    b(&[LEFT], Cmd::Left, "left", "Go to the tag on the left", false),
    b(&[RIGHT], Cmd::Right, "right", "Go to the tag on the right", false),
    b(&[UP], Cmd::Up, "up", "Go to the tag above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the tag below", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_ACTION: &[Binding] = &[
    b(&[ENTER, F2], Cmd::Edit, "edit", "Edit this action: text, owner, due date, link", true),
    b(&[DEL], Cmd::Delete, "delete", "Delete this action (asks first)", true),
    b(&[UP], Cmd::Up, "up", "Go to the action above", false),
    b(&[DOWN], Cmd::Down, "down", "Go to the action below", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_ADD_ACTION: &[Binding] = &[
    b(&[ENTER], Cmd::AddAction, "add an action", "Add an agreed action: what, who, by when (or just start typing it)", true),
    b(&[UP], Cmd::Up, "up", "Go to the action above", false),
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SESSION_READ_ONLY: &[Binding] = &[
    b(&[ctrl('k')], Cmd::TakeOver, "take over", "Take the session over from the other window (asks first)", true),
    b(&[TAB, DOWN], Cmd::NextField, "next", "Move to the next element of the stage", true),
    b(&[BACKTAB, UP], Cmd::PrevField, "previous", "Move to the previous element of the stage", false),
    b(&[ctrl('n'), PGDN], Cmd::NextStage, "next stage", "Go to the next stage", true),
    b(&[ctrl('p'), PGUP], Cmd::PrevStage, "prev stage", "Go back to the previous stage", false),
    b(&[ctrl('r')], Cmd::Search, "search", "Search past sessions; Esc comes back here", false),
    b(&[ESC], Cmd::Back, "leave", "Leave the session", true),
    b(&[F1], Cmd::Help, "help", "Show every key of this screen", false),
    b(&[ctrl('q')], Cmd::Quit, "quit", "Quit innerceo", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

const SESSION_EMPTY: &[Binding] = &[
    b(&[ESC], Cmd::Back, "leave", "Press twice to leave the session (it stays unfinished)", false),
];

const SUMMARY: &[Binding] = &[
    b(&[DOWN, k('j')], Cmd::Down, "scroll", "Scroll down", false),
    b(&[UP, k('k')], Cmd::Up, "scroll", "Scroll up", false),
    b(&[PGDN, k(' ')], Cmd::PageDown, "page down", "Scroll down a page", false),
    b(&[PGUP], Cmd::PageUp, "page up", "Scroll up a page", false),
    b(&[HOME_KEY, k('g')], Cmd::Top, "top", "Go to the top", false),
    b(&[END_KEY, k('G')], Cmd::Bottom, "end", "Go to the end", false),
    b(&[ESC, ENTER], Cmd::Back, "back", "Back to where the session was started from", true),
    b(&[k('x')], Cmd::Export, "export", "Export this session: Markdown, HTML, JSON, CSV or iCalendar", true),
    b(&[k('y')], Cmd::Copy, "copy", "Copy the session as Markdown to the clipboard (no private notes in share-safe mode)", false),
    b(&[k('/')], Cmd::Search, "search", "Search every answer, note, action and goal", false),
    b(&[ctrl('t')], Cmd::ToggleShareSafe, "share-safe", "Share-safe mode: hide every private note", false),
    b(&[k('?'), F1], Cmd::Help, "help", "Show every key of this screen", true),
    b(&[k('q')], Cmd::Quit, "quit", "Quit innerceo", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

/// Keys shared by the screens that read past work (not editing text).
const REVISIT_COMMON: &[Binding] = &[
    b(&[k('/')], Cmd::Search, "search", "Search every answer, note, action and goal", true),
    b(&[ctrl('t')], Cmd::ToggleShareSafe, "share-safe", "Share-safe mode: hide every private note", false),
    b(&[ESC], Cmd::Back, "back", "Back to the previous screen", true),
    b(&[k('?'), F1], Cmd::Help, "help", "Show every key of this screen", true),
    b(&[k('q')], Cmd::Quit, "quit", "Quit innerceo", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

/// The coachee page while its sessions have the keys.
const COACHEE_SESSIONS: &[Binding] = &[
    b(&[UP, k('k')], Cmd::Up, "up", "Select the session above (newer)", false),
    b(&[DOWN, k('j')], Cmd::Down, "down", "Select the session below (older)", false),
    b(&[HOME_KEY, k('g')], Cmd::Top, "newest", "Select the newest session", false),
    b(&[END_KEY, k('G')], Cmd::Bottom, "oldest", "Select the oldest session", false),
    b(&[ENTER], Cmd::Open, "read", "Read the selected session, stage by stage", true),
    b(&[TAB, BACKTAB], Cmd::NextField, "goals", "Give the keys to the list of goals, open actions and topics", true),
    b(&[k('D')], Cmd::Discard, "discard", "Discard the selected session and everything in it (asks first, naming it)", false),
];

/// The coachee page while its list of goals, actions and topics has the keys.
const COACHEE_LIST: &[Binding] = &[
    b(&[UP, k('k')], Cmd::Up, "up", "Select the row above", false),
    b(&[DOWN, k('j')], Cmd::Down, "down", "Select the row below", false),
    b(&[HOME_KEY, k('g')], Cmd::Top, "first", "Select the first row", false),
    b(&[END_KEY, k('G')], Cmd::Bottom, "last", "Select the last row", false),
    b(&[TAB, BACKTAB], Cmd::NextField, "sessions", "Give the keys back to the sessions", true),
];

const COACHEE_GOAL: &[Binding] = &[
    b(&[ENTER], Cmd::Open, "change", "Change the goal between sessions: its words, aim and date, or mark it achieved or dropped, with a note on how it moved", true),
];

const COACHEE_ITEM: &[Binding] = &[
    b(&[ENTER], Cmd::Open, "read", "Read the session the action was agreed in, or the topic parked in", true),
];

/// The coachee page, whichever list has the keys.
const COACHEE: &[Binding] = &[
    b(&[k('n')], Cmd::NewSession, "new session", "Start a new session with this coachee", true),
    b(&[k('c')], Cmd::Resume, "resume", "Resume this coachee's unfinished session", false),
    b(&[k('[')], Cmd::CompareEarlier, "earlier", "Compare the latest Six Centers with an earlier session", false),
    b(&[k(']')], Cmd::CompareLater, "later", "Compare the latest Six Centers with a later session", false),
    b(&[k('b')], Cmd::ActionsBoard, "actions", "Actions board for this coachee", true),
    b(&[k('e')], Cmd::EditNotes, "notes", "Your private notes about the coachee: context, preferences, what was agreed on confidentiality", false),
    b(&[k('t')], Cmd::ParkTopic, "topic", "Park a topic for the next session", false),
    b(&[k('a')], Cmd::AddGoal, "goal", "Set a goal between sessions: what, which center, the score aimed for, by when", false),
    b(&[k('p')], Cmd::Prepare, "prepare", "The coachee's preparation: write the form they fill in before the next session, or import their answers", false),
    b(&[k('r')], Cmd::Report, "report", "Write a progress report: for the coachee or a sponsor, Markdown or HTML", false),
];

const DETAIL: &[Binding] = &[
    b(&[DOWN, k('j')], Cmd::Down, "scroll", "Scroll down", false),
    b(&[UP, k('k')], Cmd::Up, "scroll", "Scroll up", false),
    b(&[ctrl('n'), PGDN], Cmd::NextStage, "next stage", "Jump to the next stage", true),
    b(&[ctrl('p'), PGUP], Cmd::PrevStage, "prev stage", "Jump to the previous stage", false),
    b(&[HOME_KEY, k('g')], Cmd::Top, "top", "Go to the top", false),
    b(&[END_KEY, k('G')], Cmd::Bottom, "end", "Go to the end", false),
    b(&[k('x')], Cmd::Export, "export", "Export this session: Markdown, HTML, JSON, CSV or iCalendar", true),
    b(&[k('D')], Cmd::Discard, "discard", "Discard this session and everything in it (asks first, naming it)", false),
    b(&[k('y')], Cmd::Copy, "copy", "Copy the session as Markdown to the clipboard (no private notes in share-safe mode)", false),
];

/// A finished session is corrected in the session screen; it stays finished.
const DETAIL_FINISHED: &[Binding] = &[
    b(&[k('e')], Cmd::Correct, "correct", "Correct this finished session in the session screen (it stays finished; the change is dated)", true),
];

/// Only an unfinished session can be reopened, so only its detail offers it.
const DETAIL_UNFINISHED: &[Binding] = &[
    b(&[k('e'), k('c')], Cmd::Resume, "resume", "Reopen this unfinished session in the live screen", true),
];

const BOARD: &[Binding] = &[
    b(&[UP, k('k')], Cmd::Up, "up", "Select the action above", false),
    b(&[DOWN, k('j')], Cmd::Down, "down", "Select the action below", false),
    b(&[HOME_KEY, k('g')], Cmd::Top, "first", "Select the first action", false),
    b(&[END_KEY, k('G')], Cmd::Bottom, "last", "Select the last action", false),
    b(&[k('d')], Cmd::MarkDone, "done", "Mark the action done (saved at once, kept in its history)", true),
    b(&[k('x')], Cmd::MarkDropped, "drop", "Drop the action (saved at once, kept in its history)", true),
    b(&[k('o')], Cmd::Reopen, "reopen", "Reopen a done or dropped action", true),
    b(&[k('e')], Cmd::EditDue, "due", "Change the due date: 2026-12-05, +3d, +2w, fri (kept in its history)", true),
    b(&[k('u')], Cmd::Undo, "undo", "Undo the last change made here (status or due date), while you stay on this screen", false),
    b(&[k('f')], Cmd::CycleStatus, "filter", "Next filter: open, overdue, done, dropped, all", true),
    b(&[k('1'), k('2'), k('3'), k('4'), k('5')], Cmd::Digit(0), "filter", "Show 1 open, 2 overdue, 3 done, 4 dropped, 5 all", false),
    b(&[k('c')], Cmd::CycleCoachee, "coachee", "Next coachee to show (then all of them)", true),
    b(&[ENTER], Cmd::Open, "read", "Read the session where the action was agreed", false),
];

/// The search box takes every key that is not listed here.
const SEARCH: &[Binding] = &[
    b(&[UP], Cmd::Up, "up", "Select the result above", false),
    b(&[DOWN], Cmd::Down, "down", "Select the result below", false),
    b(&[ENTER], Cmd::Open, "open", "Read the session at the stage of the selected result", true),
    b(&[ESC], Cmd::Back, "back", "Back to the previous screen", true),
    b(&[ctrl('t')], Cmd::ToggleShareSafe, "share-safe", "Share-safe mode: leave private notes out of the results", false),
    b(&[F1], Cmd::Help, "help", "Show every key of this screen", true),
    b(&[ctrl('c')], Cmd::ForceQuit, "quit", "Quit innerceo", false),
];

/// The tables that apply in a context, most specific first.
pub(super) fn tables(ctx: Context) -> Vec<&'static [Binding]> {
    match ctx {
        Context::Home => vec![HOME],
        Context::Picker => vec![PICKER],
        Context::ResumeList => vec![RESUME_LIST],
        Context::Notes => vec![NOTES],
        Context::Form => vec![FORM],
        Context::Confirm => vec![CONFIRM],
        Context::Unfinished => vec![UNFINISHED],
        Context::Help => vec![HELP],
        Context::Summary => vec![SUMMARY],
        Context::Coachee => vec![COACHEE_SESSIONS, COACHEE, REVISIT_COMMON],
        Context::CoacheeList => vec![COACHEE_ITEM, COACHEE_LIST, COACHEE, REVISIT_COMMON],
        Context::CoacheeGoal => vec![COACHEE_GOAL, COACHEE_LIST, COACHEE, REVISIT_COMMON],
        Context::Detail => vec![DETAIL_FINISHED, DETAIL, REVISIT_COMMON],
        Context::DetailUnfinished => vec![DETAIL_UNFINISHED, DETAIL, REVISIT_COMMON],
        Context::Board => vec![BOARD, REVISIT_COMMON],
        Context::Search => vec![SEARCH],
        Context::SessionText => vec![SESSION_TEXT, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionLine => vec![SESSION_LINE, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionNote => vec![SESSION_NOTE, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionPane => vec![SESSION_PANE, SESSION_ALWAYS],
        Context::SessionRating => vec![SESSION_RATING, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionConfidence => vec![SESSION_CONFIDENCE, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionTopic => vec![SESSION_TOPIC, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionReview => vec![SESSION_REVIEW, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionGoal => vec![SESSION_GOAL, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionAddGoal => vec![SESSION_ADD_GOAL, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionOption => vec![SESSION_OPTION, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionTag => vec![SESSION_TAG, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionAction => vec![SESSION_ACTION, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionAddAction => vec![SESSION_ADD_ACTION, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionEmpty => vec![SESSION_EMPTY, SESSION_MOVE, SESSION_ALWAYS],
        Context::SessionReadOnly => vec![SESSION_READ_ONLY],
    }
}
