/**
 * Implementation details of {@link io.tickforge.timegan.nn}: the two {@link io.tickforge.timegan.nn.Gemm}
 * implementations (plain Java and ND4J) and element-wise kernels. Not an API: use the factories on
 * {@code Gemm}.
 */
package io.tickforge.timegan.nn.internal;
