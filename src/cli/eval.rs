//! `deboiler eval` (being written).
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Dataset folder.
    #[arg(long)]
    pub dataset: std::path::PathBuf,
}

pub fn run(_args: &EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("eval is not written yet")
}
