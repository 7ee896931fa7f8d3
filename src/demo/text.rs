//! Phrase banks for the demo data: plausible, varied coaching answers and notes.

use rand::Rng;
use rand::seq::IndexedRandom;

pub const FIRST_NAMES: &[&str] = &[
    "Amélie",
    "Bilal",
    "Chiara",
    "Dmitri",
    "Ebony",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ingrid",
    "José",
    "Kwame",
    "Leila",
    "Mateo",
    "Nadia",
    "Oluwaseun",
    "Priya",
    "Quentin",
    "Rosa",
    "Søren",
    "Tamsin",
    "Umar",
    "Valentina",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoë",
    "Aoife",
    "Björn",
    "Catalina",
    "Desmond",
];

pub const LAST_NAMES: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Novak",
    "Fernández",
    "O'Brien",
    "Kaur",
    "Schmidt",
    "Mensah",
    "Rossi",
    "Nakamura",
    "Dubois",
    "Petrov",
    "Achebe",
    "Costa",
    "Jensen",
    "Ibrahim",
    "Walsh",
    "Zhou",
    "Kowalski",
    "Ahmed",
    "Laurent",
    "Silva",
    "Byrne",
    "Yilmaz",
    "Garcia",
    "Nguyen",
    "Müller",
];

pub const ROLES: &[&str] = &[
    "Head of Product",
    "Engineering Manager",
    "Finance Director",
    "Customer Success Lead",
    "Regional Sales Manager",
    "Head of People",
    "Operations Lead",
    "Data Science Lead",
    "Marketing Director",
    "Programme Manager",
    "Plant Manager",
    "Chief of Staff",
];

/// What a coachee is working on; gives their answers a thread to follow.
pub const THEMES: &[&str] = &[
    "the platform migration",
    "the new pricing model",
    "merging the two support teams",
    "the launch in the Nordic market",
    "the hiring plan for next year",
    "the supplier consolidation",
    "rebuilding trust after the reorganisation",
    "the data governance programme",
    "the move to quarterly planning",
    "the customer onboarding redesign",
];

const OPENERS: &[&str] = &[
    "Right now the thing that matters most is",
    "I keep coming back to",
    "What I really want is to make progress on",
    "The honest answer is that my energy goes into",
    "If I look at the last few weeks, it is all about",
    "For me the heart of it is",
];

const REFLECTIONS: &[&str] = &[
    "I have been waiting for permission I probably do not need.",
    "The team is ready to move faster than I have been letting them.",
    "I notice I step back in whenever things get uncomfortable.",
    "Saying no to the side requests would free a whole day a week.",
    "My manager and I have never agreed what good looks like.",
    "I underestimated how much the stakeholders need to hear from me.",
    "There is a pattern of me rescuing work instead of coaching people through it.",
    "When I explain the why, people pick things up without me.",
    "I am clearer on the outcome than on the first step.",
    "The budget is less of a constraint than I had assumed.",
    "I want to be known for decisions, not for being busy.",
    "Quality is the line I will not cross, even if we slip a week.",
    "I have more room to decide than I use.",
    "Escalating early used to feel like failing; now it feels like steering.",
    "The conversation with finance went better than I feared.",
    "I lose momentum when the goal is fuzzy.",
];

const SUCCESS: &[&str] = &[
    "Success would be the team shipping without waiting for my sign-off.",
    "Success looks like a plan the board understands on one page.",
    "In three months I would like to see fewer escalations and faster calls.",
    "Good looks like customers noticing the difference without being told.",
    "I will know it worked when my calendar has space to think.",
];

const GUARDRAILS: &[&str] = &[
    "Hiring within the agreed budget is mine to decide; anything above needs the director.",
    "I can change the roadmap order, but not the committed dates.",
    "Spending up to the quarterly limit is my call.",
    "Anything that touches customer data goes to the privacy lead first.",
    "If a milestone slips by more than two weeks, I flag it the same day.",
    "Values come first: no shortcuts on safety, whatever the deadline.",
    "I escalate when two teams disagree and cannot settle it within a week.",
];

const NOTES: &[&str] = &[
    "Energy noticeably higher than last time.",
    "Came in tired; worth checking workload next session.",
    "Talked fast about the deadline, slowed down when we got to the team.",
    "Seemed unsure about the relationship with the new director.",
    "Strong insight about delegation; reinforce it.",
    "Mentioned a possible move to another unit: confidential for now.",
    "Good humour today, lots of laughter about the offsite.",
    "Hesitated on the confidence score; explore what sits behind it.",
];

const ACTIONS: &[&str] = &[
    "Write a one-page intent note for",
    "Agree decision rights with the director on",
    "Book a skip-level conversation about",
    "Delegate the weekly report on",
    "Ask two peers for feedback on",
    "Draft the success measures for",
    "Block two hours of thinking time for",
    "Share the escalation rules for",
    "Map the stakeholders of",
    "Run a retrospective on",
];

