package io.tickforge.trainer;

import io.tickforge.trainer.retrain.RetrainService;
import io.tickforge.trainer.retrain.TrainingOutcome;
import io.tickforge.trainer.retrain.TrainingRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A synchronous {@link RetrainService} for topology tests: it records what is submitted, starts nothing, reports
 * the models the test marks as running, refuses submits while told to, and drains the outcomes the test queues.
 */
public final class FakeRetrainService implements RetrainService {
    private final List<TrainingRequest> started = new ArrayList<>();
    private final Set<String> running = new HashSet<>();
    private final List<TrainingOutcome> finished = new ArrayList<>();
    private boolean refusing;
    private RuntimeException failure;
    private int attempts;
    private int drains;

    @Override
    public boolean submit(TrainingRequest request) {
        attempts++;
        if (failure != null) {
            throw failure;
        }
        if (refusing) {
            return false;
        }
        started.add(request);
        return true;
    }

    @Override
    public boolean isRunning(String modelName) {
        return running.contains(modelName);
    }

    @Override
    public List<TrainingOutcome> drain() {
        drains++;
        if (failure != null) {
            throw failure;
        }
        List<TrainingOutcome> out = List.copyOf(finished);
        finished.clear();
        return out;
    }

    @Override
    public void close() {
        // nothing runs
    }

    /** @param error thrown by {@link #submit} and {@link #drain} from now on; null to stop */
    public void fail(RuntimeException error) {
        this.failure = error;
    }

    /** @param refuse whether {@link #submit} returns false (as with a full pool) */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /**
     * @param model     a model
     * @param isRunning whether {@link #isRunning} says so
     */
    public void running(String model, boolean isRunning) {
        if (isRunning) {
            running.add(model);
        } else {
            running.remove(model);
        }
    }

    /** @param outcome returned by the next {@link #drain} */
    public void finish(TrainingOutcome outcome) {
        finished.add(outcome);
    }

    /** @return the requests accepted by {@link #submit}, oldest first */
    public List<TrainingRequest> started() {
        return List.copyOf(started);
    }

    /** @return calls of {@link #submit}, accepted or not */
    public int attempts() {
        return attempts;
    }

    /** @return calls of {@link #drain} */
    public int drains() {
        return drains;
    }
}
