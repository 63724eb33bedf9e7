package io.tickforge.cli.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric-name extraction MetricsReferenceIT relies on: it must find every name, and nothing else. */
class PromQlTest {

    @Test
    void shouldFindTheMetricWhenFunctionsAggregationsAndGroupingSurroundIt() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, instance) "
                + "(rate(tickforge_producer_send_latency_seconds_bucket{job=~\"$job\", instance=~\"$instance\"}"
                + "[$__rate_interval])))"))
                .containsExactly("tickforge_producer_send_latency_seconds_bucket");
    }

    @Test
    void shouldFindBothSidesWhenABinaryOperatorMatchesOnLabels() {
        assertThat(PromQl.metricNames("sum by (job, instance, reason) (rate(tickforge_trainer_dlq_records_total[5m]))\n"
                + "  > on (job, instance) group_left\n"
                + "0.01 * sum by (job, instance) (rate(tickforge_trainer_records_in_total[5m]))"))
                .containsExactly("tickforge_trainer_dlq_records_total", "tickforge_trainer_records_in_total");
    }

    @Test
    void shouldIgnoreKeywordsNumbersAndLabelValuesWhenTheyLookLikeNames() {
        assertThat(PromQl.metricNames("a_metric < 0.9 * (b_metric < +Inf) and on (job) count by (job) (c_metric) > 1e3"
                + " or vector(0) unless d_metric{reason=\"up\"} offset 5m"))
                .containsExactly("a_metric", "b_metric", "c_metric", "d_metric");
    }

    @Test
    void shouldReadTheMetricOfAGrafanaLabelValuesQueryWhenItHasMatchers() {
        assertThat(PromQl.metricNames("label_values(tickforge_trainer_bars_closed_total{job=~\"$job\", "
                + "instance=~\"$instance\"}, symbol)")).containsExactly("tickforge_trainer_bars_closed_total");
        assertThat(PromQl.metricNames("label_values(tickforge_trainer_records_in_total, job)"))
                .containsExactly("tickforge_trainer_records_in_total");
    }

    @Test
    void shouldCountTheSeriesOfALabelValuesQueryWhenPrometheusEvaluatesIt() {
        assertThat(PromQl.asPromQl("label_values(m{job=~\"$job\", instance=~\"$instance\"}, symbol)"))
                .isEqualTo("count by (symbol) (m{job=~\"$job\", instance=~\"$instance\"})");
        assertThat(PromQl.asPromQl("sum(rate(m[5m]))")).isEqualTo("sum(rate(m[5m]))");
    }

    @Test
    void shouldFindAMetricWithoutSelectorWhenItStandsAlone() {
        assertThat(PromQl.metricNames("up{job=~\"tickforge-.*\"} == 0")).containsExactly("up");
        assertThat(PromQl.metricNames("process_cpu_usage * system_cpu_count"))
                .containsExactly("process_cpu_usage", "system_cpu_count");
    }
}