const INSIGHTS: &[&str] = &[
    "I can set direction and let go of the how.",
    "Clarity beats control.",
    "My team needs the why more than the plan.",
    "I have been the bottleneck, not the budget.",
    "Asking for help early is a strength.",
    "The next step is smaller than I thought.",
    "I lead best when I say what I will not decide.",
    "Saying no early saves a week later.",
    "People step up when I step back on purpose.",
    "I confuse being needed with being useful.",
    "A clear boundary is a kindness, not a constraint.",
    "My calendar shows what I really value.",
    "Trust grows when I explain my reasoning.",
    "I do not have to have every answer in the room.",
    "Progress beats polish at this stage.",
];

const COMMITMENTS: &[&str] = &[
    "I will protect Friday mornings for strategic work.",
    "I will say what I need in the first five minutes of each one-to-one.",
    "I will check in with the team before deciding, not after.",
    "I will close the loop with my manager every week.",
    "I will stop rewriting other people's slides.",
    "I will hand the weekly review to my deputy.",
    "I will ask one open question before giving my view.",
    "I will write down the three decisions that are mine alone.",
    "I will book the conversation I have been avoiding.",
    "I will share the success measures with the whole team.",
];

const RATIONALES: &[&str] = &[
    "The role has grown and I am ready to own more of it.",
    "The wider team needs someone to connect the pieces, and I am already doing part of it.",
    "There is an opening across units where my experience would count.",
    "I want to consolidate first; too much is still new.",
    "My manager sees me stepping up; I want to test whether I agree.",
];

/// A full answer for a prompt, two or three sentences around the coachee's theme.
pub fn answer(rng: &mut impl Rng, stage_id: &str, prompt_id: &str, theme: &str) -> String {
    let pick = |rng: &mut dyn rand::RngCore, bank: &[&str]| -> String {
        bank.choose(rng).copied().unwrap_or_default().to_owned()
    };
    let id = format!("{stage_id}/{prompt_id}");
    if id.contains("success") {
        return format!("{} {}", pick(rng, SUCCESS), pick(rng, REFLECTIONS));
    }
    if stage_id.contains("guardrail") || id.contains("limit") || id.contains("escalat") {
        return format!("{} {}", pick(rng, GUARDRAILS), pick(rng, GUARDRAILS));
    }
    if prompt_id.contains("insight") {
        let insight = pick(rng, INSIGHTS);
        return if rng.random_bool(0.5) {
            format!("{insight} It showed most in {theme}.")
        } else {
            insight
        };
    }
    if prompt_id.contains("commit") {
        return pick(rng, COMMITMENTS);
    }
    let mut s = format!("{} {theme}. {}", pick(rng, OPENERS), pick(rng, REFLECTIONS));
    if rng.random_bool(0.5) {
        s.push(' ');
        s.push_str(&pick(rng, REFLECTIONS));
    }
    s
}

/// A coach's private observation.
pub fn note(rng: &mut impl Rng) -> String {
    NOTES.choose(rng).copied().unwrap_or_default().to_owned()
}

const SHARED_NOTES: &[&str] = &[
    "Agreed to look at this again in a month.",
    "Good example to bring to the team meeting.",
    "Worth reading the chapter on delegation before next time.",
    "The one-page plan helped; keep using it.",
    "Next time, start with the stakeholder map.",
];

/// A note both coach and coachee can see.
pub fn shared_note(rng: &mut impl Rng) -> String {
    SHARED_NOTES
        .choose(rng)
        .copied()
        .unwrap_or_default()
        .to_owned()
}

pub fn action(rng: &mut impl Rng, theme: &str) -> String {
    let head = ACTIONS.choose(rng).copied().unwrap_or_default();
    format!("{head} {theme}")
}

pub fn rationale(rng: &mut impl Rng) -> String {
    RATIONALES
        .choose(rng)
        .copied()
        .unwrap_or_default()
        .to_owned()
}

pub fn rating_note(rng: &mut impl Rng, label: &str, delta: i64) -> String {
    let l = label.to_lowercase();
    match delta {
        d if d > 0 => format!("More {l} since last time; the team gave me room."),
        d if d < 0 => format!("Less {l} than before: a rough fortnight."),
        _ if rng.random_bool(0.5) => format!("Steady on {l}."),
        _ => String::new(),
    }
}

const ABOUT: &[&str] = &[
    "Prefers early mornings; cameras off on Fridays.",
    "Agreed at the start: nothing from our sessions goes to their manager unless they bring it there themselves.",
    "Works best with a one-page plan to look at; dislikes long documents.",
    "New to managing managers; the programme sponsor is the head of operations.",
    "Asked to be challenged more directly; fine with silence while thinking.",
];

/// The coach's private notes about a coachee.
pub fn about(rng: &mut impl Rng) -> String {
    ABOUT.choose(rng).copied().unwrap_or_default().to_owned()
}

const TOPICS: &[&str] = &[
    "How to say no to the next urgent request about",
    "Feedback from the last steering meeting on",
    "Who else should be in the room for",
    "What to delegate first in",
    "Energy levels since the start of",
];

/// A topic to bring to the next session.
pub fn topic(rng: &mut impl Rng, theme: &str) -> String {
    let head = TOPICS.choose(rng).copied().unwrap_or_default();
    format!("{head} {theme}")
}
