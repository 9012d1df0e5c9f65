"""bench/table.py's parsing and formatting (the bench itself is run by hand, never timed in tests)."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "table.py"


@pytest.fixture(scope="module")
def table():
    spec = importlib.util.spec_from_file_location("bench_table", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_table"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("bench_table", None)


WRK_OUTPUT = """Running 15s test @ http://127.0.0.1:8123
  8 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.47ms    1.03ms  31.20ms   90.00%
  47520 requests in 15.00s, 9.10MB read
Requests/sec:   3168.00
Transfer/sec:    621.00KB
WRKJSON {"requests":47520,"duration_us":15000000,"bytes":9542000,"p50_us":2300,"p95_us":4100,"p99_us":7000,\
"max_us":31200,"mean_us":2470.5,"connect":0,"read":1,"write":0,"status":3,"timeout":2}
"""


def test_parse_wrk_reads_the_done_line(table):
    result = table.parse_wrk(WRK_OUTPUT)
    assert result["requests"] == 47520
    assert result["rps"] == pytest.approx(3168.0)
    assert (result["p50"], result["p95"], result["p99"], result["max"]) == (2.3, 4.1, 7.0, 31.2)
    assert result["errors"] == 6
    assert (result["non2xx"], result["timeouts"], result["socket_errors"]) == (3, 2, 1)


def test_parse_wrk_without_the_done_line_says_so(table):
    with pytest.raises(ValueError, match="no WRKJSON line"):
        table.parse_wrk("Running 15s test\nunable to connect to 127.0.0.1:1 Connection refused\n")


def test_wrk_sessions_file_has_one_line_per_connection(table):
    sessions = [{"token": "tok-a", "ids": ["id-1", "id-2"]}, {"token": None, "ids": []}]
    assert table.wrk_sessions(sessions) == "tok-a id-1,id-2\n- none\n"


def test_wrk_script_picks_paths_by_weight_and_thinks_only_when_asked(table):
    mix = [(3, "/api/dashboard/kpi/"), (1, '/api/claims/{id}/?q="x"')]
    script = table.wrk_script("var/sessions.txt", 4, mix, (1000, 3000))
    assert 'local sessions_path = "var/sessions.txt"\nlocal threads = 4\n' in script
    assert '{0.750000, "/api/dashboard/kpi/"}' in script
    assert '{1.000000, "/api/claims/{id}/?q=\\"x\\""}' in script
    assert "function delay()\n  return math.random(1000, 3000)\nend" in script
    assert "latency:percentile(95)" in script
    assert "function delay()" not in table.wrk_script("var/sessions.txt", 4, mix, None)


def test_verdicts_say_by_how_much_a_target_is_missed(table):
    assert table.under(150, 200) == "yes"
    assert table.under(500, 200) == "no: 2.5x the target"
    assert table.at_least(320, 300) == "yes"
    assert table.at_least(75, 300) == "no: 25% of the target"


def test_format_table_escapes_pipes_and_keeps_five_columns(table):
    rows = [
        table.Row("a | b", "under 10 ms", "3.20 ms", "bare SQL 1.00 ms", "yes"),
        table.not_measured("realtime", "p99 under 100 ms", "bench/realtime.py has no --json mode yet"),
    ]
    text = table.format_table(rows)
    lines = text.splitlines()
    assert lines[0] == "| measure | target | figure | baseline in the same run | met? |"
    assert lines[2] == "| a \\| b | under 10 ms | 3.20 ms | bare SQL 1.00 ms | yes |"
    assert lines[3] == (
        "| realtime | p99 under 100 ms | not measured: bench/realtime.py has no --json mode yet |  | not measured |"
    )
    assert table.ms(0.5) == "0.50 ms" and table.ms(42.25) == "42.2 ms" and table.ms(1234) == "1,234 ms"


README = """# Project

## Benchmarks

`bench/` holds scripts.
Figures measured on the box:

| what | figure |
|---|---|
| old | 1 ms |

Old prose that is wrong.

## Production

