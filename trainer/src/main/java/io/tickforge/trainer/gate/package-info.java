/**
 * The quality gate: the most recent slice of a window is held out of training, and a candidate is published only
 * if its scores on that slice (the timegan module's discriminative and predictive metrics, with a smaller budget)
 * beat or tie the current model's on the same slice, within a tolerance.
 *
 * <p>{@link io.tickforge.trainer.gate.HeldOutWindows} holds the slice in the gate's own scaled space (a scaler fit
 * on the held-out rows, so that neither model's scaler is favoured); {@link io.tickforge.trainer.gate.ModelScorer}
 * scores one model there ({@link io.tickforge.trainer.gate.QualityScorer} with fixed seeds, or a test's fake);
 * {@link io.tickforge.trainer.gate.QualityGate} applies the rule and returns a
 * {@link io.tickforge.trainer.gate.GateDecision}. Everything here runs on a training worker's thread.
 */
package io.tickforge.trainer.gate;
