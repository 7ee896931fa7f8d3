//! One module per screen, each drawing from `&App` only.

pub mod common;
pub mod home;
pub mod popups;
pub mod record;
pub mod session;
pub mod stages;
pub mod summary;
