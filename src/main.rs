use clap::Parser;
use gazette::cli::{
    check_output, run_agree, run_cooc, run_eval, run_profile, run_search, run_write, AgreeArgs,
    Cli, Command, CoocArgs, EvalArgs, ReviewArgs, SearchArgs,
};
use gazette::session::Sources;
use gazette::text::terminal_out::Escaping;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let log = cli
        .log
        .clone()
        .or_else(|| std::env::var_os("GAZETTE_LOG").map(Into::into));
    if let Some(path) = log.filter(|p| !p.as_os_str().is_empty()) {
        if let Err(e) = gazette::debug_log::init(&path) {
            eprintln!("gazette: cannot write the log: {e}");
        }
    }
    let no_cache = cli.no_cache;
    if matches!(
        cli.command,
        Some(Command::Extract { .. } | Command::Export { .. })
    ) {
        gazette::return_freed_memory_at_once();
    }
    // Every message may carry a file's name or text: control characters are shown, not sent.
    // (Standard output is JSON, whose writers escape them, or eval's tables, escaped below.)
    let (mut out, mut err) = (
        std::io::stdout().lock(),
        Escaping::new(std::io::stderr().lock()),
    );
    let result = match cli.command {
        Some(Command::Extract {
            paths,
            format,
            out: to,
            offsets,
            force,
        }) => {
            // extract is the built-in extractor alone, with any brat files beside the texts.
            to.as_deref()
                .map_or(Ok(()), |to| check_output(to, &paths, force))
                .and_then(|()| {
                    run_write(
                        &paths,
                        &Sources {
                            cache_dir: gazette::session::cache_dir(no_cache),
                            ..Sources::default()
                        },
                        &ReviewArgs::default(),
                        format,
                        offsets,
                        to.as_deref(),
                        &mut out,
                        &mut err,
                    )
                })
        }
        Some(Command::Export {
            paths,
            sources,
            format,
            out: to,
            out_offsets: unit,
            store,
            with_status,
            reviewer,
            force,
        }) => check_output(&to, &paths, force).and_then(|()| {
            run_write(
                &paths,
                &sources.sources(no_cache),
                &ReviewArgs {
                    store,
                    apply: true,
                    with_status,
                    reviewer,
                },
                format,
                unit,
                Some(&to),
                &mut out,
                &mut err,
            )
        }),
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
            run_eval(&args, &mut Escaping::new(&mut out), &mut err)
        }
        Some(Command::Agree {
            store,
            paths,
            sources,
        }) => match store.as_slice() {
            [first, second] => run_agree(
                &AgreeArgs {
                    first,
                    second,
                    paths: &paths,
                    sources: &sources.sources(no_cache),
                },
                &mut Escaping::new(&mut out),
                &mut err,
            ),
            _ => Err(std::io::Error::other(
                "agree compares two review databases: --store A --store B",
            )),
        },
        Some(Command::Profile {
            name,
            paths,
            sources,
            format: _,
        }) => run_profile(
            &name,
            &paths,
            &sources.sources(no_cache),
            &mut out,
            &mut err,
        ),
        Some(Command::Search {
            query,
            paths,
            format,
            limit,
        }) => run_search(
            &SearchArgs {
                query: &query,
                paths: &paths,
                format,
                limit,
                cache_dir: gazette::session::cache_dir(no_cache),
            },
            &mut Escaping::new(&mut out),
            &mut err,
        ),
        Some(Command::Cooc {
            paths,
            sources,
            rows,
            cols,
            by_sentence,
            format,
            limit,
        }) => run_cooc(
            &CoocArgs {
                paths: &paths,
                sources: &sources.sources(no_cache),
                rows: &rows,
                cols: &cols,
                by_sentence,
                format,
                limit,
            },
            &mut Escaping::new(&mut out),
            &mut err,
        ),
        None if cli.print_config => {
            use std::io::Write;
            out.write_all(gazette::tui::config::default_text().as_bytes())
        }
        None => {
            drop((out, err));
            let (config, problems) = match &cli.config {
                Some(path) => gazette::tui::config::load(path, true),
                None => gazette::tui::config::default_path()
                    .map(|path| gazette::tui::config::load(&path, false))
                    .unwrap_or_default(),
            };
            gazette::tui::run(gazette::tui::Launch {
                paths: cli.paths,
                after: gazette::tui::loading::AfterLoad {
                    sources: cli.sources.sources(no_cache),
                    store: cli.store,
                    gold: cli.gold,
                    reviewer: cli.reviewer,
                },
                config_path: cli
                    .config
                    .clone()
                    .or_else(gazette::tui::config::default_path),
                config,
                problems,
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let message = e.to_string();
            eprintln!("gazette: {}", gazette::text::sanitize::escape_str(&message));
            ExitCode::FAILURE
        }
    }
}

// Documents are built on worker threads and dropped on the main one; glibc's allocator handles
// that (and the many small strings of extraction) far more slowly than mimalloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
