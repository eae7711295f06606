package dev.incidenttimeline.app.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Collects figures and prints them as Markdown tables, one per section: each figure as the median over the runs
 * with its spread (lowest–highest), next to its baseline measured in the same runs and the median of the per-run
 * ratios (the number that counts on a noisy machine).
 */
final class Report {

    /** The values of one figure over the runs. */
    record Series(List<Double> values) {

        Series {
            values = List.copyOf(values);
        }

        static Series of(double... values) {
            return new Series(Arrays.stream(values).boxed().toList());
        }

        double median() {
            return Report.median(values);
        }

        double min() {
            return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    /** A figure, its baseline (may be null) and how the ratio reads ("≥ 10 %" or "≤ 2×"). */
    record Line(String figure, String unit, Series value, String baselineName, Series baseline, String goal) {
    }

    private final List<String> sections = new ArrayList<>();
    private final List<List<Line>> lines = new ArrayList<>();
    private final List<List<String>> notes = new ArrayList<>();
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void section(String title) {
        sections.add(title);
        lines.add(new ArrayList<>());
        notes.add(new ArrayList<>());
        out.println();
        out.println("... " + title);
    }

    void add(Line line) {
        lines.get(lines.size() - 1).add(line);
        out.println("    " + line.figure() + ": " + format(line.value().median()) + " " + line.unit()
                + (line.baseline() == null ? "" : " (baseline " + format(line.baseline().median()) + ", ratio "
                + ratio(line) + ")"));
    }

    void note(String text) {
        notes.get(notes.size() - 1).add(text);
        out.println("    " + text);
    }

    /** Prints every section as a table. */
    void print(String header) {
        out.println();
        out.println(header);
        for (int i = 0; i < sections.size(); i++) {
            out.println();
            out.println("### " + sections.get(i));
            out.println();
            out.println("| figure | median | spread | runs | baseline | baseline median | ratio (median of runs) | goal |");
            out.println("|---|---:|---:|---:|---|---:|---:|---|");
            for (Line line : lines.get(i)) {
                out.println("| " + line.figure() + " (" + line.unit() + ") | " + format(line.value().median()) + " | "
                        + format(line.value().min()) + "–" + format(line.value().max()) + " | "
                        + line.value().values().size() + " | " + (line.baselineName() == null ? "–" : line.baselineName())
                        + " | " + (line.baseline() == null ? "–" : format(line.baseline().median())) + " | "
                        + ratio(line) + " | " + (line.goal() == null ? "" : line.goal()) + " |");
            }
            for (String note : notes.get(i)) {
                out.println();
                out.println("* " + note);
            }
        }
        out.flush();
    }

    private static String ratio(Line line) {
        if (line.baseline() == null) {
            return "–";
        }
        List<Double> ratios = new ArrayList<>();
        int runs = Math.min(line.value().values().size(), line.baseline().values().size());
        for (int run = 0; run < runs; run++) {
            ratios.add(line.value().values().get(run) / line.baseline().values().get(run));
        }
        double median = median(ratios);
        return median < 0.995 ? String.format(Locale.ROOT, "%.1f %%", median * 100)
                : String.format(Locale.ROOT, "%.2f×", median);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The nearest-rank percentile of some values. */
    static double percentile(List<Double> values, double percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double percentile(long[] nanos, double percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
