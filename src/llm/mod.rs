//! Engines that write a message: the built-in offline engine now; model providers plug in here.

pub mod offline;
pub mod retry;
pub mod sse;
