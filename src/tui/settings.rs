//! The app as the settings make it: theme, share-safe, bell, export folder
//! and the guide the picker starts on.

use time::OffsetDateTime;

use super::app::App;
use super::theme::Theme;
use crate::config::Config;
use crate::guide::LoadedGuide;

/// A new app with `config` applied; `reported_light` is what the terminal
/// said of its background, for the `auto` theme. Refuses a default guide
/// that is not one of `guides`, naming the ones there are.
pub fn app(
    guides: Vec<LoadedGuide>,
    config: &Config,
    env: &dyn Fn(&str) -> Option<String>,
    reported_light: Option<bool>,
    now: OffsetDateTime,
) -> Result<App, String> {
    let default_guide = match &config.default_guide.value {
        Some(id) => guides
            .iter()
            .position(|g| &g.guide.id == id)
            .ok_or_else(|| {
                format!(
                    "the settings ({}) name the default guide \"{}\", which is not one of the guides here: {}. Change default_guide (see `innerceo guide list`)",
                    config.default_guide.from,
                    crate::controls::escape(id),
                    guides
                        .iter()
                        .map(|g| g.guide.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?,
        None => 0,
    };
    let theme = Theme::resolve(config.theme.value, env, reported_light);
    let mut app = App::new(guides, theme, config.share_safe.value, now);
    app.bell = config.bell.value;
    app.default_guide = default_guide;
    app.export_dir = config
        .export_dir
        .value
        .clone()
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| ".".into());
    Ok(app)
}
