/**
 * JUnit 5 support for {@code *IT} tests: {@link io.tickforge.broker.junit.EmbeddedKafkaExtension} starts a real
 * in-process broker per test class. JUnit is an optional dependency of this module, so the runnable jar does not
 * carry it; test code that uses the extension already has JUnit on its classpath.
 */
package io.tickforge.broker.junit;