Unchanged.
"""


def test_readme_rewrite_replaces_the_table_and_prose_then_only_its_own_block(table):
    first = table.replace_generated(README, table.readme_block("| t |", "caption one"))
    assert "`bench/` holds scripts." in first
    assert "| old |" not in first and "Old prose" not in first and "Figures measured" not in first
    assert "caption one\n\n| t |" in first
    assert first.endswith("## Production\n\nUnchanged.\n")
    edited = first.replace("`bench/` holds scripts.", "`bench/` holds scripts, edited by hand.")
    second = table.replace_generated(edited, table.readme_block("| u |", "caption two"))
    assert "edited by hand" in second
    assert "caption two\n\n| u |" in second and "caption one" not in second and "| t |" not in second
    assert second.count(table.BEGIN_MARK) == 1 and second.count(table.END_MARK) == 1


def test_last_line_names_the_exception(table):
    assert table.last_line("Traceback\n  File x\nNameError: name 'x'\n\n") == "NameError: name 'x'"
    assert table.last_line("") == "no output"


def realtime_run(rate, p99, lost=0):
    return {"rate": rate, "p50_ms": 4.0, "p95_ms": 9.5, "p99_ms": p99, "deliveries_per_s": rate * 500.0, "lost": lost}


def test_realtime_rows_from_the_json_line(table):
    runs = [realtime_run(20, 31.0), realtime_run(50, 80.0), realtime_run(100, 240.0)]
    data = {"sockets": 500, "clients": 2, "layer": "RedisChannelLayer", "steady": runs[0], "runs": runs}
    steady, best = table.realtime_rows({**data, "max_rate_p99_under_100ms": 50})
    assert steady.measure.startswith("realtime, 500 sockets (RedisChannelLayer, clients in 2 processes of their own)")
    assert steady.figure.startswith("p50 4.00 ms, p95 9.50 ms, p99 31.0 ms; 10,000 deliveries/s; lost 0")
    assert steady.met == "yes"
    assert "(tried 20, 50, 100 events/s)" in best.measure
    assert best.figure.startswith("50 events/s: p50 4.00 ms")
    lossy = {**data, "steady": realtime_run(20, 31.0, lost=7), "max_rate_p99_under_100ms": None}
    steady, best = table.realtime_rows(lossy)
    assert steady.met == "no: 7 frames lost"
    assert best.figure == "none of the rates tried"


def test_in_process_rows_compare_the_named_reads_with_their_targets(table):
    lines = [
        {"name": "plain Django view (baseline)", "status": 200, "cpu_p50_ms": 0.4, "wall_p50_ms": 0.5},
        {"name": "/api/claims/?page_size=50 (agent)", "status": 200, "cpu_p50_ms": 6.0, "wall_p50_ms": 7.5},
        {"name": "dashboard claims (agent)", "status": 200, "wall_p50_ms": 14.0, "queries": 3},
        {"name": "KPI cached (supervisor)", "status": 200, "cpu_p50_ms": 0.9, "wall_p50_ms": 1.0},
        {"name": "JWT authenticate() alone", "status": "-", "cpu_p50_ms": 0.2, "wall_p50_ms": 0.3},
        {"name": "claim detail (supervisor)", "status": 404, "wall_p50_ms": 2.0},
    ]
    sql = {"claims list, a page of 50 newest first (motor)": 0.6, "the busiest agent's queue, a page of 25": 0.3}
    rows = {row.measure: row for row in table.in_process_rows(lines, sql)}
    assert "in process (p50): plain Django view (baseline)" not in rows
    page = rows["in process (p50): /api/claims/?page_size=50 (agent)"]
    assert (page.target, page.figure, page.met) == ("under 10 ms", "7.50 ms wall, 6.00 ms CPU", "yes")
    assert page.baseline == "plain Django view 0.50 ms, bare SQL 0.60 ms"
    queue = rows["in process (p50): dashboard claims (agent)"]
    assert (queue.figure, queue.met) == ("14.0 ms wall, 3 queries", "no: 1.4x the target")
    assert queue.baseline.endswith("bare SQL 0.30 ms")
    cached = rows["in process (p50): KPI cached (supervisor)"]
    assert (cached.target, cached.met) == ("", "")
    assert rows["in process (p50): JWT authenticate() alone"].target == "under 0.5 ms"
    assert rows["in process (p50): claim detail (supervisor)"].figure == "2.00 ms wall (status 404)"


def test_summary_counts_met_missed_and_unmeasured(table):
    rows = [
        table.Row("50 clients p95", "under 200 ms", "120 ms", "", "yes"),
        table.Row("KPI back to back", "300 req/s", "150 req/s", "", "no: 50% of the target"),
        table.Row("bare SQL", "(baseline)", "1 ms", "", ""),
        table.not_measured("realtime", "p99 under 100 ms", "no --json yet"),
    ]
    assert table.summary(rows) == (
        "Targets met: 1 of 2 measured. Missed: KPI back to back (50% of the target). "
        "Not measured: realtime (no --json yet)."
    )
