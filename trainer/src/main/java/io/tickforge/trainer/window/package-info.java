/**
 * The rolling window of the latest bars per symbol, kept in a named, changelogged state store so that a restarted
 * or rebalanced trainer has it back. Owned by the stream task of the symbol's partition (of the single pooled
 * partition with {@code schedule.scope = POOLED}). {@link io.tickforge.trainer.window.BarWindow} lays a window out
 * as a ring of keys plus a head record, so appending a bar costs the same changelog traffic however large the
 * window; {@link io.tickforge.trainer.window.WindowStores} names the stores.
 */
package io.tickforge.trainer.window;
