/**
 * The quality gate: the most recent slice of a window is held out of training, and a candidate is published only
 * if its scores on that slice (the timegan module's discriminative and predictive metrics, with a smaller budget)
 * beat or tie the current model's on the same slice, within a tolerance.
 */
package io.tickforge.trainer.gate;
