/**
 * The window's store layout (the per-symbol head record and its serde) and the processor that appends closed bars.
 * Owned by {@link io.tickforge.trainer.window.BarWindow} and {@link io.tickforge.trainer.window.WindowStores}; not
 * an API.
 */
package io.tickforge.trainer.window.internal;
