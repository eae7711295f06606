package dev.incidenttimeline.app.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the benchmark measures and how much: {@code --quick} runs every section in seconds, the defaults are the
 * full run (minutes); every size can be set on its own. Arguments that are Spring properties
 * ({@code --incident.core.snapshot-threshold=100}, {@code --axon....}, {@code --spring....}, {@code --logging....})
 * go to the app under test, for experiments.
 *
 * @param postgres       run on a fresh PostgreSQL database instead of a fresh H2 file
 * @param runs           how many times each measured figure is taken
 * @param seconds        how long one command-path measurement runs
 * @param warmUpSeconds  how long commands run, unmeasured, before the first command-path measurement
 * @param rawRows        how many rows one raw-insert baseline measurement writes
 * @param callers        how many concurrent callers the concurrent figures use
 * @param longEntries    how many timeline entries the long incident has
 * @param latencyOps     how many commands one latency measurement sends to each incident kind
 * @param events         how many events the bulk generator writes for the scan (and later replay) sections
 * @param scanRuns       how many times the event table is scanned and each read model replayed
 * @param startupRuns    how many fresh JVMs are started for the start-up figure
 * @param queryOps       how many times each query is timed (the grouped report a tenth as often)
 * @param models         which read models (processing groups) the replay section rebuilds; empty: all
 * @param sections       which sections run: commands, long, scan, replay, queries, startup
 * @param appArguments   settings passed through to the app under test
 */
record Options(boolean postgres, int runs, int seconds, int warmUpSeconds, int rawRows, int callers, int longEntries, int latencyOps,
               int events, int scanRuns, int startupRuns, int queryOps, List<String> models, Set<String> sections,
               List<String> appArguments) {

    static final Set<String> ALL_SECTIONS = Set.of("commands", "long", "scan", "replay", "queries", "startup");

    static Options parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        boolean postgres = false;
        int runs = quick ? 2 : 5;
        int seconds = quick ? 1 : 5;
        // The JIT compiler needs about a minute of this mix on 2 cores before a run's figure stops rising
        // (sessions 5 and 6: the first of five runs reached half the rate of the last with a 5 s warm-up).
        int warmUpSeconds = quick ? 1 : 60;
        int rawRows = quick ? 2_000 : 30_000;
        int callers = 4;
        int longEntries = quick ? 1_000 : 10_000;
        int latencyOps = quick ? 200 : 1_000;
        int events = quick ? 20_000 : 1_000_000;
        int scanRuns = quick ? 2 : 3;
        int startupRuns = quick ? 1 : 5;
        int queryOps = quick ? 50 : 500;
        List<String> models = List.of();
        Set<String> sections = new LinkedHashSet<>(List.of("commands", "long", "scan", "replay", "queries", "startup"));
        List<String> app = new ArrayList<>();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--quick" -> { }
                case "--postgres" -> postgres = true;
                case "--runs" -> runs = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warm-up" -> warmUpSeconds = Integer.parseInt(value);
                case "--raw-rows" -> rawRows = Integer.parseInt(value);
                case "--callers" -> callers = Integer.parseInt(value);
                case "--long-entries" -> longEntries = Integer.parseInt(value);
                case "--latency-ops" -> latencyOps = Integer.parseInt(value);
                case "--events" -> events = Integer.parseInt(value);
                case "--scan-runs" -> scanRuns = Integer.parseInt(value);
                case "--startup-runs" -> startupRuns = Integer.parseInt(value);
                case "--query-ops" -> queryOps = Integer.parseInt(value);
                case "--models" -> models = List.of(value.split(","));
                case "--sections" -> {
                    sections = new LinkedHashSet<>(List.of(value.split(",")));
                    if (!ALL_SECTIONS.containsAll(sections)) {
                        throw new IllegalArgumentException("sections are " + ALL_SECTIONS + ", not " + value);
                    }
                }
                default -> {
                    if (arg.startsWith("--") && arg.contains("=") && arg.indexOf('.') > 0) {
                        app.add(arg);
                    } else {
                        throw new IllegalArgumentException("unknown option " + arg + "; options: --quick --postgres "
                                + "--runs= --seconds= --warm-up= --raw-rows= --callers= --long-entries= --latency-ops= "
                                + "--events= --scan-runs= --startup-runs= --query-ops= --models= "
                                + "--sections=commands,long,scan,replay,queries,startup "
                                + "and --some.spring.property=value for the app");
                    }
                }
            }
        }
        return new Options(postgres, runs, seconds, warmUpSeconds, rawRows, callers, longEntries, latencyOps, events, scanRuns,
                startupRuns, queryOps, models, Set.copyOf(sections), List.copyOf(app));
    }

    boolean runs(String section) {
        return sections.contains(section);
    }
}
