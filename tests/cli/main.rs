//! The one integration-test binary: the real `git-herald` on real temporary repositories.

mod changelog;
mod changelog_more;
mod commit;
mod common;
mod config;
mod conventions;
mod harden;
mod harden_rest;
mod history;
mod hook;
mod large;
mod model_cost;
mod msg;
mod provider;
mod release;
mod secrets;
mod setup;
mod staged;
mod words;
mod workspace;
