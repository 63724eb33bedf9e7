package io.tickforge.trainer.retrain.internal;

import io.tickforge.schemas.Bar;
import io.tickforge.schemas.ModelMetadata;
import io.tickforge.trainer.metrics.TrainerMetrics;
import io.tickforge.trainer.publish.ModelHeaders;
import io.tickforge.trainer.retrain.RetrainService;
import io.tickforge.trainer.retrain.ScheduleConfig;
import io.tickforge.trainer.retrain.TrainingOutcome;
import io.tickforge.trainer.retrain.TrainingRequest;
import io.tickforge.trainer.window.BarWindow;
import io.tickforge.trainer.window.WindowConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schedule on the stream thread. Each appended bar counts towards its model ({@code schedule.modelFor}); a
 * model's first training starts when its bars suffice, later ones every {@code schedule.retrainEveryBars} bars or
 * {@code schedule.retrainInterval} of wall-clock time since the last start (with at least one new bar), whichever
 * first. A trigger sends a snapshot of the model's window(s) to the {@link RetrainService}; when the service cannot
 * start it (one running for the model, the pool full) the trigger stays pending, because it is derived from the
 * persisted state, and the next check retries. Bars trigger checks of their own model (FIRST and BARS); a wall-clock
 * punctuator every {@code schedule.checkInterval} first drains finished trainings (publishing accepted checkpoints
 * downstream) and then checks every model, interval triggers included.
 *
 * <p>When bars suffice for a first training: per symbol, when the symbol's window holds {@code window.minBars};
 * pooled, when the symbols whose window holds at least {@code training.steps + 1} bars (enough for one training
 * window after the feature transform) hold {@code window.minBars} together. Pooled requests carry exactly those
 * symbols.
 */
