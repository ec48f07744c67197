//! The one integration-test binary: the real `git-herald` on real temporary repositories.

mod common;
mod config;
mod hook;
mod msg;
mod provider;
mod staged;
