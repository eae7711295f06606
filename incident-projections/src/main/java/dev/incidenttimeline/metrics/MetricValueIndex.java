package dev.incidenttimeline.metrics;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The metric values of the read model in memory, per metric sorted by value, with what reports filter and group by
 * per incident in primitive arrays: a report over 100,000 incidents filters, groups and reads its percentiles by rank
 * from here in milliseconds, where selecting 1.1 million values from the database takes seconds.
 *
 * <p>It follows the tables, not the events (the metrics processor's segments may be handled on other nodes): before
 * each report it reads {@code metrics_change} and loads the incidents whose change number is above the last one it
 * saw (their row, services and values replace what it had); a new generation (the read model was reset) loads
 * everything again. So a report answers from exactly what the tables held when it asked, as the SQL path does.
 *
 * <p>A report reads an immutable {@link Snapshot}; bringing it up to date builds a new one (under a lock), so reports
 * never wait for each other.
 */
final class MetricValueIndex {

    private static final long NOT_DECLARED = Long.MIN_VALUE;
    private static final int[] NO_SERVICES = new int[0];

    private final JdbcTemplate jdbc;
    private final Object refreshing = new Object();
    private volatile Snapshot snapshot;
    /** The slot of each incident in the snapshots' arrays; only touched while refreshing. */
    private final Map<String, Integer> slots = new HashMap<>();
    private final Dictionary severities = new Dictionary();
    private final Dictionary detectionSources = new Dictionary();
    private final Dictionary organisations = new Dictionary();
    private final Dictionary services = new Dictionary();

    MetricValueIndex(JdbcTemplate jdbc) {
        Objects.requireNonNull(jdbc, "jdbc");
        // Its own template: loading reads 1.1 million rows at 100,000 incidents, in large fetches (PostgreSQL
        // otherwise reads a whole result into memory at once, H2 ignores it).
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource(), "dataSource"));
        this.jdbc.setFetchSize(10_000);
    }

    /** How many incidents the index holds; loads it if it was not yet. */
    int incidents() {
        return current().incidents();
    }

    /** The index as the tables are now: loaded or brought up to date first if they changed. */
    Snapshot current() {
        MetricsChanges.Position position = MetricsChanges.position(jdbc);
        Snapshot current = snapshot;
        if (current != null && current.position.equals(position)) {
            return current;
        }
        synchronized (refreshing) {
            current = snapshot;
            if (current == null || current.position.generation() != position.generation()) {
                current = load(position);
            } else if (current.position.changeNo() < position.changeNo()) {
                current = update(current, position);
            }
            snapshot = current;
            return current;
        }
    }

    private Snapshot load(MetricsChanges.Position position) {
        slots.clear();
        severities.clear();
        detectionSources.clear();
        organisations.clear();
        services.clear();
        Builder builder = new Builder(null);
        read(builder, "");
        return builder.build(position);
    }

    private Snapshot update(Snapshot current, MetricsChanges.Position position) {
        Builder builder = new Builder(current);
        read(builder, " where i.change_no > " + current.position.changeNo());
        return builder.build(position);
    }

    /** Reads the incidents (all, or those the condition selects) with their services and values. */
    private void read(Builder builder, String condition) {
        jdbc.query("select i.incident_id, i.declared_at, i.severity, i.detected_by, i.drill, i.customer_first,"
                + " i.organisation from metrics_incident i" + condition, (ResultSet row) -> {
            OffsetDateTime declaredAt = row.getObject(2, OffsetDateTime.class);
            builder.incident(row.getString(1), declaredAt == null ? NOT_DECLARED : micros(declaredAt.toInstant()),
                    severities.id(row.getString(3)), detectionSources.id(row.getString(4)), row.getBoolean(5),
                    row.getBoolean(6), organisations.id(row.getString(7)));
        });
        String joined = condition.isEmpty() ? "" : " join metrics_incident i on i.incident_id = x.incident_id"
                + condition;
        jdbc.query("select x.incident_id, x.service from metrics_incident_service x" + joined,
                (ResultSet row) -> {
                    builder.service(row.getString(1), services.id(row.getString(2)));
                });
        jdbc.query("select x.incident_id, x.metric, x.value_millis, x.inconsistent from metrics_value x" + joined
                + (condition.isEmpty() ? " where" : " and") + " x.value_millis is not null", (ResultSet row) -> {
            builder.value(row.getString(1), row.getString(2), row.getLong(3), row.getBoolean(4));
        });
    }

    /**
     * Microseconds since the epoch, rounded up: the stored times have at most microseconds, so for a stored time t
     * and any instant x, {@code t >= x} exactly when {@code micros(t) >= micros(x)}, and likewise for {@code <}.
     */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                (instant.getNano() + 999) / 1_000);
    }

    /** Strings (severities, services, ...) as small numbers; ids are never reused, so snapshots may share them. */
    private static final class Dictionary {

        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        /** The id of the name, -1 for null. */
        int id(String name) {
            if (name == null) {
                return -1;
            }
            return ids.computeIfAbsent(name, added -> {
                names.add(added);
                return names.size() - 1;
            });
        }

        String[] names() {
            return names.toArray(String[]::new);
        }

        void clear() {
            ids.clear();
            names.clear();
        }
    }

    /**
     * The values of one metric ordered by their incident's declaration time (so a period is one range, found by
     * binary search), each with its incident's rank in {@link Snapshot#byTime} (negative: inconsistent value). A
     * report reads the ranks' groups from a small array of the period's incidents, in nearly sequential order.
     */
    private record TimedValues(long[] declaredAt, long[] millis, int[] ranks) {

        int size() {
            return millis.length;
        }
    }

    /** Values of one metric while they are read: growable primitive arrays, no object per value. */
    private static final class ValueBuffer {

        private long[] millis = new long[1024];
        private int[] slots = new int[1024];
        private int size;

        void add(long value, int slot) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
                slots = Arrays.copyOf(slots, size * 2);
            }
            millis[size] = value;
            slots[size++] = slot;
        }
    }

    /** Builds the next snapshot from the previous one (or none) and the incidents read since. */
    private final class Builder {

        private final Snapshot previous;
        private int size;
        private long[] declaredAt;
        private int[] severity;
        private int[] detectedBy;
        private boolean[] drill;
        private boolean[] customerFirst;
        private int[] organisation;
        private int[][] serviceIds;
        private boolean[] reread;
        private final Map<String, ValueBuffer> newValues = new HashMap<>();
        private final Map<Integer, List<Integer>> newServices = new HashMap<>();

        Builder(Snapshot previous) {
            this.previous = previous;
            int capacity = previous == null ? 1024 : previous.declaredAt.length;
            size = previous == null ? 0 : previous.size;
            declaredAt = previous == null ? new long[capacity] : previous.declaredAt.clone();
            severity = previous == null ? new int[capacity] : previous.severity.clone();
            detectedBy = previous == null ? new int[capacity] : previous.detectedBy.clone();
            drill = previous == null ? new boolean[capacity] : previous.drill.clone();
            customerFirst = previous == null ? new boolean[capacity] : previous.customerFirst.clone();
            organisation = previous == null ? new int[capacity] : previous.organisation.clone();
            serviceIds = previous == null ? new int[capacity][] : previous.services.clone();
            reread = new boolean[capacity];
        }

        void incident(String incidentId, long declared, int severityId, int detectedById, boolean isDrill,
                      boolean isCustomerFirst, int organisationId) {
            Integer known = slots.get(incidentId);
            int slot = known == null ? size : known;
            if (known == null) {
                slots.put(incidentId, slot);
                size++;
                if (size > declaredAt.length) {
                    grow(Math.max(size, declaredAt.length * 2));
                }
            }
            declaredAt[slot] = declared;
            severity[slot] = severityId;
            detectedBy[slot] = detectedById;
            drill[slot] = isDrill;
            customerFirst[slot] = isCustomerFirst;
            organisation[slot] = organisationId;
            serviceIds[slot] = NO_SERVICES;
            reread[slot] = true;
        }

        void service(String incidentId, int serviceId) {
            Integer slot = slots.get(incidentId);
            // An incident written after its row was read: its change number brings it in the next time.
            if (slot != null && reread[slot]) {
                newServices.computeIfAbsent(slot, s -> new ArrayList<>()).add(serviceId);
            }
        }

        void value(String incidentId, String metric, long millis, boolean inconsistent) {
            Integer slot = slots.get(incidentId);
            if (slot != null && reread[slot]) {
                newValues.computeIfAbsent(metric, m -> new ValueBuffer()).add(millis, inconsistent ? -slot - 1 : slot);
            }
        }

        private void grow(int capacity) {
            declaredAt = Arrays.copyOf(declaredAt, capacity);
            severity = Arrays.copyOf(severity, capacity);
            detectedBy = Arrays.copyOf(detectedBy, capacity);
            drill = Arrays.copyOf(drill, capacity);
            customerFirst = Arrays.copyOf(customerFirst, capacity);
            organisation = Arrays.copyOf(organisation, capacity);
            serviceIds = Arrays.copyOf(serviceIds, capacity);
            reread = Arrays.copyOf(reread, capacity);
        }

        Snapshot build(MetricsChanges.Position position) {
            newServices.forEach((slot, ids) -> serviceIds[slot] = ids.stream().mapToInt(Integer::intValue)
                    .distinct().toArray());
            int[] byTime = orderByTime(declaredAt, size);
            int[] timeRank = new int[size];
            long[] byTimeDeclared = new long[size];
            for (int rank = 0; rank < size; rank++) {
                timeRank[byTime[rank]] = rank;
                byTimeDeclared[rank] = declaredAt[byTime[rank]];
            }
            Map<String, TimedValues> metrics = new TreeMap<>();
            Set<String> names = new HashSet<>(newValues.keySet());
            if (previous != null) {
                names.addAll(previous.metrics.keySet());
            }
            for (String metric : names) {
                TimedValues kept = previous == null ? null : previous.metrics.get(metric);
                TimedValues values = inTimeOrder(kept, newValues.get(metric), timeRank);
                if (values.size() > 0) {
                    metrics.put(metric, values);
                }
            }
            return new Snapshot(position, size, declaredAt, severity, detectedBy, drill, customerFirst, organisation,
                    serviceIds, byTime, byTimeDeclared, metrics, severities.names(), detectionSources.names(),
                    organisations.names(), services.names());
        }

        /**
         * The previous values of the incidents not read again plus the values read, in the order of their incidents'
         * declaration: a counting sort by the incidents' rank in time, so loading needs no comparison sort.
         */
        private TimedValues inTimeOrder(TimedValues kept, ValueBuffer added, int[] timeRank) {
            int keptSize = kept == null ? 0 : kept.size();
            int addedSize = added == null ? 0 : added.size;
            int[] start = new int[size + 1];
            for (int i = 0; i < keptSize; i++) {
                int owner = previous.byTime[owner(kept.ranks()[i])];
                if (!reread[owner]) {
                    start[timeRank[owner] + 1]++;
                }
            }
            for (int i = 0; i < addedSize; i++) {
                start[timeRank[owner(added.slots[i])] + 1]++;
            }
            for (int rank = 0; rank < size; rank++) {
                start[rank + 1] += start[rank];
            }
            int total = start[size];
            long[] declared = new long[total];
            long[] millis = new long[total];
            int[] ranks = new int[total];
            for (int i = 0; i < keptSize; i++) {
                int previousRank = kept.ranks()[i];
                int owner = previous.byTime[owner(previousRank)];
                if (!reread[owner]) {
                    int rank = timeRank[owner];
                    int at = start[rank]++;
                    declared[at] = declaredAt[owner];
                    millis[at] = kept.millis()[i];
                    ranks[at] = previousRank < 0 ? -rank - 1 : rank;
                }
            }
            for (int i = 0; i < addedSize; i++) {
                int slot = added.slots[i];
                int owner = owner(slot);
                int rank = timeRank[owner];
                int at = start[rank]++;
                declared[at] = declaredAt[owner];
                millis[at] = added.millis[i];
                ranks[at] = slot < 0 ? -rank - 1 : rank;
            }
            return new TimedValues(declared, millis, ranks);
        }
    }

    /** The incident (slot or rank) a value belongs to: stored negative ({@code -n - 1}) when it is inconsistent. */
    private static int owner(int slotOrRank) {
        return slotOrRank < 0 ? -slotOrRank - 1 : slotOrRank;
    }

    /** The slots {@code 0..size-1} ordered by their time (a merge sort of primitive indices: no boxing). */
    static int[] orderByTime(long[] times, int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] buffer = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int low = 0; low < size; low += 2 * width) {
                int middle = Math.min(low + width, size);
                int high = Math.min(low + 2 * width, size);
                int i = low;
                int j = middle;
                for (int k = low; k < high; k++) {
                    if (j >= high || i < middle && times[order[i]] <= times[order[j]]) {
                        buffer[k] = order[i++];
                    } else {
                        buffer[k] = order[j++];
                    }
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    /** The first index in {@code sorted} whose value is at least {@code bound}. */
    private static int firstAtLeast(long[] sorted, long bound) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < bound) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Moves the values at the given ranks (ascending) of {@code values[low..high)} to their places in sorted order,
     * the rest only partitioned around them: quickselect for several ranks at once, with a three-way partition so
     * that many equal values cost nothing extra. Linear on average, where sorting each group would not be.
     */
    static void selectRanks(long[] values, int low, int high, int[] ranks, int firstRank, int endRank) {
        while (firstRank < endRank && high - low > 1) {
            if (high - low <= 24) {
                insertionSort(values, low, high);
                return;
            }
            long pivot = medianOfThree(values[low], values[(low + high) >>> 1], values[high - 1]);
            int less = low;
            int greater = high;
            int i = low;
            while (i < greater) {
                long value = values[i];
                if (value < pivot) {
                    values[i++] = values[less];
                    values[less++] = value;
                } else if (value > pivot) {
                    values[i] = values[--greater];
                    values[greater] = value;
                } else {
                    i++;
                }
            }
            // values[low..less) < pivot, values[less..greater) == pivot, values[greater..high) > pivot
            int leftEnd = firstRank;
            while (leftEnd < endRank && ranks[leftEnd] < less) {
                leftEnd++;
            }
            int rightStart = leftEnd;
            while (rightStart < endRank && ranks[rightStart] < greater) {
                rightStart++;
            }
            selectRanks(values, low, less, ranks, firstRank, leftEnd);
            low = greater;
            firstRank = rightStart;
        }
    }

    private static void insertionSort(long[] values, int low, int high) {
        for (int i = low + 1; i < high; i++) {
            long value = values[i];
            int j = i - 1;
            while (j >= low && values[j] > value) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** The index at one position of the read model; never changed once built. */
    static final class Snapshot {

        private final MetricsChanges.Position position;
        private final int size;
        /** Microseconds since the epoch; {@link #NOT_DECLARED} for an incident whose declaration was not seen. */
        private final long[] declaredAt;
        private final int[] severity;
        private final int[] detectedBy;
        private final boolean[] drill;
        private final boolean[] customerFirst;
        private final int[] organisation;
        private final int[][] services;
        /** The slots ordered by declaration time, and their declaration times in that order. */
        private final int[] byTime;
        private final long[] byTimeDeclared;
        private final Map<String, TimedValues> metrics;
        private final String[] severityNames;
        private final String[] detectionSourceNames;
        private final String[] serviceNames;
        private final Map<String, Integer> organisationIds;

        private Snapshot(MetricsChanges.Position position, int size, long[] declaredAt, int[] severity,
                         int[] detectedBy, boolean[] drill, boolean[] customerFirst, int[] organisation,
                         int[][] services, int[] byTime, long[] byTimeDeclared, Map<String, TimedValues> metrics,
                         String[] severityNames, String[] detectionSourceNames, String[] organisationNames,
                         String[] serviceNames) {
            this.position = position;
            this.size = size;
            this.declaredAt = declaredAt;
            this.severity = severity;
            this.detectedBy = detectedBy;
            this.drill = drill;
            this.customerFirst = customerFirst;
            this.organisation = organisation;
            this.services = services;
            this.byTime = byTime;
            this.byTimeDeclared = byTimeDeclared;
            this.metrics = metrics;
            this.severityNames = severityNames;
            this.detectionSourceNames = detectionSourceNames;
            this.serviceNames = serviceNames;
            Map<String, Integer> ids = new HashMap<>();
            for (int id = 0; id < organisationNames.length; id++) {
                ids.put(organisationNames[id], id);
            }
            this.organisationIds = ids;
        }

        int incidents() {
            return size;
        }

        long values() {
            return metrics.values().stream().mapToLong(TimedValues::size).sum();
        }

        /**
         * The report, grouped and aggregated as {@code MetricsQueryHandler}'s SQL path does. It reads only the
         * incidents and values of the period (each one range of the time-ordered arrays), collects each group's
         * values and selects the ranks the percentiles need.
         */
        MetricsReportView summarize(SummarizeMetrics query, String asking, List<String> catalogue) {
            int organisationId = asking == null ? -1 : organisationIds.getOrDefault(asking, -2);
            // Undeclared incidents (NOT_DECLARED, the smallest time) are never in a report.
            long from = query.from() == null ? NOT_DECLARED + 1 : Math.max(micros(query.from()), NOT_DECLARED + 1);
            long to = query.to() == null ? Long.MAX_VALUE : micros(query.to());
            GroupKeys keys = new GroupKeys(query.groupBy());
            // The period's incidents are the ranks first..end-1 of byTime. The group of rank r is groupOf[r - first]:
            // >= 0 one group, -1 not in the report, <= -2 several (services), listed in multiGroups from index
            // -groupOf - 2: the count, then the groups.
            int first = firstAtLeast(byTimeDeclared, from);
            int end = Math.max(first, firstAtLeast(byTimeDeclared, to));
            int[] groupOf = new int[end - first];
            int[] multiGroups = new int[16];
            int multiUsed = 0;
            for (int rank = first; rank < end; rank++) {
                int slot = byTime[rank];
                if (!query.includeDrills() && drill[slot]
                        || organisationId != -1 && organisation[slot] != organisationId) {
                    groupOf[rank - first] = -1;
                    continue;
                }
                if (query.groupBy() == MetricsGroupBy.SERVICE && services[slot].length > 1) {
                    int[] serviceIdsOfSlot = services[slot];
                    if (multiUsed + serviceIdsOfSlot.length + 1 > multiGroups.length) {
                        multiGroups = Arrays.copyOf(multiGroups, Math.max(multiGroups.length * 2,
                                multiUsed + serviceIdsOfSlot.length + 1));
                    }
                    groupOf[rank - first] = -multiUsed - 2;
                    multiGroups[multiUsed++] = serviceIdsOfSlot.length;
                    for (int service : serviceIdsOfSlot) {
                        multiGroups[multiUsed++] = keys.service(service);
                    }
                } else {
                    groupOf[rank - first] = keys.of(slot);
                }
            }
            int groups = keys.names.size();
            long[] incidents = new long[groups];
            long[] customerFirstCount = new long[groups];
            for (int rank = first; rank < end; rank++) {
                int slot = byTime[rank];
                int group = groupOf[rank - first];
                if (group >= 0) {
                    incidents[group]++;
                    if (customerFirst[slot]) {
                        customerFirstCount[group]++;
                    }
                } else if (group < -1) {
                    int at = -group - 2;
                    for (int g = at + 1; g <= at + multiGroups[at]; g++) {
                        incidents[multiGroups[g]]++;
                        if (customerFirst[slot]) {
                            customerFirstCount[multiGroups[g]]++;
                        }
                    }
                }
            }
            long[] inconsistencies = new long[groups];
            List<Map<String, MetricSummaryView>> summaries = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                summaries.add(new TreeMap<>());
            }
            GroupValues collected = new GroupValues(groups);
            for (Map.Entry<String, TimedValues> metric : metrics.entrySet()) {
                TimedValues values = metric.getValue();
                int firstValue = firstAtLeast(values.declaredAt(), from);
                int endValue = Math.max(firstValue, firstAtLeast(values.declaredAt(), to));
                collected.collect(values, firstValue, endValue, groupOf, first, multiGroups);
                collected.summarize(metric.getKey(), inconsistencies, summaries);
            }
            List<MetricsGroupView> views = new ArrayList<>();
            TreeMap<String, Integer> sortedGroups = new TreeMap<>();
            for (int g = 0; g < groups; g++) {
                sortedGroups.put(keys.names.get(g), g);
            }
            MetricSummaryView none = MetricSummaryView.of(new long[0], 0);
            sortedGroups.forEach((key, g) -> {
                Map<String, MetricSummaryView> byMetric = new LinkedHashMap<>();
                Map<String, MetricSummaryView> found = summaries.get(g);
                catalogue.forEach(metric -> byMetric.put(metric, found.getOrDefault(metric, none)));
                found.forEach(byMetric::putIfAbsent);
                views.add(new MetricsGroupView(key, incidents[g], customerFirstCount[g],
                        incidents[g] == 0 ? 0 : (double) customerFirstCount[g] / incidents[g], inconsistencies[g],
                        Collections.unmodifiableMap(byMetric)));
            });
            return new MetricsReportView(query.from(), query.to(), query.groupBy(), query.includeDrills(), views);
        }

        /** The report's group names by number, as the SQL path names them. */
        private final class GroupKeys {

            private final MetricsGroupBy groupBy;
            private final List<String> names = new ArrayList<>();
            private final Map<String, Integer> ids = new HashMap<>();
            private final Map<Integer, Integer> byValue = new HashMap<>();
            private final Map<Long, Integer> byDay = new HashMap<>();

            GroupKeys(MetricsGroupBy groupBy) {
                this.groupBy = groupBy;
            }

            int of(int slot) {
                if (groupBy == null) {
                    return id(MetricsQueryHandler.ALL);
                }
                return switch (groupBy) {
                    case SERVICE -> services[slot].length == 0 ? id(MetricsQueryHandler.NONE)
                            : service(services[slot][0]);
                    case SEVERITY -> byValue.computeIfAbsent(severity[slot],
                            id -> id(id < 0 ? MetricsQueryHandler.NONE : severityNames[id]));
                    case DETECTED_BY -> byValue.computeIfAbsent(detectedBy[slot],
                            id -> id(id < 0 ? MetricsQueryHandler.NONE : detectionSourceNames[id]));
                    case WEEK, MONTH -> {
                        Instant declared = Instant.EPOCH.plus(declaredAt[slot], ChronoUnit.MICROS);
                        yield byDay.computeIfAbsent(Math.floorDiv(declared.getEpochSecond(), 86_400L),
                                day -> id(MetricsQueryHandler.key(groupBy, null, null, declared)));
                    }
                };
            }

            int service(int service) {
                return byValue.computeIfAbsent(service, id -> id(serviceNames[id]));
            }

            private int id(String name) {
                return ids.computeIfAbsent(name, added -> {
                    names.add(added);
                    return names.size() - 1;
                });
            }
        }
    }

    /** One metric's values of the period per group, in arrays kept from metric to metric of one report. */
    private static final class GroupValues {

        private final long[][] millis;
        private final int[] count;
        private final long[] inconsistent;

        GroupValues(int groups) {
            millis = new long[groups][];
            count = new int[groups];
            inconsistent = new long[groups];
            for (int g = 0; g < groups; g++) {
                millis[g] = new long[64];
            }
        }

        /** Collects the values {@code first..end-1}, whose incidents' ranks start at {@code firstRank}. */
        void collect(TimedValues values, int first, int end, int[] groupOf, int firstRank, int[] multiGroups) {
            Arrays.fill(count, 0);
            Arrays.fill(inconsistent, 0);
            long[] valueMillis = values.millis();
            int[] valueRanks = values.ranks();
            for (int i = first; i < end; i++) {
                int rank = valueRanks[i];
                int group = groupOf[owner(rank) - firstRank];
                if (group == -1) {
                    continue;
                }
                if (group >= 0) {
                    add(group, rank, valueMillis[i]);
                } else {
                    int at = -group - 2;
                    for (int g = at + 1; g <= at + multiGroups[at]; g++) {
                        add(multiGroups[g], rank, valueMillis[i]);
                    }
                }
            }
        }

        private void add(int group, int rank, long value) {
            if (rank < 0) {
                inconsistent[group]++;
                return;
            }
            long[] groupMillis = millis[group];
            if (count[group] == groupMillis.length) {
                groupMillis = Arrays.copyOf(groupMillis, groupMillis.length * 2);
                millis[group] = groupMillis;
            }
            groupMillis[count[group]++] = value;
        }

        void summarize(String metric, long[] groupInconsistencies, List<Map<String, MetricSummaryView>> summaries) {
            for (int group = 0; group < count.length; group++) {
                groupInconsistencies[group] += inconsistent[group];
                int n = count[group];
                if (n == 0 && inconsistent[group] == 0) {
                    continue;
                }
                if (n == 0) {
                    summaries.get(group).put(metric, MetricSummaryView.of(new long[0], inconsistent[group]));
                    continue;
                }
                long[] values = millis[group];
                int[] ranks = MetricSummaryView.ranksRead(n);
                selectRanks(values, 0, n, ranks, 0, ranks.length);
                summaries.get(group).put(metric, MetricSummaryView.ofRanked(n, sum(values, n),
                        rank -> values[rank], inconsistent[group]));
            }
        }

        /**
         * The sum, added without an overflow check per value: only when the smallest or largest value times the
         * count could leave the range of a long is it added again with one (and fails as the SQL path does).
         */
        private static long sum(long[] values, int n) {
            long sum = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                long value = values[i];
                sum += value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            if (max > Long.MAX_VALUE / n || min < Long.MIN_VALUE / n) {
                sum = 0;
                for (int i = 0; i < n; i++) {
                    sum = Math.addExact(sum, values[i]);
                }
            }
            return sum;
        }
    }

    /** Rough bytes the current snapshot holds (arrays only), for measurements. */
    long approximateBytes() {
        Snapshot current = snapshot;
        if (current == null) {
            return 0;
        }
        long bytes = (long) current.declaredAt.length * (8 + 4 + 4 + 1 + 1 + 4 + 8 + 16);
        bytes += current.values() * 20 + (long) current.size * 12;
        bytes += (long) slots.size() * 100;
        return bytes;
    }
}
