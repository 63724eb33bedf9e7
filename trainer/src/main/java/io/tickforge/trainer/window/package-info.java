/**
 * The rolling window of the latest bars per symbol, kept in a named, changelogged state store so that a restarted
 * or rebalanced trainer has it back. Owned by the stream task of the symbol's partition.
 */
package io.tickforge.trainer.window;
