//! The `validate` example as the command-line tests run it.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The `validate` example built by `cargo test` (target/<profile>/examples).
pub fn example() -> PathBuf {
    let test_binary = std::env::current_exe().expect("the test binary's path");
    let profile_dir = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let mut path = profile_dir.join("examples").join("validate");
    if cfg!(windows) {
        path.set_extension("exe");
    }
    assert!(path.exists(), "{} is built by `cargo test`", path.display());
    path
}

/// The example run with `arguments`, its output captured.
pub fn run(arguments: &[&str]) -> Output {
    Command::new(example())
        .args(arguments)
        .output()
        .expect("the example runs")
}
