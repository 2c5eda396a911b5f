use clap::Parser;
use gazette::cli::{run_eval, run_extract, Cli, Command, EvalArgs};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { paths, format }) => run_extract(
            &paths,
            format,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        Some(Command::Eval {
            gold,
            pred,
            per_doc,
            errors,
            paths,
        }) => {
            let args = EvalArgs {
                gold: &gold,
                pred: &pred,
                per_doc,
                errors,
                paths: &paths,
            };
            run_eval(
                &args,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            )
        }
        None => gazette::tui::run(&cli.paths),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gazette: {e}");
            ExitCode::FAILURE
        }
    }
}
