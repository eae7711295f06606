package dev.incidenttimeline.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MetricValueIndexTest {

    @Test
    void selectsTheValuesAtTheRanksAPercentileReadsAsSortingWould() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            int count = 1 + random.nextInt(round < 1_000 ? 40 : 3_000);
            // Few distinct values in some rounds (many equal), spread ones in others.
            int distinct = random.nextBoolean() ? 1 + random.nextInt(5) : Integer.MAX_VALUE;
            long[] values = new long[count];
            for (int i = 0; i < count; i++) {
                values[i] = random.nextInt(distinct) - (distinct == Integer.MAX_VALUE ? 0 : 2);
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int[] ranks = MetricSummaryView.ranksRead(count);

            MetricValueIndex.selectRanks(values, 0, count, ranks, 0, ranks.length);

            for (int rank : ranks) {
                assertThat(values[rank]).as("rank %d of %d", rank, count).isEqualTo(sorted[rank]);
            }
            Arrays.sort(values);
            assertThat(values).as("the same values, only moved").isEqualTo(sorted);
        }
    }

    @Test
    void findsTheNthSetBitOfAWordAsCountingFromTheLowestBitWould() {
        Random random = new Random(5);
        long[] words = new long[2_000];
        words[0] = -1L;
        words[1] = Long.MIN_VALUE;
        words[2] = 1L;
        for (int i = 3; i < words.length; i++) {
            // Sparse and dense words alike.
            words[i] = i % 2 == 0 ? random.nextLong() : random.nextLong() & random.nextLong() & random.nextLong();
        }
        for (long word : words) {
            int n = 0;
            for (int bit = 0; bit < 64; bit++) {
                if ((word >>> bit & 1) == 1) {
                    assertThat(MetricValueIndex.nthSetBit(word, n)).as("set bit %d of %x", n, word).isEqualTo(bit);
                    n++;
                }
            }
        }
    }

    @Test
    void ordersIndicesByKeyKeepingEqualKeysInIndexOrder() {
        long[] times = {5, Long.MIN_VALUE, 3, 5, 1, 3};

        assertThat(MetricValueIndex.ascendingOrder(times, times.length)).containsExactly(1, 4, 2, 5, 0, 3);
        assertThat(MetricValueIndex.ascendingOrder(times, 0)).isEmpty();
    }
}