public final class ScheduleProcessor implements Processor<String, Bar, String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleProcessor.class);

    private final String storeName;
    private final ScheduleConfig schedule;
    private final WindowConfig windowConfig;
    private final int minSymbolBars;
    private final RetrainService retrain;
    private final TrainerMetrics metrics;
    /** Models whose last submit was refused: bars no longer retry them (each try copies a window), checks do. */
    private final Set<String> deferred = new HashSet<>();
    private ProcessorContext<String, byte[]> context;
    private BarWindow windows;
    private KeyValueStore<String, ScheduleState> states;

    /**
     * @param storeName     the schedule store
     * @param schedule      when to train
     * @param window        the window settings (capacity, minBars)
     * @param trainingSteps bars per training window; pooled symbols need one more to count
     * @param retrain       where trainings go
     * @param metrics       where accepted models are recorded
     */
    public ScheduleProcessor(String storeName, ScheduleConfig schedule, WindowConfig window, int trainingSteps,
                             RetrainService retrain, TrainerMetrics metrics) {
        this.storeName = Objects.requireNonNull(storeName, "storeName");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.windowConfig = Objects.requireNonNull(window, "window");
        this.minSymbolBars = trainingSteps + 1;
        this.retrain = Objects.requireNonNull(retrain, "retrain");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, byte[]> processorContext) {
        this.context = processorContext;
        this.windows = BarWindow.of(processorContext, windowConfig.capacity());
        this.states = processorContext.getStateStore(storeName);
        this.deferred.clear();
        processorContext.schedule(schedule.checkInterval(), PunctuationType.WALL_CLOCK_TIME, at -> check());
    }

    @Override
    public void process(Record<String, Bar> record) {
        Bar bar = record.value();
        if (bar == null) {
            return;
        }
        String model = schedule.modelFor(bar.symbol());
        ScheduleState state = state(model).plusBar();
        states.put(model, state);
        if (!deferred.contains(model)) {
            consider(model, state, false);
        }
    }

    /** The punctuation: collect finished trainings, then check every model's triggers. */
    private void check() {
        publishOutcomes();
        for (String model : models()) {
            consider(model, state(model), true);
        }
    }

    private void consider(String model, ScheduleState state, boolean withInterval) {
        long now = context.currentSystemTimeMs();
        TrainingRequest.Trigger trigger = due(model, state, now, withInterval);
        if (trigger == null || retrain.isRunning(model)) {
            return;
        }
        SortedMap<String, List<Bar>> bars = new TreeMap<>();
        for (String symbol : symbolsOf(model)) {
            List<Bar> window = windows.bars(symbol);
            if (!window.isEmpty()) {
                bars.put(symbol, window);
            }
        }
        if (bars.isEmpty()) {
            return;
        }
        TrainingRequest request = new TrainingRequest(model, bars, trigger, now);
        boolean started;
        try {
            started = retrain.submit(request);
        } catch (RuntimeException e) {
            LOG.warn("training submit failed model={} trigger={} error={}", model, trigger, e.toString(), e);
            started = false;
        }
        if (started) {
            states.put(model, state.started(now));
            deferred.remove(model);
            LOG.info("training started model={} trigger={} bars={} symbols={} barsSinceLast={}", model, trigger,
                    request.barCount(), bars.size(), state.barsSince());
        } else if (deferred.add(model)) {
            LOG.info("training deferred model={} trigger={} (retrain service busy), retried every {} ms", model,
                    trigger, schedule.checkInterval().toMillis());
        }
    }

    private TrainingRequest.Trigger due(String model, ScheduleState state, long now, boolean withInterval) {
        if (!state.firstRequested()) {
            return firstReady(model, state) ? TrainingRequest.Trigger.FIRST : null;
        }
        if (state.barsSince() >= schedule.retrainEveryBars()) {
            return TrainingRequest.Trigger.BARS;
        }
        if (withInterval && state.barsSince() > 0
                && now - state.lastStartedAt() >= schedule.retrainInterval().toMillis()) {
            return TrainingRequest.Trigger.INTERVAL;
        }
        return null;
    }

    private boolean firstReady(String model, ScheduleState state) {
        int minBars = windowConfig.minBars();
        if (schedule.scope() == ScheduleConfig.Scope.PER_SYMBOL) {
            return windows.size(symbolOf(model)) >= minBars;
        }
        if (state.barsSince() < minBars) {
            // a window never holds more bars than were appended, so no need to look
            return false;
        }
        long total = 0;
        for (String symbol : symbolsOf(model)) {
            total += windows.size(symbol);
        }
        return total >= minBars;
    }

    /** @return the symbols a model trains on: its own (per symbol), or those with enough bars (pooled) */
    private List<String> symbolsOf(String model) {
        if (schedule.scope() == ScheduleConfig.Scope.PER_SYMBOL) {
            return List.of(symbolOf(model));
        }
        List<String> symbols = new ArrayList<>();
        for (String symbol : windows.symbols()) {
            if (windows.size(symbol) >= minSymbolBars) {
                symbols.add(symbol);
            }
        }
        return symbols;
    }

    private static String symbolOf(String perSymbolModel) {
        return perSymbolModel.substring(ScheduleConfig.MODEL_PREFIX.length());
    }

    /** @return the models of the symbols this task holds windows for */
    private Set<String> models() {
        Set<String> models = new TreeSet<>();
        for (String symbol : windows.symbols()) {
            models.add(schedule.modelFor(symbol));
        }
        return models;
    }

    private ScheduleState state(String model) {
        ScheduleState state = states.get(model);
        return state == null ? ScheduleState.INITIAL : state;
    }

    private void publishOutcomes() {
        List<TrainingOutcome> outcomes;
        try {
            outcomes = retrain.drain();
        } catch (RuntimeException e) {
            LOG.warn("collecting finished trainings failed error={}", e.toString(), e);
            return;
        }
        for (TrainingOutcome outcome : outcomes) {
            if (outcome instanceof TrainingOutcome.Accepted accepted) {
                publish(accepted);
            } else if (outcome instanceof TrainingOutcome.Rejected rejected) {
                LOG.warn("model rejected model={} candidateDisc={} candidatePred={} currentDisc={} currentPred={}"
                                + " durationMs={}", rejected.modelName(), rejected.candidate().discriminative(),
                        rejected.candidate().predictive(), rejected.current().discriminative(),
                        rejected.current().predictive(), rejected.durationMs());
            } else if (outcome instanceof TrainingOutcome.Failed failed) {
                LOG.warn("model training failed model={} reason={} durationMs={} message={}", failed.modelName(),
                        failed.reason().tag(), failed.durationMs(), failed.message());
            }
        }
    }

    private void publish(TrainingOutcome.Accepted accepted) {
        ModelMetadata metadata = accepted.metadata();
        context.forward(new Record<>(accepted.modelName(), accepted.checkpoint(), context.currentSystemTimeMs(),
                ModelHeaders.of(metadata)));
        metrics.currentModel(metadata);
        LOG.info("model accepted model={} version={} disc={} pred={} warm={} durationMs={}", accepted.modelName(),
                metadata.modelVersion(), metadata.scores().discriminative(), metadata.scores().predictive(),
                accepted.warm(), accepted.durationMs());
    }
}
